import type { webApi } from '@slack/bolt';

export interface SlackUser {
  readonly id: string;
  /** IANA zone from the user's Slack profile; UTC when Slack does not say. */
  readonly timeZone: string;
  readonly isBot: boolean;
  readonly isAdmin: boolean;
  readonly isOwner: boolean;
  readonly deleted: boolean;
  /** The workspace the person belongs to (in a Slack Connect channel, possibly not ours). */
  readonly teamId?: string | undefined;
}

type WebClient = webApi.WebClient;

/**
 * `users.info` with a short cache: every command needs the caller's time zone,
 * and a burst of clicks should not become a burst of API calls.
 */
export class UserDirectory {
  private readonly cache = new Map<string, { user: SlackUser; expires: number }>();

  constructor(
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly maxEntries = 5_000,
  ) {}

  async get(client: WebClient, workspaceKey: string, userId: string, now: Date): Promise<SlackUser> {
    const key = `${workspaceKey}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > now.getTime()) return hit.user;
    const response = await client.users.info({ user: userId });
    const u = response.user;
    const user: SlackUser = {
      id: userId,
      timeZone: u?.tz && isZone(u.tz) ? u.tz : 'UTC',
      isBot: Boolean(u?.is_bot) || userId === 'USLACKBOT',
      isAdmin: Boolean(u?.is_admin),
      isOwner: Boolean(u?.is_owner || u?.is_primary_owner),
      deleted: Boolean(u?.deleted),
      teamId: u?.team_id,
    };
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { user, expires: now.getTime() + this.ttlMs });
    return user;
  }
}

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
