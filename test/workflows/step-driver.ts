import { type KeptHarness, SIGNING_SECRET } from '../support/kept-harness.js';
import { eventBody, functionExecutedEvent, type PostResult, postSigned } from '../support/slack-requests.js';

/** What Slack heard back about one step's execution: completed with outputs, or failed with an error. */
export type StepEnd =
  | { kind: 'success'; outputs: Record<string, any>; token: string | undefined }
  | { kind: 'error'; error: string; token: string | undefined };

export interface StepRun {
  readonly status: number;
  /** How long Kept took to answer the HTTP request (the acknowledgement). */
  readonly ackMs: number;
  readonly executionId: string;
  readonly botAccessToken: string;
  readonly eventBody: string;
}

let counter = 0;

/** Drives Workflow Builder steps through the real app: signed `function_executed` events, and the step's end as the fake Slack saw it. */
export function stepDriver(h: KeptHarness) {
  const post = (body: string, headers: Record<string, string> = {}): Promise<PostResult> =>
    postSigned(`${h.url}/slack/events`, body, { signingSecret: SIGNING_SECRET, headers });

  return {
    async run(teamId: string, callbackId: string, inputs: Record<string, unknown>): Promise<StepRun> {
      const executionId = `Fx${Date.now().toString(36).toUpperCase()}${++counter}`;
      const botAccessToken = `xwfp-test-${executionId}`;
      const body = eventBody({ teamId, event: functionExecutedEvent({ callbackId, inputs, executionId, botAccessToken }), eventId: `Ev${executionId}` });
      const started = Date.now();
      const result = await post(body);
      return { status: result.status, ackMs: Date.now() - started, executionId, botAccessToken, eventBody: body };
    },
    /** Slack delivering the same event again (its retry header set), as it does when it thinks the first went unanswered. */
    async redeliver(run: StepRun, retryNum = 1): Promise<PostResult> {
      return post(run.eventBody, { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' });
    },
    /** Waits for functions.completeSuccess or completeError of this execution. */
    async end(run: StepRun, timeoutMs = 10_000): Promise<StepEnd> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const call = ends(run).find((c) => c.ok);
        if (call) {
          return call.method === 'functions.completeSuccess'
            ? { kind: 'success', outputs: parseJson(call.args.outputs), token: call.token }
            : { kind: 'error', error: String(call.args.error), token: call.token };
        }
        if (Date.now() > deadline) {
          throw new Error(
            `step ${run.executionId} neither completed nor failed within ${timeoutMs} ms; calls: ${h.fake.calls.map((c) => c.method).join(', ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    /** Every completeSuccess / completeError Slack received for this execution (a step ends once). */
    ends,
  };

  function ends(run: StepRun) {
    return h.fake.calls.filter(
      (c) => (c.method === 'functions.completeSuccess' || c.method === 'functions.completeError') && c.args.function_execution_id === run.executionId,
    );
  }
}

function parseJson(value: unknown): Record<string, any> {
  if (typeof value !== 'string') return (value ?? {}) as Record<string, any>;
  return JSON.parse(value) as Record<string, any>;
}
