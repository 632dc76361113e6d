import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/shared/in-flight.js';

describe('work in flight', () => {
  it('is idle at once when nothing runs', async () => {
    expect(await new InFlight().idle(10)).toBe(true);
  });

  it('waits for tracked work, failed work included, before saying idle', async () => {
    const inFlight = new InFlight();
    let finish!: () => void;
    const done = inFlight.track(new Promise<void>((resolve) => (finish = resolve)));
    inFlight.track(Promise.reject(new Error('failed'))).catch(() => undefined);
    const idle = inFlight.idle(5_000);
    expect(inFlight.size).toBeGreaterThan(0);
    finish();
    await done;
    expect(await idle).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('gives up after the timeout while work still runs', async () => {
    const inFlight = new InFlight();
    inFlight.track(new Promise(() => undefined));
    expect(await inFlight.idle(20)).toBe(false);
  });
});
