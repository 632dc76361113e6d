import type { webApi } from '@slack/bolt';
import type { SlackStatus } from '../workspace/person.js';

export interface SlackUser {
  readonly id: string;
  /** IANA zone from the user's Slack profile; UTC when Slack does not say. */
  readonly timeZone: string;
  readonly isBot: boolean;
  readonly isAdmin: boolean;
  readonly isOwner: boolean;
  readonly deleted: boolean;
  /** The profile's status (text, emoji, expiration), when one is set. */
  readonly status?: SlackStatus;
  /** What Slack shows for them (display name, else real name, else handle): for plain-text fields, where a mention shows raw. */
  readonly name?: string | undefined;
  /** Their Slack language, like "pl-PL" or "en-US"; absent when Slack does not say. */
  readonly locale?: string | undefined;
  /** The workspace the person belongs to (in a Slack Connect channel, possibly not ours). */
  readonly teamId?: string | undefined;
}

/** The parts of a Slack user object (users.info, the user_change event) Kept reads. */
export interface RawUser {
  tz?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
  name?: string;
  real_name?: string;
  locale?: string;
  profile?: { status_text?: string; status_emoji?: string; status_expiration?: number; display_name?: string };
  team_id?: string;
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
    return this.remember(workspaceKey, userId, response.user as RawUser | undefined, now);
  }

  /** What the cache holds for a user now, without asking Slack. */
  cached(workspaceKey: string, userId: string, now: Date): SlackUser | undefined {
    const hit = this.cache.get(`${workspaceKey}:${userId}`);
    return hit && hit.expires > now.getTime() ? hit.user : undefined;
  }

  /** Caches a user object Slack sent (users.info, or the user_change event when a profile or status changes). */
  remember(workspaceKey: string, userId: string, u: RawUser | undefined, now: Date): SlackUser {
    const key = `${workspaceKey}:${userId}`;
    const status = u?.profile && (u.profile.status_text || u.profile.status_emoji) ? statusOf(u.profile) : undefined;
    const user: SlackUser = {
      id: userId,
      timeZone: u?.tz && isZone(u.tz) ? u.tz : 'UTC',
      isBot: Boolean(u?.is_bot) || userId === 'USLACKBOT',
      isAdmin: Boolean(u?.is_admin),
      isOwner: Boolean(u?.is_owner || u?.is_primary_owner),
      deleted: Boolean(u?.deleted),
      teamId: u?.team_id,
      ...(status ? { status } : {}),
      name: u?.profile?.display_name || u?.real_name || u?.name || userId,
      ...(u?.locale ? { locale: u.locale } : {}),
    };
    this.cache.delete(key);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { user, expires: now.getTime() + this.ttlMs });
    return user;
  }
}

function statusOf(profile: NonNullable<RawUser['profile']>): SlackStatus {
  const expiration = Number(profile.status_expiration ?? 0);
  return { text: String(profile.status_text ?? ''), emoji: String(profile.status_emoji ?? ''), expiration: Number.isFinite(expiration) ? expiration : 0 };
}

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
