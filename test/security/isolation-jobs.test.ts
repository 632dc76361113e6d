// Scheduled work and workspace isolation: the sweep and the recap read every workspace at once, yet each
// message goes out with its own workspace's bot token and carries only that workspace's data. The two
// workspaces here share the owner's and the lead's user ids and the channel ids, so only the token tells
// them apart. A Firestore project of its own keeps other files' data out of these sweeps.
import type { Installation, InstallationStore } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentService } from '../../src/incidents/incident-service.js';
import { FirestoreIncidentStore } from '../../src/incidents/incident-store.js';
import { createJobs } from '../../src/jobs/jobs.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { FirestoreSettingsStore } from '../../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { StoryService } from '../../src/stories/story-service.js';
import { FirestoreStoryStore } from '../../src/stories/story-store.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { isolatedProjectId, sweepDb, sweepWorld } from '../support/sweep-fixture.js';
import { newTeamId } from '../support/test-db.js';

// Tuesday 1 December 2026, 10:30 in Warsaw: promises and incidents are due; the recap is on Friday 15:00.
const SWEEP_AT = new Date('2026-12-01T09:30:00Z');
const RECAP_AT = new Date('2026-12-04T14:05:00Z');
const SETUP = new Date('2026-11-27T09:00:00Z');

let fake: FakeSlack;
const projectId = isolatedProjectId();
const db = sweepDb(projectId);
const world = {
  A: { teamId: newTeamId(), token: 'xoxb-workspace-a-token', mark: 'A-ONLY' },
  B: { teamId: newTeamId(), token: 'xoxb-workspace-b-token', mark: 'B-ONLY' },
};
const workspaces = [world.A, world.B];

/** OAuth distribution: each workspace has its own installation and bot token. */
const installations: InstallationStore = {
  storeInstallation: async () => undefined,
  fetchInstallation: async (query) => {
    const ws = workspaces.find((w) => w.teamId === query.teamId);
    if (!ws) throw new Error('No installation for this workspace');
    return {
      team: { id: ws.teamId },
      enterprise: undefined,
      user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
      bot: { id: 'BBOT', userId: 'UBOT', token: ws.token, scopes: [] },
    } as unknown as Installation;
  },
};

beforeAll(async () => {
  fake = await startFakeSlack();
  for (const id of ['UANA', 'ULEAD']) fake.addUser({ id, tz: 'Europe/Warsaw' });
  const seed = sweepWorld(fake, projectId);
  const settings = new FirestoreSettingsStore(db, () => SETUP);
  const incidents = new IncidentService(new FirestoreIncidentStore(db), settings);
  const stories = new StoryService(new FirestoreStoryStore(db));
  for (const ws of workspaces) {
    const workspace = { teamId: ws.teamId };
    await settings.save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', leads: ['ULEAD'], channels: { recap: 'CRECAP' } });
    // Due at 09:00 in Warsaw: the due notice to the owner and the overdue alert to the lead are both due at the sweep.
    await seed.logPromise(workspace, {
      owner: 'UANA',
      client: `${ws.mark} client`,
      what: `${ws.mark} quote`,
      due: '2026-12-01T08:00:00Z',
      created: SETUP.toISOString(),
    });
    // A sev1 nobody acknowledged for an hour and a half: the owner's cadence reminder and the leads' alert.
    await incidents.open(
      workspace,
      { reporterId: 'UANA', ownerId: 'UANA', ownerTimeZone: 'Europe/Warsaw', client: `${ws.mark} client`, title: `${ws.mark} outage`, severity: 'sev1' },
      new Date('2026-12-01T08:00:00Z'),
      async () => ({ channelId: 'CINC', messageTs: '1700000000.000100' }),
    );
    await stories.share(workspace, { authorId: 'UANA', featuredIds: ['ULEAD'], what: `${ws.mark} story of the week` }, new Date('2026-12-02T10:00:00Z'));
  }
  await seed.db.terminate();
});
afterAll(async () => {
  await fake.close();
  await db.terminate();
});

function jobs() {
  const config = { slack: { botToken: undefined, signingSecret: undefined, appToken: undefined, apiUrl: fake.url } };
  return createJobs({ config, db, logger: new JsonLogger('error', () => undefined), channelIntervalMs: 0, installations });
}

/** Every call the jobs made, by the workspace whose token it used, and whether it carried the other's data. */
function audit() {
  const calls = fake.calls.filter((c) => c.method !== 'auth.test' && !c.method.startsWith('upload:'));
  const byToken = (ws: (typeof workspaces)[number]) => calls.filter((c) => c.token === ws.token);
  const other = (ws: (typeof workspaces)[number]) => (ws === world.A ? world.B : world.A);
  const crossed = workspaces.flatMap((ws) =>
    byToken(ws)
      .filter((c) => JSON.stringify(c.args).includes(other(ws).mark))
      .map((c) => `${c.method} with ${ws.mark}'s token`),
  );
  const unknownToken = calls.filter((c) => !workspaces.some((ws) => ws.token === c.token)).map((c) => c.method);
  const own = (ws: (typeof workspaces)[number]) => byToken(ws).filter((c) => JSON.stringify(c.args).includes(ws.mark)).length;
  return { calls: calls.length, crossed, unknownToken, ownA: own(world.A), ownB: own(world.B) };
}

describe('scheduled work across workspaces', () => {
  it("posts each workspace's reminders, alerts and incident updates with its own token and its own data only", async () => {
    fake.reset();
    const summary = await jobs().reminders(SWEEP_AT);
    const result = audit();
    const posts = (token: string) =>
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.token === token)
        .map((c) => c.args.channel)
        .sort();
    console.log(
      `Sweep isolation: ${summary.sent} sent; ${result.calls} Slack calls, ${result.ownA} with A's data on A's token, ${result.ownB} with B's on B's, ${result.crossed.length} crossed, ${result.unknownToken.length} with another token`,
    );
    expect(summary).toMatchObject({ failed: 0 });
    expect(result.crossed).toEqual([]);
    expect(result.unknownToken).toEqual([]);
    // The same user ids in both workspaces: each got their DM from each workspace, once.
    expect(posts(world.A.token)).toEqual(posts(world.B.token));
    expect(posts(world.A.token).length).toBeGreaterThanOrEqual(3);
    expect(result.ownA).toBeGreaterThanOrEqual(3);
    expect(result.ownB).toBe(result.ownA);
    for (const ws of workspaces) {
      const deliveries = await db.collection('teams').doc(ws.teamId).collection('deliveries').get();
      expect(deliveries.size).toBe(posts(ws.token).length);
    }
  });

  it("posts each workspace's recap to its own recap channel with its own token, naming only its own stories", async () => {
    fake.reset();
    const summary = await jobs().recap(RECAP_AT);
    const result = audit();
    const recaps = fake.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts);
    console.log(
      `Recap isolation: ${summary.sent} recaps sent; ${result.calls} Slack calls, ${result.crossed.length} crossed, ${result.unknownToken.length} with another token`,
    );
    expect(summary).toMatchObject({ sent: 2, failed: 0 });
    expect(recaps.map((c) => [c.token, c.args.channel]).sort()).toEqual([
      [world.A.token, 'CRECAP'],
      [world.B.token, 'CRECAP'],
    ]);
    for (const ws of workspaces) expect(JSON.stringify(recaps.find((c) => c.token === ws.token)!.args)).toContain(`${ws.mark} story of the week`);
    expect(result.crossed).toEqual([]);
    expect(result.unknownToken).toEqual([]);
  });
});
