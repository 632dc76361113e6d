// The baseline of bench/production-bench.ts and bench/actions-bench.ts: a bare Bolt app over HTTP that acknowledges
// Kept's slash commands and does nothing else, started the way Kept's production start is (plain node, no build step needed).
import bolt from '@slack/bolt';

const { App, LogLevel } = bolt;
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } },
});
for (const command of ['/promise', '/incident', '/story', '/kept']) app.command(command, async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
