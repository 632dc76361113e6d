// Preloaded with `node --import ./bench/support/count-modules.mjs …`: counts the files a process loads (ES modules
// through a loader hook, CommonJS through require.cache) and writes the count to KEPT_MODULE_COUNT_FILE.<pid> on exit
// (one file per process: through NODE_OPTIONS, npm, tsx's launcher and the app each load it).
import { writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const esm = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => esm.add(url));
port1.unref();
register('./count-modules-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

process.on('exit', () => {
  const cjs = Object.keys(createRequire(import.meta.url).cache);
  const files = new Set([...cjs, ...[...esm].filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url))]);
  files.delete(fileURLToPath(import.meta.url));
  if (process.env.KEPT_MODULE_COUNT_FILE)
    writeFileSync(`${process.env.KEPT_MODULE_COUNT_FILE}.${process.pid}`, JSON.stringify({ count: files.size, files: [...files] }));
});
