// What an operator reads in Cloud Logging and Cloud Error Reporting: errors with their stack and the service that
// wrote them, each request's lines joined to its trace, and one outage episode for many failing requests.
import { describe, expect, it } from 'vitest';
import { JsonLogger, traceFields, withRequestTrace } from '../../src/shared/logger.js';
import { OutageWatch } from '../../src/shared/outage-watch.js';

const SERVICE = { service: 'kept', version: 'kept-00042-abc' };

function capture(): { logger: JsonLogger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = new JsonLogger('info', (line) => raw.push(line), { serviceContext: SERVICE });
  return { logger, lines: () => raw.map((l) => JSON.parse(l)) };
}

describe('error lines', () => {
  it('carry the stack in stack_trace and the service context, which Error Reporting reads', () => {
    const { logger, lines } = capture();
    logger.event('error', 'request failed', { errorId: 'ab12cd34', error: new Error('boom') });
    const [line] = lines();
    expect(line).toMatchObject({ severity: 'ERROR', message: 'request failed', errorId: 'ab12cd34', serviceContext: SERVICE });
    expect(line!.stack_trace).toMatch(/^Error: boom\n\s+at /);
    expect(line).not.toHaveProperty('error');
  });

  it('keep a stack given as text, and mark an error without one as a reported error event', () => {
    const { logger, lines } = capture();
    logger.event('error', 'sweep failed', { error: 'Error: timeout\n    at sweep (src/x.ts:1:1)' });
    logger.event('error', 'recap post given up', { error: 'channel_not_found' });
    const [withStack, withoutStack] = lines();
    expect(withStack!.stack_trace).toContain('at sweep');
    expect(withoutStack).toMatchObject({
      '@type': 'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent',
      message: 'recap post given up: channel_not_found',
      serviceContext: SERVICE,
    });
  });

  it('leave warnings and info lines as they are', () => {
    const { logger, lines } = capture();
    logger.event('warn', 'slow', { error: 'x' });
    expect(lines()[0]).toEqual({ severity: 'WARNING', message: 'slow', logger: 'kept', error: 'x' });
  });
});

describe('request traces', () => {
  it("join every line written for a request to Cloud Run's trace", async () => {
    const { logger, lines } = capture();
    const headers = { 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/16;o=1' };
    await withRequestTrace(headers, 'acme-kept', async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.event('info', 'inside');
    });
    logger.event('info', 'outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({
      'logging.googleapis.com/trace': 'projects/acme-kept/traces/105445aa7843bc8bf206b12000100000',
      'logging.googleapis.com/spanId': '0000000000000010',
      'logging.googleapis.com/trace_sampled': true,
    });
    expect(outside).not.toHaveProperty('logging.googleapis.com/trace');
  });

  it('read the W3C traceparent too, and ignore a malformed header', () => {
    expect(traceFields({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, 'p')).toEqual({
      'logging.googleapis.com/trace': 'projects/p/traces/4bf92f3577b34da6a3ce929d0e0e4736',
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
      'logging.googleapis.com/trace_sampled': true,
    });
    expect(traceFields({ 'x-cloud-trace-context': 'not-a-trace' }, 'p')).toBeUndefined();
    expect(traceFields({}, 'p')).toBeUndefined();
  });
});

describe('an outage', () => {
  it('is one ERROR when requests start failing and one WARNING with its duration when the database is back', async () => {
    const { logger, lines } = capture();
    let now = new Date('2026-12-01T09:00:00Z');
    let reachable = false;
    const watch = new OutageWatch({ probe: async () => reachable, clock: () => now, logger, what: 'Firestore', probeEveryMs: 10 });
    for (let i = 0; i < 40; i++) watch.failed();
    await new Promise((r) => setTimeout(r, 60));
    expect(watch.ongoing).toBe(true);
    now = new Date('2026-12-01T09:02:30Z');
    reachable = true;
    for (let i = 0; i < 50 && watch.ongoing; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines().map((l) => [l.severity, l.message])).toEqual([
      ['ERROR', 'Firestore unreachable: requests are failing'],
      ['WARNING', 'Firestore outage over'],
    ]);
    expect(lines()[1]).toMatchObject({ durationMs: 150_000, failedRequests: 40, since: '2026-12-01T09:00:00.000Z', until: '2026-12-01T09:02:30.000Z' });

    // The next failure starts a new episode.
    watch.failed();
    expect(lines()).toHaveLength(3);
    watch.stop();
  });
});
