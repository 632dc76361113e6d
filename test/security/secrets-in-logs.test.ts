// Secrets never reach a log line: a representative run of requests, many of them failing (Slack answering
// 500 or invalid_auth, slow replies), logged at debug level so the Web API client's own request logging
// is included; then no line may hold the bot token, the signing secret or any xox… token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import { driver } from './authz-support.js';

const BOT_TOKEN = 'xoxb-test-token';
const LEGACY_VERIFICATION_TOKEN = 'legacy-verification-token';

let h: KeptHarness;
let send: ReturnType<typeof driver>;
beforeAll(async () => {
  h = await startKept({ config: (base) => ({ ...base, logLevel: 'debug' }) });
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'Europe/Warsaw' });
  send = driver(h);
});
afterAll(() => h.stop());

describe('log lines', () => {
  it('never hold a token or the signing secret, whatever fails', async () => {
    const teamId = newTeamId();
    const ana = { teamId, userId: 'UANA' };
    const faults: [string, Parameters<typeof h.fake.injectFault>[1]][] = [];
    const fault = (method: string, f: Parameters<typeof h.fake.injectFault>[1]) => {
      faults.push([method, f]);
      h.fake.injectFault(method, f);
    };
    const steps: (() => Promise<unknown>)[] = [
      () => send.command(ana, '/promise', 'ACME: send the quote tomorrow 10:00'),
      () => (fault('users.info', { kind: 'status', status: 500 }), send.command({ teamId: newTeamId(), userId: 'UBEN' }, '/promise', 'list')),
      () => (fault('users.info', { kind: 'error', error: 'invalid_auth' }), send.command({ teamId: newTeamId(), userId: 'UBEN' }, '/incident', 'list')),
      () => (fault('chat.postMessage', { kind: 'error', error: 'invalid_auth' }), send.command(ana, '/promise', '<@UBEN|ben> ACME: call back tomorrow 10:00')),
      () => (fault('views.open', { kind: 'error', error: 'invalid_auth' }), send.command(ana, '/promise', '')),
      () => (fault('chat.postMessage', { kind: 'status', status: 500 }), send.command(ana, '/incident', 'ACME sev1: checkout down')),
      () => (fault('chat.postMessage', { kind: 'error', error: 'token_revoked' }), send.command(ana, '/story', '<@UBEN|ben> stayed late for ACME')),
      () => (
        fault('views.publish', { kind: 'error', error: 'invalid_auth' }),
        send.event({ teamId }, { type: 'app_home_opened', user: 'UANA', channel: 'DANA', tab: 'home', event_ts: '1.1' })
      ),
      () => (fault('*', { kind: 'status', status: 500 }), send.click(ana, PROMISE_ACTIONS.kept, 'no-such-promise')),
      () =>
        send.submit(
          { teamId: newTeamId(), userId: 'UBEN' },
          PROMISE_VIEWS.create,
          { [FIELDS.client]: { value: { type: 'plain_text_input', value: 'ACME' } } },
          {},
        ),
      () => send.command(ana, '/kept', 'leads <@UBEN|ben>'),
      // A forged request: Bolt logs why it refused it.
      () =>
        fetch(`${h.url}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-slack-signature': 'v0=forged', 'x-slack-request-timestamp': '1' },
          body: '{}',
        }),
    ];
    for (const step of steps) await step();
    await h.kept.idle(10_000);

    const log = h.logLines;
    const leaks = log.filter(
      (line) => line.includes(BOT_TOKEN) || line.includes(SIGNING_SECRET) || /xox[abposre]-/.test(line) || line.includes(LEGACY_VERIFICATION_TOKEN),
    );
    const errors = log.filter((line) => /"severity":"(ERROR|WARNING)"/.test(line)).length;
    console.log(
      `Secrets in logs: ${steps.length} requests, ${faults.length} Slack faults injected; ${log.length} log lines (${errors} warnings or errors) scanned; lines with a token or the signing secret: ${leaks.length}`,
    );
    // The run did fail where it was told to, and said so in the log.
    expect(errors).toBeGreaterThanOrEqual(5);
    expect(log.some((line) => line.includes('invalid_auth'))).toBe(true);
    expect(leaks).toEqual([]);
  });
});
