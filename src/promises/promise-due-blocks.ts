import type { KnownBlock } from '@slack/types';
import { button, context, section, truncate } from '../shared/slack/block-kit.js';
import { formatWhen, type Viewer } from '../shared/viewer.js';
import type { ClientPromise } from './client-promise.js';
import { buildPromiseCard } from './promise-blocks.js';
import type { DueReading, PromiseDraft } from './promise-command.js';

/** The confirmation's and the due question's buttons. */
export const DUE_ACTIONS = { change: 'promise_change', pick: 'promise_pick_due' } as const;

/** What a reading button carries: the whole draft, so picking it logs the promise. */
export interface PickedDraft {
  client: string;
  what: string;
  ownerId?: string | undefined;
  dueAt: number;
}

/** Quoted as each language quotes: “10:00” in English, „10:00” in Polish. */
const quoted = (words: string[], locale: string) => words.map((w) => `${locale === 'pl' ? '„' : '“'}${truncate(w, 40)}”`).join(', ');

/**
 * The reply to `/promise …` once logged: the card, then how the due date was read, in words, with
 * anything date-like that was not used, and a Change button that opens the form prefilled.
 */
export function buildLoggedConfirmation(viewer: Viewer, promise: ClientPromise, reading: DueReading | undefined): KnownBlock[] {
  const { m } = viewer;
  const blocks = buildPromiseCard(viewer, promise, m.promise.logged_title);
  const notes: string[] = [];
  if (reading) notes.push(m.promise.read_as(truncate(reading.matchedText, 100), formatWhen(viewer, promise.dueAt)));
  if (reading && reading.unused.length > 0) notes.push(m.promise.read_unused(quoted(reading.unused, m.locale)));
  const change = button(m.promise.button_change, DUE_ACTIONS.change, promise.id);
  const at = blocks.findIndex((b) => b.type === 'actions' && b.block_id === `promise:${promise.id}`);
  const actions = blocks[at];
  if (actions?.type === 'actions') actions.elements = [...actions.elements, change];
  else blocks.push({ type: 'actions', block_id: `change:${promise.id}`, elements: [change] });
  if (notes.length > 0) blocks.splice(at >= 0 ? at : blocks.length - 1, 0, context(...notes));
  return blocks;
}

/** Two plausible readings ("next Wednesday" said on a Tuesday): nothing is saved until one is picked. */
export function buildDueQuestion(
  viewer: Viewer,
  draft: PromiseDraft & { client: string; what: string },
  reading: DueReading,
  readings: [Date, Date],
): KnownBlock[] {
  const { m } = viewer;
  const buttons = readings.map((dueAt, i) => {
    const value: PickedDraft = { client: draft.client, what: draft.what, ownerId: draft.ownerId, dueAt: dueAt.getTime() };
    return button(formatWhen(viewer, dueAt), `${DUE_ACTIONS.pick}_${i + 1}`, JSON.stringify(value), i === 0 ? 'primary' : undefined);
  });
  return [
    section(`*${m.promise.ask_title}*\n${m.promise.ask_text(truncate(reading.matchedText, 100))}`),
    context(`${truncate(draft.client, 200)}: ${truncate(draft.what, 1900)}`),
    { type: 'actions', block_id: 'promise_pick_due', elements: buttons },
  ];
}

/** A reading button's value, checked: anything else is no draft. */
export function parsePickedDraft(value: string): PickedDraft | undefined {
  try {
    const raw = JSON.parse(value);
    if (typeof raw.client !== 'string' || typeof raw.what !== 'string' || typeof raw.dueAt !== 'number' || !Number.isFinite(raw.dueAt)) return undefined;
    return { client: raw.client, what: raw.what, dueAt: raw.dueAt, ownerId: typeof raw.ownerId === 'string' ? raw.ownerId : undefined };
  } catch {
    return undefined;
  }
}
