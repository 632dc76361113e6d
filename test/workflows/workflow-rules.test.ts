import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIncidentStep, readPromiseStep, readStoryStep, severityOf } from '../../src/workflows/workflow-rules.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const TOMORROW = Date.parse('2026-12-02T09:00:00Z') / 1000;

describe('the inputs of "Log a client promise"', () => {
  const base = { client: ' ACME ', what: 'send the quote', owner: 'UANA', due: TOMORROW };

  it('reads the client, what, owner and a due time in seconds, trimmed', () => {
    expect(readPromiseStep(base, NOW)).toEqual({
      ok: true,
      value: { client: 'ACME', what: 'send the quote', ownerId: 'UANA', dueAt: new Date('2026-12-02T09:00:00Z'), sourceLink: undefined },
    });
  });

  it('takes a due time sent as text or in milliseconds', () => {
    const text = readPromiseStep({ ...base, due: String(TOMORROW) }, NOW);
    const millis = readPromiseStep({ ...base, due: TOMORROW * 1000 }, NOW);
    expect(text.ok && text.value.dueAt.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(millis.ok && millis.value.dueAt.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });

  it('names the first problem: client, then what, owner, due time, source link', () => {
    expect(readPromiseStep({}, NOW)).toEqual({ ok: false, problem: { kind: 'client_required' } });
    expect(readPromiseStep({ ...base, client: 'x'.repeat(81) }, NOW)).toEqual({ ok: false, problem: { kind: 'client_too_long', max: 80 } });
    expect(readPromiseStep({ ...base, what: undefined }, NOW)).toEqual({ ok: false, problem: { kind: 'what_required' } });
    expect(readPromiseStep({ ...base, owner: 'ana' }, NOW)).toEqual({ ok: false, problem: { kind: 'owner_required' } });
    expect(readPromiseStep({ ...base, due: 'Friday' }, NOW)).toEqual({ ok: false, problem: { kind: 'due_required' } });
    expect(readPromiseStep({ ...base, source_link: 'javascript:alert(1)' }, NOW)).toEqual({ ok: false, problem: { kind: 'source_link_invalid' } });
  });

  it('refuses a due time that is now or past', () => {
    const now = NOW.getTime() / 1000;
    expect(readPromiseStep({ ...base, due: now }, NOW)).toEqual({ ok: false, problem: { kind: 'due_past', due: NOW } });
    expect(readPromiseStep({ ...base, due: now + 60 }, NOW).ok).toBe(true);
  });

  it('checks lengths on the text as it will be shown (after sanitising)', () => {
    const doubled = (t: string) => t + t;
    expect(readPromiseStep({ ...base, client: 'x'.repeat(50) }, NOW, doubled)).toEqual({ ok: false, problem: { kind: 'client_too_long', max: 80 } });
  });

  it('never throws, whatever a workflow sends', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('client', 'what', 'owner', 'due', 'source_link'), fc.anything()), (inputs) => {
        const read = readPromiseStep(inputs, NOW);
        if (read.ok) expect(read.value.dueAt.getTime()).toBeGreaterThan(NOW.getTime());
      }),
    );
  });
});

describe('the inputs of "Open a client incident"', () => {
  it.each([
    ['sev1', 'sev1'],
    ['SEV2', 'sev2'],
    ['sev 3', 'sev3'],
    ['2', 'sev2'],
    ['sev4', undefined],
    ['urgent', undefined],
  ])('reads severity %s as %s', (text, severity) => {
    expect(severityOf(text)).toBe(severity);
  });

  it('reads the client, summary, severity and an optional owner', () => {
    expect(readIncidentStep({ client: 'ACME', summary: 'down', severity: 'sev1' })).toEqual({
      ok: true,
      value: { client: 'ACME', summary: 'down', severity: 'sev1', ownerId: undefined },
    });
    expect(readIncidentStep({ client: 'ACME', summary: 'down', severity: 'sev1', owner: 'UANA' })).toMatchObject({ value: { ownerId: 'UANA' } });
  });

  it('names an unknown severity as given, briefly', () => {
    expect(readIncidentStep({ client: 'ACME', summary: 'down', severity: 'very very urgent indeed!!' })).toEqual({
      ok: false,
      problem: { kind: 'severity_unknown', value: 'very very urgent ind' },
    });
    expect(readIncidentStep({ client: 'ACME', summary: 'x'.repeat(151), severity: 'sev1' })).toEqual({
      ok: false,
      problem: { kind: 'summary_too_long', max: 150 },
    });
  });
});

describe('the inputs of "Share a story"', () => {
  it('reads the featured teammates once each, from a list or a comma-separated text', () => {
    expect(readStoryStep({ featured: ['UANA', 'UBEN', 'UANA', 'nobody'], what: 'fixed it' })).toEqual({
      ok: true,
      value: { featuredIds: ['UANA', 'UBEN'], what: 'fixed it', client: undefined, why: undefined },
    });
    expect(readStoryStep({ featured: 'UANA, UBEN', what: 'fixed it' })).toMatchObject({ value: { featuredIds: ['UANA', 'UBEN'] } });
  });

  it('needs someone featured (at most 20) and a story', () => {
    expect(readStoryStep({ what: 'fixed it' })).toEqual({ ok: false, problem: { kind: 'featured_required' } });
    const many = Array.from({ length: 21 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    expect(readStoryStep({ featured: many, what: 'fixed it' })).toEqual({ ok: false, problem: { kind: 'featured_too_many', max: 20 } });
    expect(readStoryStep({ featured: ['UANA'] })).toEqual({ ok: false, problem: { kind: 'story_what_required' } });
    expect(readStoryStep({ featured: ['UANA'], what: 'ok', why: 'y'.repeat(501) })).toEqual({ ok: false, problem: { kind: 'why_too_long', max: 500 } });
  });
});
