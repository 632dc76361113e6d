import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { neutraliseUserText } from '../shared/slack/block-kit.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { draftFromMessage } from './promise-command.js';
import { openNewPromiseModal, type PromiseListenerDeps } from './promise-slack.js';

/** Callback ids of the shortcuts, declared in slack-manifest.yml. */
export const PROMISE_SHORTCUTS = { logFromMessage: 'log_promise', newPromise: 'new_promise' } as const;

/** "Log as promise" on a message (the form prefilled from it, its link kept) and the global "New promise". */
export function registerPromiseShortcuts(app: App, deps: PromiseListenerDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: PROMISE_SHORTCUTS.logFromMessage }, async ({ ack, shortcut, client, logger }) => {
    await ack();
    const channelId = shortcut.channel.id;
    // The trigger expires in 3 s: the link and the caller are looked up side by side.
    const [ctx, permalink] = await Promise.all([
      resolveContext(deps, client, callerFromBody(shortcut)),
      client.chat
        .getPermalink({ channel: channelId, message_ts: shortcut.message.ts })
        .then((r) => r.permalink)
        .catch((error: unknown) => {
          logger.debug(`no permalink for a message shortcut: ${String(error)}`);
          return undefined;
        }),
    ]);
    const draft = draftFromMessage(neutraliseUserText(shortcut.message.text ?? ''), {
      now: ctx.now,
      timeZone: ctx.user.timeZone,
      locale: ctx.settings.language,
    });
    await openNewPromiseModal(
      client,
      shortcut.trigger_id,
      ctx,
      { ...draft, ownerId: ctx.user.id },
      { responseUrl: shortcut.response_url, permalink, channelId, messageTs: shortcut.message.ts, threadTs: shortcut.message.thread_ts },
    );
  });

  app.shortcut<GlobalShortcut>({ type: 'shortcut', callback_id: PROMISE_SHORTCUTS.newPromise }, async ({ ack, shortcut, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(shortcut));
    await openNewPromiseModal(client, shortcut.trigger_id, ctx, { ownerId: ctx.user.id }, {});
  });
}
