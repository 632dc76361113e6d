import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { stepDriver } from './step-driver.js';

let h: KeptHarness;
let steps: ReturnType<typeof stepDriver>;
beforeAll(async () => {
  h = await startKept();
  steps = stepDriver(h);
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const TOMORROW_NOON = Date.parse('2026-12-02T11:00:00Z') / 1000;
let team: string;
beforeEach(() => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBOT2', is_bot: true });
});

const settings = (overrides: Partial<WorkspaceSettings>) => h.kept.services.settings.save({ teamId: team }, { ...DEFAULT_SETTINGS, ...overrides });
const openPromises = async () => (await h.kept.services.promises.listOpen({ teamId: team }, {}, 50)).promises;
const inputs = (overrides: Record<string, unknown> = {}) => ({
  client: 'ACME',
  what: 'send the revised quote',
  owner: 'UANA',
  due: TOMORROW_NOON,
  ...overrides,
});

describe('the "Log a client promise" step', () => {
  it("logs the promise as /promise does, DMs the owner its card, and completes with the promise's id, due time and the card's link", async () => {
    const run = await steps.run(team, 'log_client_promise', inputs({ source_link: 'https://crm.example.com/deals/42' }));
    expect(run.status).toBe(200);
    const end = await steps.end(run);

    const [promise] = await openPromises();
    expect(promise).toMatchObject({ client: 'ACME', what: 'send the revised quote', ownerId: 'UANA', creatorId: 'UBOT', ownerTimeZone: 'Europe/Warsaw' });
    expect(promise!.dueAt.toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(promise!.permalink).toBe('https://crm.example.com/deals/42');
    // Reminders are planned as for any promise: the day-before reminder is the next step.
    expect(promise!.nextStepAt?.toISOString()).toBe('2026-12-01T11:00:00.000Z');

    const [dm] = h.fake.callsTo('chat.postMessage');
    expect(dm!.args.channel).toBe('UANA');
    expect(dm!.args.text).toBe(':handshake: A workflow logged a promise for you');
    expect(dm!.token).toBe(run.botAccessToken);
    expect(dm!.args.metadata).toEqual({
      event_type: 'kept_promise_logged',
      event_payload: { v: 1, promise_id: promise!.id, client: 'ACME', status: 'open', due_at: '2026-12-02T11:00:00.000Z', owner_id: 'UANA' },
    });
    expect(end).toEqual({
      kind: 'success',
      token: run.botAccessToken,
      outputs: { promise_id: promise!.id, due: TOMORROW_NOON, card_link: `https://kept-test.slack.com/archives/UANA/p${dm!.response!.ts.replace('.', '')}` },
    });
    // The owner's Home shows it; Kept's own bot user has no Home to refresh.
    await h.fake.waitForCalls('views.publish', 1);
    expect(h.fake.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['UANA']);
  });

  it('acknowledges the event before doing the work, so a slow Slack does not make Slack retry', async () => {
    h.fake.setLatency('users.info', 1_500);
    const run = await steps.run(team, 'log_client_promise', inputs());
    expect(run.status).toBe(200);
    expect(steps.ends(run)).toEqual([]);
    expect((await steps.end(run)).kind).toBe('success');
  });

  it('acknowledges a repeated delivery of the same event and logs nothing twice', async () => {
    const run = await steps.run(team, 'log_client_promise', inputs());
    await steps.end(run);
    const again = await steps.redeliver(run);
    const third = await steps.redeliver(run, 2);
    expect([again.status, third.status]).toEqual([200, 200]);
    await h.kept.idle(5_000);
    expect(await openPromises()).toHaveLength(1);
    expect(steps.ends(run)).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it("fails the step, in the workspace's language, when the due time has passed, and logs nothing", async () => {
    await settings({ language: 'pl', timeZone: 'Europe/Warsaw' });
    const run = await steps.run(team, 'log_client_promise', inputs({ due: Date.parse('2026-11-30T15:00:00Z') / 1000 }));
    const end = await steps.end(run);
    expect(end).toMatchObject({ kind: 'error', token: run.botAccessToken });
    // The date in the team time zone (16:00 in Warsaw), however the date formatter words it.
    expect(end.kind === 'error' && end.error).toMatch(/^Termin \(.*30.*16:00\) już minął\. Podaj termin w przyszłości\.$/);
    expect(await openPromises()).toEqual([]);
  });

  it.each([
    ['no client', { client: '  ' }, 'The step has no client. Fill in Client with the client’s name.'],
    ['no due time', { due: undefined }, 'The step has no due time. Fill in Due with a date and time.'],
    ['no owner', { owner: '' }, 'The step has no owner. Choose a person in Owner.'],
    ['a bot as the owner', { owner: 'UBOT2' }, 'The owner must be a teammate, not a bot or a deactivated account.'],
    ['a source link that is not a link', { source_link: 'see the CRM' }, 'Source link must be a link that starts with https://.'],
  ])('fails the step with a message the author can act on for %s, and logs nothing', async (_name, overrides, message) => {
    const run = await steps.run(team, 'log_client_promise', inputs(overrides));
    expect(await steps.end(run)).toMatchObject({ kind: 'error', error: message });
    expect(await openPromises()).toEqual([]);
  });

  it('still completes with the promise when Slack refuses the owner’s DM (only the card link is missing)', async () => {
    h.fake.injectFault('chat.postMessage', { kind: 'error', error: 'fatal_error' });
    const run = await steps.run(team, 'log_client_promise', inputs());
    const end = await steps.end(run);
    const [promise] = await openPromises();
    expect(end).toMatchObject({ kind: 'success', outputs: { promise_id: promise!.id, due: TOMORROW_NOON } });
    expect(end.kind === 'success' && 'card_link' in end.outputs).toBe(false);
  });

  it('fails the step with an error id within seconds when Slack cannot say who the owner is', async () => {
    h.fake.injectFault('users.info', { kind: 'status', status: 500 });
    const started = Date.now();
    const run = await steps.run(team, 'log_client_promise', inputs());
    const end = await steps.end(run);
    expect(end.kind).toBe('error');
    expect(end.kind === 'error' && end.error).toMatch(/error id: `[0-9a-f]{8}`/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await openPromises()).toEqual([]);
  });

  it('fails the step rather than leaving it hanging when Slack refuses the completion itself', async () => {
    h.fake.injectFault('functions.completeSuccess', { kind: 'status', status: 500 });
    const run = await steps.run(team, 'log_client_promise', inputs());
    await h.fake.waitForCalls('functions.completeError', 1);
    const [failed] = steps.ends(run).filter((c) => c.ok);
    expect(failed!.method).toBe('functions.completeError');
    expect(failed!.args.error).toMatch(/error id: `[0-9a-f]{8}`/);
    expect(failed!.token).toBe(run.botAccessToken);
  });
});
