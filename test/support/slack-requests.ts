// Builds the requests Slack sends to an app (slash commands, interactions, events), signs them
// with the app's signing secret and posts them to a running Bolt HTTP app.
import { createHmac, randomBytes } from 'node:crypto';

const API_APP_ID = 'A_TEST';
const VERIFICATION_TOKEN = 'legacy-verification-token';

export function signSlackRequest(
  rawBody: string,
  signingSecret: string,
  timestampSeconds: number,
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

export interface SlashCommandInput {
  teamId: string;
  enterpriseId?: string;
  userId: string;
  command: string;
  text: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
  userName?: string;
}

/** Form-encoded in the order Slack sends the fields. */
export function slashCommandBody(input: SlashCommandInput): string {
  const channelId = input.channelId ?? 'C_TEST';
  const fields: [string, string][] = [
    ['token', VERIFICATION_TOKEN],
    ['team_id', input.teamId],
    ['team_domain', domainOf(input.teamId)],
    ...(input.enterpriseId
      ? ([
          ['enterprise_id', input.enterpriseId],
          ['enterprise_name', 'Test Grid'],
        ] as [string, string][])
      : []),
    ['channel_id', channelId],
    ['channel_name', channelId.startsWith('D') ? 'directmessage' : `channel-${channelId.toLowerCase()}`],
    ['user_id', input.userId],
    ['user_name', input.userName ?? input.userId.toLowerCase()],
    ['command', input.command],
    ['text', input.text],
    ['api_app_id', API_APP_ID],
    ['is_enterprise_install', 'false'],
    ['response_url', input.responseUrl],
    ['trigger_id', input.triggerId ?? triggerId()],
  ];
  return new URLSearchParams(fields).toString();
}

export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

interface Actor {
  teamId: string;
  enterpriseId?: string;
  userId: string;
}

function common(input: Actor, triggerIdValue?: string) {
  return {
    team: {
      id: input.teamId,
      domain: domainOf(input.teamId),
      ...(input.enterpriseId ? { enterprise_id: input.enterpriseId, enterprise_name: 'Test Grid' } : {}),
    },
    user: { id: input.userId, username: input.userId.toLowerCase(), name: input.userId.toLowerCase(), team_id: input.teamId },
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerIdValue ?? triggerId(),
    enterprise: input.enterpriseId ? { id: input.enterpriseId, name: 'Test Grid' } : null,
    is_enterprise_install: false,
  };
}

export function blockActionPayload(
  input: Actor & {
    actionId: string;
    value?: string;
    blockId?: string;
    channelId?: string;
    messageTs?: string;
    responseUrl?: string;
    triggerId?: string;
    view?: object;
    selectedUser?: string;
    selectedOption?: { value: string };
  },
): object {
  const actionTs = nowTs();
  const action: Record<string, unknown> = { action_id: input.actionId, block_id: input.blockId ?? 'b_actions', action_ts: actionTs };
  if (input.selectedUser !== undefined) Object.assign(action, { type: 'users_select', selected_user: input.selectedUser });
  else if (input.selectedOption !== undefined) {
    const text = { type: 'plain_text', text: input.selectedOption.value, emoji: true };
    Object.assign(action, { type: 'static_select', selected_option: { text, value: input.selectedOption.value } });
  } else {
    Object.assign(action, {
      type: 'button',
      text: { type: 'plain_text', text: input.actionId, emoji: true },
      ...(input.value !== undefined ? { value: input.value } : {}),
    });
  }
  const view = input.view as Record<string, any> | undefined;
  const messageTs = input.messageTs ?? (view ? undefined : '1700000000.000100');
  const channelId = input.channelId ?? (view ? undefined : 'C_TEST');
  return {
    type: 'block_actions',
    ...common(input, input.triggerId),
    container: view ? { type: 'view', view_id: view.id ?? 'V_TEST' } : { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    ...(channelId ? { channel: { id: channelId, name: `channel-${channelId.toLowerCase()}` } } : {}),
    ...(messageTs && !view ? { message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts: messageTs, text: '', blocks: [] } } : {}),
    ...(view ? { view: { id: 'V_TEST', type: 'modal', state: { values: {} }, private_metadata: '', callback_id: '', ...view } } : {}),
    state: { values: {} },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [action],
  };
}

export function viewSubmissionPayload(
  input: Actor & {
    callbackId: string;
    privateMetadata?: string;
    values: Record<string, Record<string, object>>;
    viewId?: string;
    triggerId?: string;
  },
): object {
  const viewId = input.viewId ?? 'V_TEST';
  return {
    type: 'view_submission',
    ...common(input, input.triggerId),
    view: {
      id: viewId,
      team_id: input.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: input.privateMetadata ?? '',
      callback_id: input.callbackId,
      state: { values: input.values },
      hash: `${viewId}.hash`,
      title: { type: 'plain_text', text: 'Kept', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Save', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: API_APP_ID,
      external_id: '',
      app_installed_team_id: input.teamId,
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

/** `block_suggestion` for external selects: Bolt's `app.options()` answers it. */
export function blockSuggestionPayload(input: Actor & { actionId: string; blockId?: string; value: string; view?: object; channelId?: string }): object {
  return {
    type: 'block_suggestion',
    ...common(input),
    action_id: input.actionId,
    block_id: input.blockId ?? 'b_select',
    value: input.value,
    ...(input.view ? { container: { type: 'view', view_id: (input.view as any).id ?? 'V_TEST' }, view: input.view } : {}),
    ...(input.channelId ? { channel: { id: input.channelId, name: `channel-${input.channelId.toLowerCase()}` } } : {}),
  };
}

/** A message shortcut (`type: 'message_action'`) invoked on a message. */
export function messageShortcutPayload(
  input: Actor & {
    callbackId: string;
    channelId: string;
    messageTs: string;
    messageText: string;
    messageUserId?: string;
    responseUrl: string;
    triggerId?: string;
  },
): object {
  return {
    type: 'message_action',
    ...common(input, input.triggerId),
    callback_id: input.callbackId,
    action_ts: nowTs(),
    message_ts: input.messageTs,
    channel: { id: input.channelId, name: `channel-${input.channelId.toLowerCase()}` },
    message: { type: 'message', user: input.messageUserId ?? input.userId, ts: input.messageTs, text: input.messageText },
    response_url: input.responseUrl,
  };
}

/** A global shortcut (`type: 'shortcut'`): no channel, no response_url. */
export function globalShortcutPayload(input: Actor & { callbackId: string; triggerId?: string }): object {
  return { type: 'shortcut', ...common(input, input.triggerId), callback_id: input.callbackId, action_ts: nowTs() };
}

export function eventBody(input: { teamId: string; enterpriseId?: string; event: object; eventId?: string }): string {
  return JSON.stringify({
    token: VERIFICATION_TOKEN,
    team_id: input.teamId,
    ...(input.enterpriseId ? { enterprise_id: input.enterpriseId } : {}),
    api_app_id: API_APP_ID,
    event: input.event,
    type: 'event_callback',
    event_id: input.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: input.enterpriseId ?? null, team_id: input.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  });
}

export interface PostResult {
  status: number;
  text: string;
  json: any;
}

export async function postSigned(
  url: string,
  rawBody: string,
  opts: { signingSecret: string; contentType?: string; timestampSeconds?: number; signature?: string; headers?: Record<string, string> },
): Promise<PostResult> {
  const timestamp = opts.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const signed = signSlackRequest(rawBody, opts.signingSecret, timestamp);
  // Bolt compares the content type exactly: a `; charset=...` suffix would make it parse a form as JSON.
  const contentType = opts.contentType ?? (rawBody.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...signed,
      ...(opts.signature !== undefined ? { 'x-slack-signature': opts.signature } : {}),
      ...opts.headers,
    },
    body: rawBody,
  });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

function domainOf(teamId: string): string {
  return `team-${teamId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

function triggerId(): string {
  return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString('hex')}`;
}

function nowTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** The `function_executed` event Slack sends when a workflow reaches one of the app's steps (with its own bot token). */
export function functionExecutedEvent(input: { callbackId: string; inputs: Record<string, unknown>; executionId?: string; botAccessToken?: string }): object {
  const executionId = input.executionId ?? `Fx${randomBytes(5).toString('hex').toUpperCase()}`;
  return {
    type: 'function_executed',
    function: {
      id: `Fn${randomBytes(4).toString('hex').toUpperCase()}`,
      callback_id: input.callbackId,
      title: input.callbackId,
      description: '',
      type: 'app',
      input_parameters: [],
      output_parameters: [],
      app_id: API_APP_ID,
      date_created: 1_700_000_000,
      date_updated: 1_700_000_000,
      date_deleted: 0,
    },
    inputs: input.inputs,
    function_execution_id: executionId,
    workflow_execution_id: `Wx${randomBytes(5).toString('hex').toUpperCase()}`,
    event_ts: nowTs(),
    bot_access_token: input.botAccessToken ?? `xwfp-${executionId}`,
  };
}
