import type { App, webApi } from '@slack/bolt';
import { mention } from '../shared/slack/block-kit.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { registerClientActions } from './client-actions.js';
import { actorOfContext as actorOf } from './client-actor.js';
import { buildClientHelp, buildClientList, buildClientRecord, standardText, unknownClientText } from './client-blocks.js';
import { type ClientChange, parseClientCommand } from './client-command.js';
import { registerClientEvents } from './client-events.js';
import { readOverview } from './client-overview.js';
import type { Client } from './client-record.js';
import type { ClientChangeResult } from './client-service.js';
import type { ClientListenerDeps } from './client-slack.js';

/** Declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const CLIENT_COMMAND = '/client';

/** `/client`: the record, the list, and every change; it registers the watch's events and the buttons too. */
export function registerClientListeners(app: App, deps: ClientListenerDeps): void {
  registerClientEvents(app, deps);
  registerClientActions(app, deps);
  app.command(CLIENT_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const reply = (message: { text: string; blocks?: unknown[] }) => respond({ response_type: 'ephemeral', ...message } as never);
    const parsed = parseClientCommand(command.text ?? '');
    const defaultStandard = ctx.settings.responseMinutes;
    switch (parsed.kind) {
      case 'help':
        return void (await reply(buildClientHelp(m)));
      case 'list':
        return void (await reply(buildClientList(m, await deps.clients.list(ctx.workspace), defaultStandard)));
      case 'invalid':
        return void (await reply(buildClientHelp(m, m.client.problems[parsed.problem])));
      case 'add': {
        const added = await deps.clients.add(ctx.workspace, parsed.name, actorOf(ctx), ctx.now);
        return void (await reply({ text: m.client.added(added.name) }));
      }
      case 'show': {
        const found = await deps.clients.find(ctx.workspace, parsed.name);
        if (!found) return void (await reply({ text: unknownClientText(m, parsed.name, await deps.clients.suggest(ctx.workspace, parsed.name)) }));
        const overview = await readOverview(deps.sources, ctx.workspace, found, defaultStandard, ctx.now);
        return void (await reply(buildClientRecord(ctx.viewer, overview)));
      }
      case 'change': {
        if (parsed.change.field === 'channel' && !(await keptIsIn(client, parsed.change.channelId))) {
          return void (await reply({ text: m.client.channel_not_member(`<#${parsed.change.channelId}>`) }));
        }
        const result = await deps.clients.change(ctx.workspace, parsed.name, parsed.change, actorOf(ctx), ctx.now);
        await reply({ text: changeReply(ctx, parsed.change, result) });
        if (result.kind === 'changed') await deps.home?.refresh(client, ctx.workspace, [ctx.user.id, result.client.ownerId, result.client.backupId]);
        return;
      }
    }
  });
}

/** Kept can watch only a channel it is in (Slack sends message events from those alone). */
async function keptIsIn(client: webApi.WebClient, channelId: string): Promise<boolean> {
  const info = await client.conversations.info({ channel: channelId }).catch(() => undefined);
  return info?.channel?.is_member === true;
}

function changeReply(ctx: RequestContext, change: ClientChange, result: ClientChangeResult): string {
  const { m } = ctx.viewer;
  const c = m.client;
  if (result.kind === 'unknown') return unknownClientText(m, result.name, result.suggestion);
  const channel = 'channelId' in change ? `<#${change.channelId}>` : '';
  if (result.kind === 'channel_taken') return c.channel_taken(channel, result.otherClient);
  const client: Client = result.client;
  const text = ((): string => {
    switch (change.field) {
      case 'channel':
        return c.linked(client.name, channel);
      case 'unlink':
        return c.unlinked(client.name, channel);
      case 'owner':
        return c.owner_set(client.name, mention(change.userId));
      case 'backup':
        return change.userId ? c.backup_set(client.name, mention(change.userId)) : c.backup_cleared(client.name);
      case 'response':
        return change.minutes
          ? c.response_set(client.name, standardText(m, change.minutes))
          : c.response_default(client.name, standardText(m, ctx.settings.responseMinutes));
      case 'alias':
        return c.alias_added(client.name, change.alias);
      case 'meetEvery':
        return change.days ? c.meet_set(client.name, c.days(change.days)) : c.meet_cleared(client.name);
      case 'met':
        return c.meeting_logged(client.name, client.meetings[0] ? formatDay(ctx, client.meetings[0].at) : '');
    }
  })();
  return result.created ? `${text} ${c.created_too(client.name)}` : text;
}

function formatDay(ctx: RequestContext, at: Date): string {
  return new Intl.DateTimeFormat(ctx.viewer.m.locale === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: ctx.user.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
  }).format(at);
}
