import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, type ClientIncident, recordClientUpdated, resolveIncident } from '../../src/incidents/client-incident.js';
import { type IncidentSweepDeps, sweepIncidentSteps } from '../../src/incidents/incident-jobs.js';
import { withIncidentSchedule } from '../../src/incidents/incident-schedule.js';
import { FirestoreIncidentStore, type IncidentStore } from '../../src/incidents/incident-store.js';
import { Deliverer, DeliveryLedger, type MessagePoster, type OutgoingMessage } from '../../src/shared/delivery/delivery.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { FirestoreSettingsStore } from '../../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { newTeamId, testDb } from '../support/test-db.js';
import { anIncident, hours, minutes, POLICY } from './incident-fixtures.js';

const db = testDb();
const realStore = new FirestoreIncidentStore(db);
const settingsStore = new FirestoreSettingsStore(db);
afterAll(() => db.terminate());

let teamId: string;
let posts: OutgoingMessage[];
let refreshed: string[];
let deps: IncidentSweepDeps;

/** The emulator is shared by every test file: the sweep here sees this test's workspace only. */
function scoped(store: IncidentStore, team: () => string): IncidentStore {
  return Object.assign(Object.create(store) as IncidentStore, {
    findDue: async (...args: Parameters<IncidentStore['findDue']>) => (await store.findDue(...args)).filter((d) => d.workspace.teamId === team()),
  });
}

beforeEach(async () => {
  teamId = newTeamId();
  posts = [];
  refreshed = [];
  const poster: MessagePoster = { post: async (_ws, message) => (posts.push(message), { ok: true, ts: `${posts.length}.0` }) };
  deps = {
    store: scoped(realStore, () => teamId),
    settings: settingsStore,
    deliverer: new Deliverer(new DeliveryLedger(db), poster),
    timeZoneOf: async () => 'Europe/Warsaw',
    logger: new JsonLogger('error', () => undefined),
    refreshMessage: async (_ws, incident) => void refreshed.push(incident.id),
    pageSize: 1_000,
  };
  await saveSettings({ timeZone: 'Europe/Warsaw', leads: ['ULEAD1', 'ULEAD2'] });
});

async function saveSettings(change: Partial<WorkspaceSettings>) {
  await settingsStore.save({ teamId }, { ...DEFAULT_SETTINGS, ...(await settingsStore.get({ teamId })), ...change });
}

async function open(incident: ClientIncident): Promise<string> {
  const id = realStore.newId({ teamId });
  await realStore.create({ teamId }, withIncidentSchedule({ ...incident, id }, POLICY));
  return id;
}

const change = (id: string, transition: (i: ClientIncident) => ClientIncident) =>
  realStore.update({ teamId }, id, (i) => withIncidentSchedule(transition(i), POLICY));
const sweep = (at: Date) => sweepIncidentSteps(deps, at);
const to = (channel: string) => posts.filter((p) => p.channel === channel);

describe('the incident cadence sweep', () => {
  it('reminds the owner once per cadence window, however often it sweeps', async () => {
    // Opened at 07:00 in Warsaw: the 4 h cadence comes due at 11:00, inside working hours.
    const opened = new Date('2026-12-01T06:00:00Z');
    const id = await open(anIncident({ severity: 'sev2' }, opened));
    expect(await sweep(minutes(239, opened))).toMatchObject({ sent: 0 });
    expect(await sweep(minutes(241, opened))).toMatchObject({ sent: 1, failed: 0 });
    expect(to('UOWNER')).toHaveLength(1);
    expect(to('UOWNER')[0]!.text).toContain('– the client hasn’t heard from us for 4 hours and 1 minute');
    expect(await sweep(minutes(242, opened))).toMatchObject({ sent: 0 });
    expect(refreshed).toEqual([id]);
    // The client hears from us at 11:30: a new window, due at 15:30.
    await change(id, (i) => recordClientUpdated(i, 'UOWNER', minutes(270, opened)));
    expect(await sweep(minutes(509, opened))).toMatchObject({ sent: 0 });
    expect(await sweep(minutes(510, opened))).toMatchObject({ sent: 1 });
    expect(await sweep(minutes(515, opened))).toMatchObject({ sent: 0 });
    expect(to('UOWNER')).toHaveLength(2);
    expect(to('ULEAD1')).toHaveLength(0);
  });

  it('alerts each lead once when the client has not heard from us for twice the cadence', async () => {
    await open(acknowledge(anIncident({ severity: 'sev1' }), 'UOWNER', minutes(5)));
    await sweep(minutes(61));
    expect(to('UOWNER')).toHaveLength(1);
    expect(await sweep(minutes(121))).toMatchObject({ sent: 2 });
    expect(to('ULEAD1')).toHaveLength(1);
    expect(JSON.stringify(to('ULEAD2')[0]!.blocks)).toContain('twice as long as they should');
    expect(await sweep(hours(5))).toMatchObject({ sent: 0 });
    expect(posts).toHaveLength(3);
  });

  it('alerts the leads channel about a sev1 nobody acknowledged in 15 minutes, and not one that was', async () => {
    await saveSettings({ channels: { leads: 'CLEADS' } });
    await open(anIncident({ severity: 'sev1', title: 'nobody looked' }));
    await open(acknowledge(anIncident({ severity: 'sev1', title: 'someone looked' }), 'UANA', minutes(10)));
    expect(await sweep(minutes(14))).toMatchObject({ sent: 0 });
    expect(await sweep(minutes(15))).toMatchObject({ sent: 1 });
    expect(to('CLEADS')).toHaveLength(1);
    expect(JSON.stringify(to('CLEADS')[0]!.blocks)).toContain('nobody looked');
    expect(to('CLEADS')[0]!.text).toBe('SEV1 · ACME: nobody looked – nobody has acknowledged it for 15 minutes');
    expect(await sweep(minutes(16))).toMatchObject({ sent: 0 });
  });

  it('with no leads set, raises the alert in the incident’s own thread', async () => {
    await saveSettings({ leads: [] });
    await open(anIncident({ severity: 'sev1' }));
    await sweep(minutes(20));
    expect(posts).toEqual([expect.objectContaining({ channel: 'CINC', threadTs: '1700000000.000100' })]);
  });

  it('lets sev2 and sev3 reminders wait for working hours, while a sev1 goes out at night', async () => {
    // Friday 4 Dec, 16:00 in Warsaw: due at 20:00, outside working hours.
    const friday = new Date('2026-12-04T15:00:00Z');
    await open(anIncident({ severity: 'sev2', title: 'friday' }, friday));
    expect(await sweep(hours(4.5, friday))).toMatchObject({ sent: 0, deferred: 1 });
    // Twice over at 00:00 Saturday: the leads' alert waits for Monday too.
    expect(await sweep(hours(9, friday))).toMatchObject({ sent: 0, deferred: 3 });
    const stored = (await realStore.listOpen({ teamId }, 5)).incidents[0]!;
    expect(stored.nextStepAt).toEqual(new Date('2026-12-07T08:00:00Z'));
    expect(await sweep(new Date('2026-12-07T08:01:00Z'))).toMatchObject({ sent: 3, deferred: 0 });
    expect(to('UOWNER')).toHaveLength(1);

    teamId = newTeamId();
    await saveSettings({ timeZone: 'Europe/Warsaw', leads: ['ULEAD1'] });
    const night = new Date('2026-12-04T22:00:00Z');
    await open(acknowledge(anIncident({ severity: 'sev1' }, night), 'UOWNER', minutes(1, night)));
    expect(await sweep(minutes(61, night))).toMatchObject({ sent: 1, deferred: 0 });
  });

  it('catches up after the sweep was down: the owner and the leads each hear once', async () => {
    await open(acknowledge(anIncident({ severity: 'sev1' }), 'UOWNER', minutes(5)));
    expect(await sweep(hours(3))).toMatchObject({ sent: 3 });
    expect(await sweep(hours(4))).toMatchObject({ sent: 0 });
    expect(to('UOWNER')).toHaveLength(1);
  });

  it('gathers what is due for one lead in one sweep into one message, worst first, each incident with its buttons', async () => {
    await saveSettings({ channels: { leads: 'CLEADS' } });
    await open(anIncident({ severity: 'sev2', client: 'Globex', title: 'invoices blank' }, minutes(-480)));
    await open(anIncident({ severity: 'sev1', client: 'ACME', title: 'checkout down' }));
    await open(anIncident({ severity: 'sev1', client: 'Initech', title: 'login loops' }));
    // 09:20: the two sev1s are unacknowledged, the sev2 has waited twice its cadence.
    expect(await sweep(minutes(20))).toMatchObject({ failed: 0 });
    const [digest, ...others] = to('CLEADS');
    expect(others).toEqual([]);
    expect(digest!.text).toMatch(/^3 incidents need a lead: (ACME – checkout down|Initech – login loops) and 2 more$/);
    const items = digest!.blocks!.filter((b) => b.type === 'section' && String(b.block_id).startsWith('digest:'));
    expect(items.map((b) => JSON.stringify(b).match(/ACME|Initech|Globex/)?.[0]).at(-1)).toBe('Globex');
    expect(JSON.stringify(items)).toContain('nobody has acknowledged it in 15 minutes');
    const actions = digest!.blocks!.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(3);
    expect(JSON.stringify(actions)).toContain('incident_acknowledge');
    expect(digest!.metadata).toMatchObject({ event_type: 'kept_incident_digest', event_payload: { count: 3, delivery_id: expect.any(String) } });
    expect(await sweep(minutes(21))).toMatchObject({ sent: 0 });
  });

  it('says nothing about a resolved incident', async () => {
    await open(resolveIncident(anIncident({ severity: 'sev1' }), 'UOWNER', { note: 'fixed', clientConfirmed: true }, minutes(10)));
    expect(await sweep(hours(10))).toEqual({ sent: 0, skipped: 0, deferred: 0, failed: 0 });
  });
});
