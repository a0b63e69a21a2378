// `npm run pack-check`: proves the package installs and runs on its own.
//   1. a clean copy of HEAD (git archive; node_modules linked for the build) is packed with
//      `npm pack` (prepack empties dist/, prepare builds it) — the shared dist/ is not touched;
//   2. the tarball is checked to carry only what the game needs (no src/, test/, maps);
//   3. it is installed with `npm install -g --prefix TMP` (npm fetches the dependencies);
//   4. TMP/bin/netquest runs: --version, check on its own campaign, demo, and the game's first
//      frame in tmux (skipped without tmux).
// Prints the figures recorded in docs/reliability.md. Exit status 1 on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'nq-pack-'));
const src = join(work, 'src');
const prefix = join(work, 'prefix');
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION'));
let failed = false;
const t0 = Date.now();

function step(name, f) {
  const s = Date.now();
  try {
    const out = f();
    console.log(`✓ ${name} (${((Date.now() - s) / 1000).toFixed(1)} s)${out ? `: ${out}` : ''}`);
  } catch (e) {
    failed = true;
    console.log(`✗ ${name}: ${e.message}`);
  }
}
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env, ...opts });
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

let pack;
step('npm pack, from a clean copy of HEAD', () => {
  mkdirSync(src);
  execFileSync('sh', ['-c', `git -C "${root}" archive HEAD | tar -x -C "${src}"`]);
  symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'));
  const json = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: src });
  pack = JSON.parse(json.slice(json.indexOf('[')))[0];
  return `${pack.filename}, ${mb(pack.size)} packed, ${mb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`;
});

if (pack) {
  step('the tarball carries only what the game needs', () => {
    const files = pack.files.map((f) => f.path);
    const stray = files.filter((f) => /^(src|test|bench|scripts|node_modules)\/|\.map$|\.tsx?$/.test(f));
    if (stray.length) throw new Error(`unexpected files: ${stray.slice(0, 5).join(', ')}`);
    for (const need of ['bin/netquest.js', 'dist/netquest.js', 'levels/pack.yaml', 'README.md', 'package.json']) if (!files.includes(need)) throw new Error(`missing ${need}`);
    const groups = {};
    for (const f of pack.files) {
      const top = f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path;
      groups[top] ??= { files: 0, size: 0 };
      groups[top].files++;
      groups[top].size += f.size;
    }
    return `\n${Object.entries(groups).sort((a, b) => b[1].size - a[1].size).map(([k, v]) => `    ${k.padEnd(14)} ${String(v.files).padStart(4)} files ${kb(v.size).padStart(10)}`).join('\n')}`;
  });

  step('npm install -g --prefix TMP ./netquest-*.tgz', () => {
    run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(work, pack.filename)], { cwd: work });
    const du = run('du', ['-sk', join(prefix, 'lib', 'node_modules')]).split('\t')[0];
    return `installed, ${(Number(du) / 1024).toFixed(1)} MiB with its dependencies`;
  });

  const netquest = join(prefix, 'bin', 'netquest');
  const installed = join(prefix, 'lib', 'node_modules', 'netquest');
  step('netquest --version', () => {
    const v = run(netquest, ['--version']).trim();
    const want = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    if (v !== want) throw new Error(`printed ${v}, package.json says ${want}`);
    return v;
  });
  step('netquest check on the installed campaign', () => run(netquest, ['check', join(installed, 'levels')]).trim().split('\n').at(-1));
  step('netquest demo', () => {
    const out = run(netquest, ['demo']);
    if (!/reply from/.test(out)) throw new Error('no ping reply in the demo');
    return `${out.split('\n').length} lines`;
  });

  if (spawnSync('tmux', ['-V']).status === 0) {
    step('the game’s first frame, in tmux at 100×30', () => {
      const server = `nq-pack-${process.pid}`;
      const data = join(work, 'data');
      const tmux = (...a) => run('tmux', ['-L', server, ...a]);
      tmux('new-session', '-d', '-s', 'g', '-x', '100', '-y', '30', `env -u CI XDG_DATA_HOME=${data} ${netquest}`);
      try {
        const end = Date.now() + 20_000;
        let screen = '';
        while (Date.now() < end && !/Campaign/.test(screen)) {
          execFileSync('sleep', ['0.2']);
          screen = tmux('capture-pane', '-p', '-t', 'g');
        }
        if (!/Campaign/.test(screen)) throw new Error(`no title menu:\n${screen}`);
        return 'title menu shown';
      } finally {
        spawnSync('tmux', ['-L', server, 'kill-server']);
      }
    });
  } else console.log('- the game’s first frame: skipped (no tmux)');
}

console.log(`\n${failed ? 'FAILED' : 'OK'} in ${((Date.now() - t0) / 1000).toFixed(0)} s (work folder ${work})`);
process.exitCode = failed ? 1 : 0;
