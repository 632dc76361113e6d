// The answers the fake Slack Web API gives, method by method, shaped like Slack's own.
import { checkBlockKitLimits } from './fake-slack-limits.js';

export interface FakeUser {
  id: string;
  tz?: string;
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  locale?: string;
  deleted?: boolean;
  is_bot?: boolean;
  /** The person's own workspace (a Slack Connect guest's differs from the fake's team). */
  team_id?: string;
  /** The profile status, as Slack shows it (expiration in Unix seconds, 0 for none). */
  status?: { text: string; emoji: string; expiration: number };
}

export interface FakeState {
  users: Map<string, FakeUser>;
  team: { teamId: string; enterpriseId?: string };
  /** Builds the upload URL on the fake's own server for a file id. */
  uploadUrl(fileId: string): string;
  counter: number;
  /** Top-level messages posted, per conversation id, oldest first. */
  conversations: Map<string, Array<Record<string, any>>>;
  /** What message ts values follow (milliseconds); a fixed epoch when unset. */
  clock?: () => number;
}

/** A post to a user id lands in the DM with them, `D` + the user id (what conversations.open answers). */
export function conversationId(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel}` : channel;
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const APP_ID = 'A_TEST';

type Answer = Record<string, any>;

/** Slack-like `ts`: unique and increasing for the life of the fake. */
function nextTs(state: FakeState): string {
  const n = ++state.counter;
  if (state.clock) return `${Math.floor(state.clock() / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`;
  return `${1_700_000_000 + Math.floor(n / 10_000)}.${String((n % 10_000) * 100).padStart(6, '0')}`;
}

function nextId(state: FakeState, prefix: string): string {
  return `${prefix}${String(++state.counter).padStart(6, '0')}`;
}

export function answerMethod(method: string, args: Record<string, any>, state: FakeState): Answer {
  const violation = checkBlockKitLimits(method, args);
  if (violation) return { ok: false, error: violation.error, response_metadata: { messages: violation.messages } };
  const { teamId, enterpriseId } = state.team;
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://kept-test.slack.com/',
        team: 'Kept Test',
        user: 'kept',
        team_id: teamId,
        user_id: BOT_USER_ID,
        bot_id: BOT_ID,
        is_enterprise_install: false,
        ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      };
    case 'users.info':
      return usersInfo(args, state);
    case 'chat.postMessage':
    case 'chat.update': {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (!args.text && !args.blocks && !args.attachments) return { ok: false, error: 'no_text' };
      const ts = method === 'chat.update' ? String(args.ts ?? '') : nextTs(state);
      if (!ts) return { ok: false, error: 'message_not_found' };
      const message = {
        type: 'message',
        subtype: 'bot_message',
        text: args.text ?? '',
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        app_id: APP_ID,
        team: teamId,
        ts,
        ...(args.blocks ? { blocks: args.blocks } : {}),
        ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
        ...(args.metadata ? { metadata: args.metadata } : {}),
      };
      if (method === 'chat.update') return { ok: true, channel: args.channel, ts, text: message.text, message };
      // Thread replies stay out of conversations.history, as in Slack: conversations.replies has them.
      const id = args.thread_ts ? `${conversationId(String(args.channel))}/${args.thread_ts}` : conversationId(String(args.channel));
      state.conversations.set(id, [...(state.conversations.get(id) ?? []), message]);
      return { ok: true, channel: args.channel, ts, message };
    }
    case 'conversations.history':
    case 'conversations.replies': {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (method === 'conversations.replies' && !args.ts) return { ok: false, error: 'thread_not_found' };
      const id = method === 'conversations.replies' ? `${String(args.channel)}/${args.ts}` : String(args.channel);
      const oldest = Number(args.oldest ?? 0);
      const limit = Math.min(Number(args.limit ?? 100) || 100, 999);
      const offset = Number(args.cursor ?? 0) || 0;
      const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
      const newestFirst = (state.conversations.get(id) ?? []).filter((msg) => Number(msg.ts) > oldest).reverse();
      const page = newestFirst.slice(offset, offset + limit).map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest));
      const more = offset + limit < newestFirst.length;
      return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(offset + limit) : '' } };
    }
    case 'chat.postEphemeral':
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (!args.user) return { ok: false, error: 'user_not_in_channel' };
      return { ok: true, message_ts: nextTs(state) };
    case 'chat.delete':
      return { ok: true, channel: args.channel, ts: args.ts };
    case 'chat.getPermalink':
      return {
        ok: true,
        channel: args.channel,
        permalink: `https://kept-test.slack.com/archives/${args.channel}/p${String(args.message_ts ?? '').replace('.', '')}`,
      };
    case 'chat.scheduleMessage':
      return { ok: true, channel: args.channel, scheduled_message_id: nextId(state, 'Q'), post_at: Number(args.post_at) };
    case 'views.open':
    case 'views.push':
    case 'views.update':
    case 'views.publish':
      if (method === 'views.publish' && !args.user_id) return { ok: false, error: 'invalid_arguments' };
      if (method === 'views.update' && !args.view_id && !args.external_id) return { ok: false, error: 'invalid_arguments' };
      if ((method === 'views.open' || method === 'views.push') && !args.trigger_id && !args.interactivity_pointer) {
        return { ok: false, error: 'invalid_arguments' };
      }
      return { ok: true, view: echoView(method, args, state) };
    case 'conversations.open': {
      const users = String(args.users ?? '')
        .split(',')
        .filter(Boolean);
      if (!args.channel && users.length === 0) return { ok: false, error: 'users_list_not_supplied' };
      const id = args.channel ? String(args.channel) : `D${users[0]}`;
      return { ok: true, no_op: true, already_open: true, channel: { id } };
    }
    case 'conversations.info': {
      const id = String(args.channel ?? '');
      if (!id) return { ok: false, error: 'channel_not_found' };
      return {
        ok: true,
        channel: {
          id,
          name: id.startsWith('D') ? undefined : `channel-${id.toLowerCase()}`,
          is_channel: id.startsWith('C'),
          is_group: id.startsWith('G'),
          is_im: id.startsWith('D'),
          is_private: !id.startsWith('C'),
          is_archived: false,
          is_member: true,
          is_ext_shared: false,
          is_shared: false,
          context_team_id: teamId,
        },
      };
    }
    case 'reactions.add':
    case 'reactions.remove':
      return { ok: true };
    case 'files.getUploadURLExternal': {
      if (!args.filename) return { ok: false, error: 'invalid_arguments' };
      const fileId = nextId(state, 'F');
      return { ok: true, upload_url: state.uploadUrl(fileId), file_id: fileId };
    }
    case 'files.completeUploadExternal': {
      const files = Array.isArray(args.files) ? args.files : [];
      if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
      return { ok: true, files: files.map((f: any) => ({ id: f.id, title: f.title ?? '', name: f.title ?? '' })) };
    }
    case 'team.info':
      return {
        ok: true,
        team: {
          id: teamId,
          name: 'Kept Test',
          domain: 'kept-test',
          email_domain: '',
          ...(enterpriseId ? { enterprise_id: enterpriseId, enterprise_name: 'Kept Grid' } : {}),
        },
      };
    default:
      return { ok: true };
  }
}

function usersInfo(args: Record<string, any>, state: FakeState): Answer {
  const user = state.users.get(String(args.user ?? ''));
  if (!user) return { ok: false, error: 'user_not_found' };
  const tz = user.tz ?? 'UTC';
  const now = new Date();
  const name = user.name ?? user.id.toLowerCase();
  const realName = user.real_name ?? name;
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: user.team_id ?? state.team.teamId,
      name,
      deleted: user.deleted ?? false,
      real_name: realName,
      tz,
      tz_label: tzLabel(tz, now),
      tz_offset: tzOffsetSeconds(tz, now),
      is_admin: user.is_admin ?? false,
      is_owner: user.is_owner ?? false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      updated: 1_700_000_000,
      ...(args.include_locale === true || args.include_locale === 'true' ? { locale: user.locale ?? 'en-US' } : {}),
      profile: {
        real_name: realName,
        display_name: name,
        real_name_normalized: realName,
        display_name_normalized: name,
        team: state.team.teamId,
        status_text: user.status?.text ?? '',
        status_emoji: user.status?.emoji ?? '',
        status_expiration: user.status?.expiration ?? 0,
      },
    },
  };
}

/** Seconds east of UTC for `tz` at `at`, as Slack's `tz_offset` (DST-aware). */
export function tzOffsetSeconds(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wallAsUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

function tzLabel(tz: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? tz;
}

function echoView(method: string, args: Record<string, any>, state: FakeState): Answer {
  const view = args.view as Record<string, any>;
  const id = method === 'views.update' && args.view_id ? String(args.view_id) : nextId(state, 'V');
  return {
    id,
    team_id: state.team.teamId,
    type: view.type,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash: `${id}.${state.counter}`,
    title: view.title,
    close: view.close ?? null,
    submit: view.submit ?? null,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    external_id: view.external_id ?? '',
    previous_view_id: null,
    root_view_id: id,
    app_id: APP_ID,
    app_installed_team_id: state.team.teamId,
    bot_id: BOT_ID,
  };
}
