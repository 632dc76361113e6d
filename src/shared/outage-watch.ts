import type { JsonLogger } from './logger.js';

export interface OutageWatchDeps {
  /** True when the dependency answers again. */
  readonly probe: () => Promise<boolean>;
  readonly clock: () => Date;
  readonly logger: JsonLogger;
  /** What is out, as operators call it: "Firestore". */
  readonly what: string;
  /** How often to look whether it is back, while it is out. */
  readonly probeEveryMs?: number;
}

/**
 * Turns many failing requests into one outage episode an operator can see: an ERROR when the first request
 * fails, then (probing every few seconds) one WARNING when it is back, with how long it lasted and how many
 * requests failed meanwhile. Users are told at once either way; this is for whoever runs Kept.
 */
export class OutageWatch {
  private since: Date | undefined;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: OutageWatchDeps) {}

  get ongoing(): boolean {
    return this.since !== undefined;
  }

  /** A request failed because the dependency could not be reached. */
  failed(): void {
    this.failures += 1;
    if (this.since) return;
    this.since = this.deps.clock();
    this.deps.logger.event('error', `${this.deps.what} unreachable: requests are failing`, { outage: this.deps.what, since: this.since.toISOString() });
    this.lookAgain();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private lookAgain(): void {
    this.timer = setTimeout(() => void this.check(), this.deps.probeEveryMs ?? 5_000);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const since = this.since;
    if (!since) return;
    if (!(await this.deps.probe().catch(() => false))) return this.lookAgain();
    const until = this.deps.clock();
    this.deps.logger.event('warn', `${this.deps.what} outage over`, {
      outage: this.deps.what,
      since: since.toISOString(),
      until: until.toISOString(),
      durationMs: until.getTime() - since.getTime(),
      failedRequests: this.failures,
    });
    this.since = undefined;
    this.failures = 0;
  }
}
