import type { Firestore } from '@google-cloud/firestore';
import type { AnyMiddlewareArgs, App, InstallationStore, Middleware } from '@slack/bolt';
import { withDeadline } from '../deadline.js';
import { UserFacingError } from '../errors.js';
import { isAlreadyExists } from '../firestore/firestore-docs.js';
import type { JsonLogger } from '../logger.js';
import { STORAGE_DEADLINE_MS } from './request-context.js';

/** How long an event id is remembered; Slack retries within minutes. A Firestore TTL policy on `expireAt` can clean up. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

/**
 * Slack re-sends an event it thinks we missed (X-Slack-Retry-Num 1–3). Each event id is claimed
 * once in Firestore; a repeat, from any instance, is acknowledged and dropped.
 *
 * Bolt acknowledges every event before this runs except `function_executed` (a workflow step), whose
 * `ack` it hands on: that one is acknowledged here, first, so neither a repeat dropped below nor a slow
 * Firestore keeps Slack waiting past its timeout (the steps are registered without autoAcknowledge).
 * The claim has the requests' storage deadline: when Firestore is out of reach the error handler hears
 * of it within seconds (and fails a workflow step) instead of after the client's own retries.
 */
export function dropRepeatedEvents(db: Firestore, clock: () => Date, logger: JsonLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, ack }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string; event?: { type?: string } };
    if (b.type !== 'event_callback') return next();
    if (ack) await ack();
    if (typeof b.event_id !== 'string' || !/^[\w-]{1,100}$/.test(b.event_id)) return next();
    // Channel messages arrive for every channel Kept is in; the watch handles each idempotently (one document
    // per message), so a repeat costs nothing and the write that remembers the id is saved.
    if (b.event?.type === 'message') return next();
    const now = clock();
    try {
      const claim = db
        .collection('events')
        .doc(b.event_id)
        .create({ teamId: b.team_id ?? null, at: now, expireAt: new Date(now.getTime() + REMEMBER_MS) });
      await withDeadline(claim, STORAGE_DEADLINE_MS, () => new UserFacingError('storage_unavailable'));
    } catch (error) {
      if (isAlreadyExists(error)) {
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
