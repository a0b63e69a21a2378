// `npm run fuzz [-- RUNS]`: bundles scripts/fuzz.ts (it imports the test helpers, so it is not
// part of dist/) and runs it with --expose-gc for honest heap figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(mkdtempSync(join(tmpdir(), 'nq-fuzz-bundle-')), 'fuzz.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/fuzz.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __nqCreateRequire } from 'node:module'; const require = __nqCreateRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
