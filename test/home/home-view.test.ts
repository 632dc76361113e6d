import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { type HomeDeps, HomePublisher } from '../../src/home/home-view.js';
import type { Workspace } from '../../src/shared/workspace/workspace.js';

/** A publisher whose publishing is held until the test lets it go, to see how publishes line up. */
class HeldPublisher extends HomePublisher {
  readonly started: string[] = [];
  readonly releases: Array<() => void> = [];
  constructor() {
    super({} as HomeDeps);
  }
  protected override publishNow(_client: webApi.WebClient, _workspace: Workspace, userId: string): Promise<void> {
    this.started.push(userId);
    return new Promise((resolve) => this.releases.push(resolve));
  }
}

const client = {} as webApi.WebClient;
const workspace = { teamId: 'T1' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('publishing a Home', () => {
  it('never runs two publishes for one person at once, and folds requests made meanwhile into one rerun', async () => {
    const publisher = new HeldPublisher();
    const first = publisher.publish(client, workspace, 'UANA');
    const second = publisher.publish(client, workspace, 'UANA');
    const third = publisher.publish(client, workspace, 'UANA');
    await tick();
    expect(publisher.started).toEqual(['UANA']);
    publisher.releases.shift()!();
    await tick();
    expect(publisher.started).toEqual(['UANA', 'UANA']);
    publisher.releases.shift()!();
    await Promise.all([first, second, third]);
    expect(publisher.started).toEqual(['UANA', 'UANA']);
  });

  it('publishes different people side by side', async () => {
    const publisher = new HeldPublisher();
    const both = Promise.all([publisher.publish(client, workspace, 'UANA'), publisher.publish(client, workspace, 'UBEN')]);
    await tick();
    expect(publisher.started).toEqual(['UANA', 'UBEN']);
    for (const release of publisher.releases) release();
    await both;
  });

  it("refuses sections that could pass Slack's 100 blocks", () => {
    const section = { id: 'my_promises' as const, audience: 'everyone' as const, maxBlocks: 60, build: async () => [] };
    expect(() => new HomePublisher({} as HomeDeps, [section, section])).toThrow(/100/);
  });
});
