// Builds the single production bundle that `bin/netquest.js` runs.
// Why a bundle: a bundled Ink app starts in ~190 ms against ~460 ms from node_modules
// (../shared/notes/ink-on-node20.md). NODE_ENV=production is inlined so React's
// development build (which leaks per frame under Ink) never ships.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Ink imports react-devtools-core dynamically; bundling would make it static. Stub it out. */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools(\.js)?$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`) ? { path: 'ink-devtools-stub', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {}; export const connectToDevTools = () => {};' }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { netquest: 'src/cli/main.ts', bench: 'bench/main.ts', 'gen-schema': 'scripts/gen-schema.ts', 'campaign-table': 'scripts/campaign-table.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __nqCreateRequire } from 'node:module'; const require = __nqCreateRequire(import.meta.url);" },
  plugins: [noDevtools],
});
