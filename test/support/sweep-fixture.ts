import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { createJobs, type Jobs } from '../../src/jobs/jobs.js';
import { PromiseService } from '../../src/promises/promise-service.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import type { DeliveryPolicy } from '../../src/shared/delivery/delivery.js';
import { createFirestore } from '../../src/shared/firestore/firestore.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { FirestorePeopleStore } from '../../src/shared/workspace/people-store.js';
import { FirestoreSettingsStore } from '../../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import type { FakeSlack } from './fake-slack.js';
import { newTeamId } from './test-db.js';

/**
 * Sweeps read every workspace (a collection-group query), so each sweep test file gets a Firestore
 * project of its own on the shared emulator: other files' promises never show up in its sweeps.
 */
export function isolatedProjectId(): string {
  return `kept-sweep-${randomBytes(4).toString('hex')}`;
}

export function sweepDb(projectId: string): Firestore {
  return createFirestore(projectId, process.env.FIRESTORE_EMULATOR_HOST);
}

export interface SweepWorld {
  readonly db: Firestore;
  readonly promises: PromiseService;
  readonly settings: FirestoreSettingsStore;
  readonly logLines: string[];
  jobs(options?: { deliveryPolicy?: DeliveryPolicy; requestTimeoutMs?: number; db?: Firestore }): Jobs;
  workspace(settings?: Partial<WorkspaceSettings>): Promise<{ teamId: string }>;
  logPromise(
    workspace: { teamId: string },
    input: { owner?: string; ownerTimeZone?: string; client?: string; what?: string; due: string; created: string },
  ): Promise<string>;
}

export function sweepWorld(fake: FakeSlack, projectId: string): SweepWorld {
  const db = sweepDb(projectId);
  const settings = new FirestoreSettingsStore(db);
  // As in the app: reminders are planned in the owner's own hours when they set some.
  const promises = new PromiseService(new FirestorePromiseStore(db), settings, new FirestorePeopleStore(db));
  const logLines: string[] = [];
  const logger = new JsonLogger('info', (line) => logLines.push(line));
  return {
    db,
    promises,
    settings,
    logLines,
    jobs: (options = {}) =>
      createJobs({
        config: { slack: { botToken: 'xoxb-sweep', signingSecret: undefined, appToken: undefined, apiUrl: fake.url } },
        db: options.db ?? db,
        logger,
        channelIntervalMs: 0,
        ...(options.deliveryPolicy ? { deliveryPolicy: options.deliveryPolicy } : {}),
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      }),
    async workspace(overrides = {}) {
      const workspace = { teamId: newTeamId() };
      await settings.save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', ...overrides });
      return workspace;
    },
    async logPromise(workspace, input) {
      const p = await promises.logPromise(
        workspace,
        {
          creatorId: input.owner ?? 'UOWNER',
          ownerId: input.owner ?? 'UOWNER',
          ownerTimeZone: input.ownerTimeZone ?? 'Europe/Warsaw',
          client: input.client ?? 'ACME',
          what: input.what ?? 'send the quote',
          dueAt: new Date(input.due),
        },
        new Date(input.created),
      );
      return p.id;
    },
  };
}
