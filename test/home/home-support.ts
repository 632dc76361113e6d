import type { ClientIncident, Severity } from '../../src/incidents/client-incident.js';
import type { Story } from '../../src/stories/story.js';
import type { KeptHarness } from '../support/kept-harness.js';

/** Helpers for the Home's incident and story parts: stored fixtures, and waiting for a republished Home. */
export function homeDriver(h: KeptHarness, team: () => string) {
  const workspace = () => ({ teamId: team() });
  let ts = 0;
  const homesOf = (userId: string) => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId);
  return {
    workspace,
    /** An incident as /incident stores it, its message "posted" in CINC. */
    openIncident(ownerId: string, severity: Severity, title: string, at = h.now): Promise<ClientIncident> {
      const input = { reporterId: ownerId, ownerId, ownerTimeZone: 'Europe/Warsaw', client: 'ACME', title, severity };
      const message = {
        channelId: 'CINC',
        messageTs: `1700000000.${String(++ts).padStart(6, '0')}`,
        messagePermalink: `https://x.slack.com/archives/CINC/p${ts}`,
      };
      return h.kept.services.incidents.open(workspace(), input, at, async () => message);
    },
    /** A story as /story stores it, posted in CWINS, with upvotes from `upvoters`. */
    async shareStory(featuredIds: string[], what: string, at = h.now, upvoters: string[] = []): Promise<Story> {
      const stories = h.kept.services.stories;
      const story = await stories.share(workspace(), { authorId: 'UDANA', featuredIds, what }, at);
      await stories.attachMessage(workspace(), story.id, {
        channel: 'CWINS',
        ts: `1700000001.${String(++ts).padStart(6, '0')}`,
        permalink: `https://x.slack.com/archives/CWINS/s${ts}`,
      });
      for (const userId of upvoters) await stories.upvote(workspace(), story.id, userId);
      return story;
    },
    homesOf,
    /** Waits until the person's latest published Home satisfies `check`; returns its blocks as JSON. */
    async latestHome(userId: string, check: (json: string) => boolean, timeoutMs = 8_000): Promise<{ json: string; blocks: unknown[] }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = homesOf(userId).at(-1);
        const json = last ? JSON.stringify(last.args.view.blocks) : '';
        if (last && check(json)) return { json, blocks: last.args.view.blocks };
        if (Date.now() > deadline) throw new Error(`no Home for ${userId} passed the check; last: ${json.slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

export const openHomeEvent = (userId: string) => ({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: '1764579600.000100' });
