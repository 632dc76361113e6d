import { expect } from 'vitest';
import type { ClientIncident } from '../../src/incidents/client-incident.js';
import { type KeptHarness, SIGNING_SECRET } from '../support/kept-harness.js';
import { blockActionPayload, interactionBody, postSigned } from '../support/slack-requests.js';

/** Helpers for driving incidents through the real app: clicks on the incident message itself, stored state. */
let counter = 0;

export function incidentDriver(h: KeptHarness, team: () => string) {
  const workspace = () => ({ teamId: team() });
  return {
    /** Opens one incident with `/incident <text>` and returns it as stored. */
    async open(text: string, userId = 'UANA', channelId = 'C_TEST'): Promise<{ incident: ClientIncident; reply: Record<string, any> }> {
      // Generous: the first request of a file warms up Bolt and the Firestore client on a busy machine.
      const { status, reply } = await h.command(team(), userId, '/incident', text, { channelId, replyWaitMs: 15_000 });
      expect(status).toBe(200);
      const page = await h.kept.services.incidents.listOpen(workspace(), 50);
      const incident = page.incidents.find((i) => text.includes(i.title.slice(0, 10)));
      expect(incident, `no incident stored for "${text}"; reply: ${JSON.stringify(reply)}`).toBeDefined();
      return { incident: incident!, reply };
    },
    /** A signed button click, on the incident message (default) or elsewhere (a DM). */
    async click(incident: ClientIncident, userId: string, actionId: string, where: { channelId?: string; messageTs?: string } = {}) {
      const key = `click${++counter}`;
      const payload = blockActionPayload({
        teamId: team(),
        userId,
        actionId,
        value: incident.id,
        channelId: where.channelId ?? incident.channelId,
        messageTs: where.messageTs ?? incident.messageTs,
        responseUrl: h.fake.responseUrl(key),
      });
      const result = await postSigned(`${h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET });
      expect(result.status).toBe(200);
      const [reply] = await h.fake.waitForCalls(`response_url:${key}`, 1, 1_000).catch(() => [undefined]);
      return reply?.args as Record<string, any> | undefined;
    },
    get: (id: string) => h.kept.services.incidents.get(workspace(), id),
    /** Calls of one method since the last reset, to one channel. */
    calls: (method: string, channel?: string) => h.fake.callsTo(method).filter((c) => channel === undefined || c.args.channel === channel),
    threadReplies: (incident: ClientIncident) =>
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.thread_ts === incident.messageTs)
        .map((c) => String(c.args.text)),
    lastUpdate: (incident: ClientIncident) =>
      h.fake
        .callsTo('chat.update')
        .filter((c) => c.args.ts === incident.messageTs)
        .at(-1)?.args,
  };
}

export const blocksText = (message: { blocks?: unknown[] } | undefined) => JSON.stringify(message?.blocks ?? []);

/** Waits (polling the fake's record) until `check` holds; for work Kept does after acknowledging a request. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('eventually: condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
