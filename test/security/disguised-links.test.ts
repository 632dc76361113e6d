// A slash command's text arrives as Slack's mrkdwn, so `<https://evil.example|https://acme.com/invoice>` is a link whose
// label lies about where it goes. Whatever Kept repeats in a channel, DM or reply shows the link's real target.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revealLinks } from '../../src/shared/slack/block-kit.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

const DISGUISED = '<https://evil.example/pay|https://acme.com/invoice>';
let team: string;
beforeEach(() => {
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'Europe/Warsaw' });
});

/** Everything Kept sent to Slack since the test began: posts, DMs, updates and replies. */
function everythingPosted(): string {
  return ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.publish']
    .flatMap((method) => h.fake.callsTo(method).map((c) => JSON.stringify(c.args)))
    .join('\n');
}

async function settle(method: string, count: number): Promise<void> {
  await h.fake.waitForCalls(method, count, 5_000);
  // The Home refresh after a change goes out right after the reply.
  await new Promise((r) => setTimeout(r, 300));
}

function expectOnlyRealTargets(posted: string): void {
  expect(posted).toContain('https://evil.example/pay');
  expect(posted).not.toContain('acme.com/invoice');
  expect(posted).not.toContain('<!channel>');
}

describe('links typed in slash commands', () => {
  it('/promise shows the real target in the reply and in the new owner’s DM', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', `<@UBEN> ACME: pay via ${DISGUISED} <!channel> by 2099-12-03 10:00`);
    await settle('chat.postMessage', 1);
    expectOnlyRealTargets(JSON.stringify(reply) + everythingPosted());
    const [stored] = (await h.kept.services.promises.listOpen({ teamId: team }, { ownerId: 'UBEN' }, 10)).promises;
    expect(stored?.what).toContain('<https://evil.example/pay>');
  });

  it('/incident shows the real target in the incidents post', async () => {
    await h.command(team, 'UANA', '/incident', `ACME sev2: customers sent to ${DISGUISED} <!channel>`);
    await settle('chat.postMessage', 1);
    expectOnlyRealTargets(everythingPosted());
  });

  it('/story shows the real target in the shared story', async () => {
    await h.command(team, 'UANA', '/story', `<@UBEN> ACME: found the fake invoice ${DISGUISED} <!channel>`);
    await settle('chat.postMessage', 1);
    expectOnlyRealTargets(everythingPosted());
  });
});

describe('revealLinks', () => {
  it('drops every link label, keeps mentions, channels and plain links as they are', () => {
    expect(revealLinks('see <https://evil.example|https://acme.com> and <mailto:a@evil.example|ceo@acme.com>')).toBe(
      'see <https://evil.example> and <mailto:a@evil.example>',
    );
    expect(revealLinks('<@UBEN|ben> in <#C123|general>: <https://acme.com>')).toBe('<@UBEN|ben> in <#C123|general>: <https://acme.com>');
    expect(revealLinks('<https://evil.example|>')).toBe('<https://evil.example>');
  });
});
