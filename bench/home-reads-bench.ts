import { parseArgs } from 'node:util';
import { HOME_SECTIONS, type HomeRequest } from '../src/home/home-sections.js';
import { createIncident } from '../src/incidents/client-incident.js';
import { FirestoreIncidentStore } from '../src/incidents/incident-store.js';
import { type ClientPromise, createPromise } from '../src/promises/client-promise.js';
import { toStored } from '../src/promises/promise-store.js';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { messagesFor } from '../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';
import { createStory } from '../src/stories/story.js';
import { FirestoreStoryStore } from '../src/stories/story-store.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { eventBody, postSigned, slashCommandBody } from '../test/support/slack-requests.js';
import { startBenchKept } from './support/bench-kept.js';
import { counts, installFirestoreCounter, resetCounts } from './support/firestore-counter.js';

/**
 * Firestore reads of a lead's Home refresh and of a lead's `/promise` (which republishes that Home), in
 * a workspace with a small history and, side by side in the same run, one with a large history: the
 * goal is a flat cost, ≤ 100 reads per Home refresh and ≤ 50 per lead's `/promise`, whatever the history.
 */
const { values } = parseArgs({ options: { promises: { type: 'string', default: '20000' }, runs: { type: 'string', default: '5' } } });
const LARGE = Number(values.promises);
const RUNS = Number(values.runs);
const SECRET = 'bench-signing-secret';
// Thursday 3 December 2026, 12:00 UTC: mid-week for a Friday 15:00 (Warsaw) recap.
const NOW = new Date('2026-12-03T12:00:00Z');
const DAY = 86_400_000;
const LEAD = 'ULEAD';
const MEMBER = 'UMEMBER';

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const projectId = `kept-bench-home-${Date.now().toString(36)}`;
const db = createFirestore(projectId, host);
const fake = await startFakeSlack();
for (const id of [LEAD, MEMBER]) fake.addUser({ id, tz: 'Europe/Warsaw' });
const { kept, url } = await startBenchKept({ db, projectId, host, slackApiUrl: fake.url, signingSecret: SECRET, clock: () => NOW });

/**
 * A team's history: `count` promises of 40 people (one in 40 the lead's) due evenly from 26 weeks ago to
 * 4 weeks ahead; of those past due, most kept on time, some late, some cancelled, 15 % still open; one in
 * ten renegotiated early, with the client informed, a week before its due time. Open incidents (one in
 * ten the lead's) and stories featuring the lead this month grow with it.
 */
async function seed(teamId: string, count: number): Promise<void> {
  const workspace = { teamId };
  await kept.services.settings.save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', leads: [LEAD] });
  const promises = db.collection('teams').doc(teamId).collection('promises');
  const writer = db.bulkWriter();
  const from = NOW.getTime() - 182 * DAY;
  const span = 210 * DAY;
  for (let i = 0; i < count; i++) {
    const dueAt = new Date(from + Math.floor((i / count) * span));
    const ownerId = i % 40 === 0 ? LEAD : `U${i % 40}`;
    let p: ClientPromise = createPromise(
      { id: `p${i}`, client: `Client ${i % 300}`, what: `deliverable ${i}`, ownerId, ownerTimeZone: 'Europe/Warsaw', creatorId: ownerId, dueAt },
      new Date(dueAt.getTime() - 14 * DAY),
    );
    if (i % 10 === 3) {
      const previousDueAt = new Date(dueAt.getTime() - 7 * DAY);
      const at = new Date(previousDueAt.getTime() - DAY);
      p = {
        ...p,
        originalDueAt: previousDueAt,
        renegotiations: [{ at, by: ownerId, previousDueAt, newDueAt: dueAt, reason: 'scope', clientInformed: true, early: true }],
      };
    }
    if (dueAt.getTime() < NOW.getTime()) {
      const roll = (i * 37) % 100;
      const by = ownerId;
      if (roll < 72) p = { ...p, status: 'kept', outcome: { kind: 'kept', at: new Date(dueAt.getTime() - 3_600_000), by, onTime: true } };
      else if (roll < 80) p = { ...p, status: 'kept', outcome: { kind: 'kept', at: new Date(dueAt.getTime() + DAY), by, onTime: false } };
      else if (roll < 85) p = { ...p, status: 'cancelled', outcome: { kind: 'cancelled', at: dueAt, by } };
    }
    void writer.create(promises.doc(p.id), toStored(workspace, p));
  }
  await writer.close();
  const incidents = new FirestoreIncidentStore(db);
  const incidentCount = Math.max(2, Math.round(count / 100));
  for (let i = 0; i < incidentCount; i++) {
    const input = {
      id: `i${i}`,
      client: `Client ${i}`,
      title: `incident ${i}`,
      severity: (['sev1', 'sev2', 'sev3'] as const)[i % 3]!,
      ownerId: i % 10 === 0 ? LEAD : `U${i % 40}`,
      ownerTimeZone: 'Europe/Warsaw',
      reporterId: 'U1',
      channelId: 'CINC',
      messageTs: `1700000000.${String(i).padStart(6, '0')}`,
    };
    await incidents.create(workspace, createIncident(input, new Date(NOW.getTime() - (i + 1) * 3_600_000)));
  }
  const stories = new FirestoreStoryStore(db);
  const storyCount = Math.max(1, Math.round(count / 500));
  for (let i = 0; i < storyCount; i++) {
    await stories.create(
      workspace,
      createStory({ id: `s${i}`, authorId: 'U1', featuredIds: [LEAD], what: `story ${i}` }, new Date(NOW.getTime() - (i + 1) * 3_600_000)),
    );
  }
}

let eventCounter = 0;
async function homeOpenReads(teamId: string, userId: string): Promise<number> {
  await kept.idle(10_000);
  resetCounts();
  const before = fake.callsTo('views.publish').length;
  const body = eventBody({
    teamId,
    event: { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: `1764579600.${String(++eventCounter).padStart(6, '0')}` },
  });
  await postSigned(url, body, { signingSecret: SECRET });
  await fake.waitForCalls('views.publish', before + 1, 20_000);
  await kept.idle(10_000);
  return counts.reads;
}

let commandCounter = 0;
/**
 * `recent`: the lead's Home was drawn moments ago; `old`: three hours ago (its drawing kept, as Slack keeps
 * showing it); `never`: Kept has no drawing of it (a lead who never opened the Home), so every part is read.
 */
async function promiseCommandReads(teamId: string, drawing: 'recent' | 'old' | 'never'): Promise<number> {
  await kept.idle(10_000);
  const home = db.collection('teams').doc(teamId).collection('homes').doc(LEAD);
  if (drawing === 'old') await home.update({ at: new Date(Date.now() - 3 * 3_600_000) });
  if (drawing === 'never') await home.delete();
  resetCounts();
  const key = `bench${++commandCounter}`;
  const body = slashCommandBody({
    teamId,
    userId: LEAD,
    command: '/promise',
    text: `ACME ${commandCounter}: send the revised quote by Friday 3pm`,
    responseUrl: fake.responseUrl(key),
  });
  await postSigned(url, body, { signingSecret: SECRET });
  await fake.waitForCalls(`response_url:${key}`, 1, 20_000);
  await kept.idle(20_000);
  return counts.reads;
}

/** Reads of each Home section the lead sees, built directly. */
async function sectionReads(teamId: string): Promise<Record<string, number>> {
  const workspace = { teamId };
  const settings = await kept.services.settings.get(workspace);
  const request: HomeRequest = {
    workspace,
    settings,
    user: { id: LEAD, timeZone: 'Europe/Warsaw', isBot: false, isAdmin: false, isOwner: false, deleted: false },
    viewer: { m: messagesFor('en'), timeZone: 'Europe/Warsaw', now: NOW },
    isLead: true,
  };
  const sources = { promises: kept.services.promises, incidents: kept.services.incidents, stories: kept.services.stories };
  const result: Record<string, number> = {};
  for (const section of HOME_SECTIONS) {
    resetCounts();
    await section.build(request, sources, section.maxBlocks);
    result[section.id] = counts.reads;
  }
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const small = { teamId: 'THOMESMALL', promises: 40 };
const large = { teamId: 'THOMELARGE', promises: LARGE };
const started = performance.now();
await seed(small.teamId, small.promises);
await seed(large.teamId, large.promises);
process.stderr.write(`seeded ${small.promises} + ${large.promises} promises in ${Math.round(performance.now() - started)} ms\n`);
installFirestoreCounter(db);

const results: Record<string, { lead: number[]; member: number[]; command: number[]; old: number[]; never: number[] }> = {};
for (const w of [small, large]) results[w.teamId] = { lead: [], member: [], command: [], old: [], never: [] };
// Warm-up: the first request of a process pays for connections and caches, not for the history.
await homeOpenReads(small.teamId, LEAD);
for (let run = 0; run < RUNS; run++) {
  for (const w of run % 2 === 0 ? [small, large] : [large, small]) {
    const r = results[w.teamId]!;
    r.lead.push(await homeOpenReads(w.teamId, LEAD));
    r.member.push(await homeOpenReads(w.teamId, MEMBER));
    r.command.push(await promiseCommandReads(w.teamId, 'recent'));
    r.old.push(await promiseCommandReads(w.teamId, 'old'));
    r.never.push(await promiseCommandReads(w.teamId, 'never'));
  }
}
const sections = { small: await sectionReads(small.teamId), large: await sectionReads(large.teamId) };

const row = (label: string, pick: (r: (typeof results)[string]) => number[]) => {
  const s = median(pick(results[small.teamId]!));
  const l = median(pick(results[large.teamId]!));
  return `| ${label} | ${s} | ${l} | ${(l / s).toFixed(2)}× |`;
};
process.stdout.write(
  [
    `Firestore reads (median of ${RUNS}), small history (${small.promises} promises) vs large (${large.promises.toLocaleString('en')} promises, ${Math.round(LARGE / 100)} open incidents, ${Math.round(LARGE / 500)} stories featuring the lead this month)`,
    '',
    `| measure | small history | large history | large ÷ small |`,
    '|---|---:|---:|---:|',
    row('Home refresh of a lead (app_home_opened)', (r) => r.lead),
    row('Home refresh of a member', (r) => r.member),
    row("a lead's `/promise`, Home drawn moments ago (only 'my promises' read again)", (r) => r.command),
    row("a lead's `/promise`, Home drawn three hours ago (only 'my promises' read again)", (r) => r.old),
    row("a lead's `/promise`, Home never drawn (every part read)", (r) => r.never),
    '',
    '| Home section (lead) | small history | large history |',
    '|---|---:|---:|',
    ...HOME_SECTIONS.map((s) => `| ${s.id} | ${sections.small[s.id]} | ${sections.large[s.id]} |`),
    '',
  ].join('\n'),
);
await kept.app.stop();
await db.terminate();
await fake.close();
await emulator?.stop();
