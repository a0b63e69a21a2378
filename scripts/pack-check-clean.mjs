// `prepack`: empties dist/ so the tarball carries only this build's files. scripts/build.mjs
// writes into dist/ without removing what earlier builds left (chunk names change with every
// edit), which had grown dist/ to 240 files and 37 MB. `prepare` then builds it afresh.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
