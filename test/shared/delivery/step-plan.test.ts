import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../../../src/shared/delivery/delivery.js';
import { planDueSteps, type StepRoute } from '../../../src/shared/delivery/step-plan.js';
import { emptySummary } from '../../../src/shared/delivery/step-summary.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
type Step = { key: string; at: Date };
type Recipient = { channel: string; opensAt?: Date };

const route = (recipients: Record<string, Recipient[]>, stale: string[] = []): StepRoute<Step, Recipient, string> => ({
  stale: (step) => stale.includes(step.key),
  recipientsOf: async (step) => recipients[step.key] ?? [],
  notBefore: (_step, recipient) => recipient.opensAt,
  delivery: (step, recipient, id) => ({ id, channel: recipient.channel, kind: 'k', purpose: 'alert', urgency: 0, expiresAt: at(60), entry: step.key }),
});

describe('planning the due steps of one item', () => {
  it('plans one delivery per due step and recipient, holds those outside their hours, and leaves later steps for later', async () => {
    const summary = emptySummary();
    const pending = [
      { key: 'alert', at: at(-5) },
      { key: 'escalate', at: at(30) },
    ];
    const plan = await planDueSteps('p1', pending, [], route({ alert: [{ channel: 'ULEAD' }, { channel: 'UNIGHT', opensAt: at(120) }] }), NOW, summary);
    expect(plan.deliveries.map((d) => d.id)).toEqual(['p1:alert:ULEAD']);
    expect(summary).toMatchObject({ deferred: 1, skipped: 0 });
    const sent = new Map<string, DeliveryOutcome>([['p1:alert:ULEAD', { status: 'sent' } as DeliveryOutcome]]);
    // Held for UNIGHT: not done yet, and looked at again when their hours open (before the escalation is due).
    expect(plan.settle(sent)).toEqual({ done: [], nextAt: at(30) });
  });

  it('marks a stale step, or one nobody can receive, done without a message', async () => {
    const summary = emptySummary();
    const pending = [
      { key: 'remind', at: at(-1) },
      { key: 'alert', at: at(-1) },
    ];
    const plan = await planDueSteps('p1', pending, ['earlier'], route({ remind: [{ channel: 'UANA' }] }, ['remind']), NOW, summary);
    expect(plan.deliveries).toEqual([]);
    expect(summary.skipped).toBe(2);
    expect(plan.settle(new Map())).toEqual({ done: ['earlier', 'remind', 'alert'], nextAt: null });
  });
});
