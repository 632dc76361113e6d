import { inPool } from './step-summary.js';

interface Scheduled {
  readonly id: string;
  readonly nextStepAt: Date | null;
  readonly stepsDone: readonly string[];
}

/**
 * Plans each item's schedule again (after a settings change) through its store's optimistic update,
 * writing only the items whose next step moves; returns how many moved.
 */
export async function replanEach<T extends Scheduled>(
  items: readonly T[],
  update: (id: string, change: (current: T) => T) => Promise<{ before: T; after: T }>,
  plan: (current: T) => T,
): Promise<number> {
  let moved = 0;
  await inPool(items, 8, async (item) => {
    const { before, after } = await update(item.id, (current) => {
      const next = plan(current);
      const same = next.nextStepAt?.getTime() === current.nextStepAt?.getTime() && next.stepsDone.length === current.stepsDone.length;
      return same ? current : next;
    });
    if (before !== after) moved++;
  });
  return moved;
}
