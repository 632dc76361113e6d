import type { Firestore } from '@google-cloud/firestore';
import type { AnyMiddlewareArgs, App, InstallationStore, Middleware } from '@slack/bolt';
import type { JsonLogger } from '../logger.js';

const ALREADY_EXISTS = 6;
/** How long an event id is remembered; Slack retries within minutes. A Firestore TTL policy on `expireAt` can clean up. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

/**
 * Slack re-sends an event it thinks we missed (X-Slack-Retry-Num 1–3). Each event id is claimed
 * once in Firestore; a repeat, from any instance, is acknowledged and dropped.
 */
export function dropRepeatedEvents(db: Firestore, clock: () => Date, logger: JsonLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string; event?: { type?: string } };
    if (b.type !== 'event_callback' || typeof b.event_id !== 'string' || !/^[\w-]{1,100}$/.test(b.event_id)) return next();
    // Channel messages arrive for every channel Kept is in; the watch handles each idempotently (one document
    // per message), so a repeat costs nothing and the write that remembers the id is saved.
    if (b.event?.type === 'message') return next();
    const now = clock();
    try {
      await db
        .collection('events')
        .doc(b.event_id)
        .create({ teamId: b.team_id ?? null, at: now, expireAt: new Date(now.getTime() + REMEMBER_MS) });
    } catch (error) {
      if ((error as { code?: number }).code === ALREADY_EXISTS) {
        logger.event('info', 'repeated Slack event dropped', { eventId: b.event_id, workspace: b.team_id });
        return;
      }
      throw error;
    }
    await next();
  };
}

/**
 * When a workspace uninstalls Kept or revokes its tokens, its stored tokens go (with OAuth
 * distribution; with a single bot token there is nothing stored, and the event is only logged).
 */
export function registerInstallationEvents(app: App, installations: InstallationStore | undefined, logger: JsonLogger): void {
  const remove = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean, reason: string) => {
    if (installations?.deleteInstallation) await installations.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall });
    logger.event('info', installations ? 'installation removed' : 'Kept was uninstalled or its tokens revoked', {
      workspace: teamId,
      enterprise: enterpriseId,
      reason,
    });
  };
  app.event('app_uninstalled', async ({ context }) => {
    await remove(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await remove(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'tokens_revoked');
  });
}
