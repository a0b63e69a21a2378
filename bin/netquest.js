#!/usr/bin/env node
// The bundle is built by `npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/netquest.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('netquest: the game is not built yet; run `npm install` (or `npm run build`) in its folder first.\n');
  process.exit(1);
}
// `netquest demo | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
