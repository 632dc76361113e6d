// Every message Kept posts about a promise, an incident or a story carries Slack message metadata:
// the documented event type and a small payload (README, "Message metadata"). Asserted on what the fake Slack recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from '../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS } from '../src/incidents/incident-modals.js';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../src/promises/promise-blocks.js';
import { keptMetadata } from '../src/shared/slack/message-metadata.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';
import { STORY_ACTIONS } from '../src/stories/story-blocks.js';
import { incidentDriver } from './incidents/incident-harness.js';
import { type KeptHarness, newTeamId, startKept } from './support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
beforeEach(async () => {
  // What the previous test set going after its acknowledgements (thread posts, Home refreshes) lands before the reset.
  await h.kept.idle(5_000);
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UCARL', tz: 'Europe/Warsaw' });
});
const workspace = () => ({ teamId: team });
const eventually = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

describe('the metadata contract', () => {
  it('carries the version and leaves out what is not known', () => {
    expect(keptMetadata('kept_promise_kept', { promise_id: 'p1', client: 'ACME', renegotiations: undefined })).toEqual({
      event_type: 'kept_promise_kept',
      event_payload: { v: 1, promise_id: 'p1', client: 'ACME' },
    });
  });
});

describe('promise messages', () => {
  it('marks the /promise confirmation as logged, and Mark as kept as kept, with ids, client, status, due time and owner, never the text', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: send the secret pricing by tomorrow 15:00');
    const [promise] = (await h.kept.services.promises.listOpen(workspace(), {}, 10)).promises;
    expect(reply.metadata).toEqual({
      event_type: 'kept_promise_logged',
      event_payload: { v: 1, promise_id: promise!.id, client: 'ACME', status: 'open', due_at: '2026-12-02T14:00:00.000Z', owner_id: 'UANA' },
    });
    expect(JSON.stringify(reply.metadata)).not.toContain('secret pricing');

    const kept = await h.action(team, 'UANA', PROMISE_ACTIONS.kept, promise!.id);
    expect(kept.reply?.metadata).toEqual({
      event_type: 'kept_promise_kept',
      event_payload: {
        v: 1,
        promise_id: promise!.id,
        client: 'ACME',
        status: 'kept',
        due_at: '2026-12-02T14:00:00.000Z',
        owner_id: 'UANA',
        kept_on_time: true,
      },
    });
  });

  it('marks a renegotiation, with the new due time and how many there were', async () => {
    await h.command(team, 'UANA', '/promise', 'ACME: send the quote by tomorrow 15:00');
    const [promise] = (await h.kept.services.promises.listOpen(workspace(), {}, 10)).promises;
    const newDue = Date.parse('2026-12-04T14:00:00Z') / 1000;
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.renegotiate,
      {
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: newDue } },
        [FIELDS.reason]: { [FIELDS.value]: { type: 'plain_text_input', value: 'waiting for the client data' } },
        [FIELDS.informed]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
      },
      JSON.stringify({ id: promise!.id }),
    );
    expect(res.status).toBe(200);
    const [dm] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm!.args.metadata).toMatchObject({
      event_type: 'kept_promise_renegotiated',
      event_payload: { promise_id: promise!.id, due_at: '2026-12-04T14:00:00.000Z', renegotiations: 1 },
    });
  });
});

describe('incident messages', () => {
  const d = () => incidentDriver(h, () => team);

  it('marks the incident message opened, then updated in place and in its thread, then resolved', async () => {
    const { incident } = await d().open('ACME sev1: checkout returns 500');
    const [post] = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === incident.channelId && !c.args.thread_ts);
    expect(post!.args.metadata).toMatchObject({ event_type: 'kept_incident_opened', event_payload: { incident_id: incident.id, severity: 'sev1' } });

    await d().click(incident, 'UBEN', INCIDENT_ACTIONS.acknowledge);
    const acknowledged = h.fake.callsTo('chat.update').at(-1)!;
    expect(acknowledged.args.metadata).toMatchObject({ event_type: 'kept_incident_updated', event_payload: { status: 'acknowledged', owner_id: 'UANA' } });
    const thread = h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === incident.messageTs);
    expect(thread.map((c) => c.args.metadata.event_type)).toEqual(['kept_incident_updated']);

    h.now = new Date('2026-12-01T10:00:00Z');
    const value = (v: string) => ({ [INCIDENT_FIELDS.value]: { type: 'plain_text_input', value: v } });
    await h.submit(team, 'UANA', INCIDENT_VIEWS.resolve, { [INCIDENT_FIELDS.note]: value('rolled back') }, JSON.stringify({ id: incident.id }));
    await eventually(() => h.fake.callsTo('chat.update').length >= 2);
    expect(h.fake.callsTo('chat.update').at(-1)!.args.metadata).toMatchObject({
      event_type: 'kept_incident_resolved',
      event_payload: { incident_id: incident.id, status: 'resolved', resolved_at: '2026-12-01T10:00:00.000Z' },
    });
  });
});

describe('story messages', () => {
  it('marks the story post shared and its refresh after an upvote upvoted, with the count', async () => {
    await h.kept.services.settings.save(workspace(), { ...DEFAULT_SETTINGS, channels: { recap: 'CWINS' } });
    const { reply } = await h.command(team, 'UANA', '/story', '<@UBEN> stayed late to walk ACME through the migration');
    const post = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'CWINS');
    expect(post!.args.metadata).toMatchObject({ event_type: 'kept_story_shared', event_payload: { featured_ids: 'UBEN', author_id: 'UANA', upvotes: 0 } });
    expect(reply.metadata.event_type).toBe('kept_story_shared');
    const storyId = post!.args.metadata.event_payload.story_id as string;

    await h.action(team, 'UANA', STORY_ACTIONS.upvote, storyId, { replyWaitMs: 0 });
    await h.action(team, 'UCARL', STORY_ACTIONS.upvote, storyId, { replyWaitMs: 0 });
    await eventually(() => h.fake.callsTo('chat.update').length > 0);
    expect(h.fake.callsTo('chat.update').at(-1)!.args.metadata).toMatchObject({
      event_type: 'kept_story_upvoted',
      event_payload: { story_id: storyId, upvotes: 1 },
    });
  });
});
