import type { Button } from '@slack/types';
import { button } from './block-kit.js';

/**
 * "Nominate as story": the button a kept promise or a resolved incident carries. Its value names the
 * source; the stories slice answers it (opens the story form prefilled and linked). It lives in shared/
 * so each slice can offer it without importing another.
 */
export const NOMINATE_STORY_ACTION = 'nominate_story';

export type NominationKind = 'promise' | 'incident';

export interface Nomination {
  readonly kind: NominationKind;
  readonly id: string;
}

export function nominateStoryButton(text: string, nomination: Nomination): Button {
  return button(text, NOMINATE_STORY_ACTION, JSON.stringify({ kind: nomination.kind, id: nomination.id }));
}

export function parseNomination(value: string): Nomination | undefined {
  try {
    const raw = JSON.parse(value) as { kind?: unknown; id?: unknown };
    if ((raw.kind === 'promise' || raw.kind === 'incident') && typeof raw.id === 'string' && raw.id) return { kind: raw.kind, id: raw.id };
  } catch {
    // not a nomination
  }
  return undefined;
}
