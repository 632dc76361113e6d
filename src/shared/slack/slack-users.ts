import type { webApi } from '@slack/bolt';

export interface SlackUser {
  readonly id: string;
  /** IANA zone from the user's Slack profile; UTC when Slack does not say. */
  readonly timeZone: string;
  readonly isBot: boolean;
  readonly isAdmin: boolean;
  readonly isOwner: boolean;
  readonly deleted: boolean;
  /** What Slack shows for them (display name, else real name, else handle): for plain-text fields, where a mention shows raw. */
  readonly name?: string | undefined;
  /** Their Slack language, like "pl-PL" or "en-US"; absent when Slack does not say. */
  readonly locale?: string | undefined;
}

type WebClient = webApi.WebClient;

/** Slack's answers for a user id it cannot show this workspace. */
const UNKNOWN_USER = new Set(['user_not_found', 'user_not_visible', 'users_not_found']);

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

  /**
   * The user, or undefined when Slack does not know them here (deactivated and purged, or someone from
   * another organisation in a Slack Connect channel): a name typed in a command may be anyone's.
   */
  async find(client: WebClient, workspaceKey: string, userId: string, now: Date): Promise<SlackUser | undefined> {
    try {
      return await this.get(client, workspaceKey, userId, now);
    } catch (error) {
      if (UNKNOWN_USER.has((error as { data?: { error?: string } }).data?.error ?? '')) return undefined;
      throw error;
    }
  }

  async get(client: WebClient, workspaceKey: string, userId: string, now: Date): Promise<SlackUser> {
    const key = `${workspaceKey}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > now.getTime()) return hit.user;
    const response = await client.users.info({ user: userId, include_locale: true });
    const u = response.user;
    const user: SlackUser = {
      id: userId,
      timeZone: u?.tz && isZone(u.tz) ? u.tz : 'UTC',
      isBot: Boolean(u?.is_bot) || userId === 'USLACKBOT',
      isAdmin: Boolean(u?.is_admin),
      isOwner: Boolean(u?.is_owner || u?.is_primary_owner),
      deleted: Boolean(u?.deleted),
      name: u?.profile?.display_name || u?.real_name || u?.name || userId,
      ...(u?.locale ? { locale: u.locale } : {}),
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
