import { type WatchedMessage, watchId } from '../../src/clients/client-watch.js';
import { FirestoreWatchStore } from '../../src/clients/client-watch-store.js';
import { createJobs, type Jobs } from '../../src/jobs/jobs.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { isolatedProjectId } from '../support/sweep-fixture.js';

/** Channels the fake Slack knows: Kept is in the first two; the shared one is a Slack Connect channel. */
export const CHANNELS = { acme: 'CACME1', globex: 'CGLOBEX1', notIn: 'CNOTIN1', shared: 'CSHARED1' } as const;
export const OTHER_TEAM = 'TCLIENTORG';

export interface ClientWorld {
  readonly h: KeptHarness;
  readonly team: string;
  readonly jobs: Jobs;
  /** A message event in a channel, from a teammate or (with `outside`) from the client's side of a shared channel. */
  message(
    user: string,
    channel: string,
    at: string,
    text: string,
    extra?: { threadTs?: string; outside?: boolean; subtype?: string; botId?: string },
  ): Promise<string>;
  command(user: string, text: string): Promise<string>;
  watched(channel: string, ts: string): Promise<WatchedMessage | undefined>;
  /** Waits until the message is stored (events are handled after Slack's 200). */
  waitWatched(channel: string, ts: string): Promise<WatchedMessage>;
  sweep(at: string): Promise<void>;
  dmsTo(user: string): Record<string, any>[];
  stop(): Promise<void>;
}

export function tsAt(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)}.000100`;
}

/** Kept with an isolated Firestore project (sweeps read every workspace), a team, its people and channels. */
export async function startClientWorld(now = '2026-12-01T08:00:00Z'): Promise<ClientWorld> {
  const projectId = isolatedProjectId();
  const h = await startKept({ projectId, now: new Date(now) });
  const team = newTeamId();
  h.fake.setTeam(team);
  for (const id of ['UADMIN', 'UANA', 'UBEN', 'ULEAD']) h.fake.addUser({ id, tz: 'Europe/Warsaw', is_admin: id === 'UADMIN' });
  h.fake.addUser({ id: 'UEXT', tz: 'America/New_York', team_id: OTHER_TEAM });
  h.fake.addUser({ id: 'UEXT2', tz: 'America/New_York', team_id: OTHER_TEAM });
  stubChannels(h);
  const store = new FirestoreWatchStore(h.db);
  const jobs = createJobs({
    config: { slack: { botToken: 'xoxb-test-token', apiUrl: h.fake.url } as never },
    db: h.db,
    logger: new JsonLogger('error', () => undefined),
  });
  const world: ClientWorld = {
    h,
    team,
    jobs,
    async message(user, channel, at, text, extra = {}) {
      const ts = tsAt(at);
      const event = {
        type: 'message',
        channel,
        channel_type: 'channel',
        user,
        text,
        ts,
        event_ts: ts,
        ...(extra.outside ? { user_team: OTHER_TEAM } : {}),
        ...(extra.threadTs ? { thread_ts: extra.threadTs } : {}),
        ...(extra.subtype ? { subtype: extra.subtype } : {}),
        ...(extra.botId ? { bot_id: extra.botId } : {}),
      };
      const res = await h.event(team, event);
      if (res.status !== 200) throw new Error(`event answered ${res.status}`);
      await h.kept.idle(5_000);
      return ts;
    },
    async command(user, text) {
      const { reply } = await h.command(team, user, '/client', text);
      return String(reply.text ?? '');
    },
    watched: (channel, ts) => store.get({ teamId: team }, watchId(channel, ts)),
    async waitWatched(channel, ts) {
      for (let i = 0; i < 100; i++) {
        const found = await store.get({ teamId: team }, watchId(channel, ts));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error(`message ${channel} ${ts} was never watched`);
    },
    async sweep(at) {
      await jobs.reminders(new Date(at));
    },
    dmsTo: (user) =>
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === user)
        .map((c) => c.args),
    stop: () => h.stop(),
  };
  return world;
}

function stubChannels(h: KeptHarness): void {
  h.fake.stub('conversations.info', (args) => {
    const id = String(args.channel ?? '');
    if (id === CHANNELS.notIn) return { ok: false, error: 'channel_not_found' };
    return { ok: true, channel: { id, name: id.toLowerCase(), is_channel: true, is_member: true, is_ext_shared: id === CHANNELS.shared, is_private: false } };
  });
}
