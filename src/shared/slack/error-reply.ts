import type { webApi } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Messages } from '../i18n/index.js';
import { plain, SLACK_LIMITS, section } from './block-kit.js';

interface Interaction {
  type?: string;
  event?: { type?: string; function_execution_id?: string };
  response_url?: string;
  trigger_id?: string;
  user?: { id?: string };
  user_id?: string;
}

/** A one-message modal, for answers that have no conversation to go to (a click on the App Home). */
export function buildNotice(m: Messages, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(m.common.notice_title, SLACK_LIMITS.modalTitle),
    close: plain(m.common.close, 24),
    blocks: [section(text)],
  };
}

/**
 * Shows an error where the user will see it: ephemerally through the response_url when the request has
 * one (commands, message buttons, message shortcuts); otherwise (App Home buttons, global shortcuts) in a
 * small modal while the trigger is fresh, and in their DM with Kept if that fails. A workflow step fails
 * with the text (its author reads it in the workflow's activity); other events get nothing: nobody is waiting on them.
 */
/** `token`: the workspace's bot token from the request context (with OAuth, app.client has none). */
export async function showErrorToUser(client: webApi.WebClient, body: unknown, m: Messages, text: string, token?: string): Promise<void> {
  const b = (body ?? {}) as Interaction;
  if (b.event?.type === 'function_executed' && b.event.function_execution_id) {
    await client.functions.completeError({ ...(token ? { token } : {}), function_execution_id: b.event.function_execution_id, error: text });
    return;
  }
  if (b.response_url) {
    await fetch(b.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
    });
    return;
  }
  const userId = b.user?.id ?? b.user_id;
  if (!userId || !b.type || b.type === 'event_callback') return;
  if (b.trigger_id && b.type !== 'view_submission') {
    const opened = await client.views
      .open({ ...(token ? { token } : {}), trigger_id: b.trigger_id, view: buildNotice(m, text) })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
  }
  await client.chat.postMessage({ ...(token ? { token } : {}), channel: userId, text });
}
