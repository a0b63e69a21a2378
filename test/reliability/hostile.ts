/**
 * Hostile level files and packs, generated: shared by the tests (test/reliability/*.test.ts)
 * and the figures script (scripts/fuzz.ts), so the figures in docs/reliability.md are measured
 * on exactly what the tests check.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/util/random';

export const MINIMAL = `id: tiny
title: Tiny
difficulty: 1
briefing: One host.
topology:
  devices:
    - { name: pc1, kind: host, address: 10.0.0.1/24 }
questions:
  - { id: net, ask: network-address, of: "pc1:eth0" }
par: 1
solution:
  - answer: { question: net, value: 10.0.0.0 }
`;

/** A valid level with `devices` devices: switches in a chain, 62 hosts on each, and a ping across. */
export function hugeLevel(devices: number): string {
  const perSwitch = 62;
  const switches = Math.ceil(devices / (perSwitch + 1));
  const hosts = devices - switches;
  const lines = ['id: huge', 'title: Ten thousand devices', 'difficulty: 1', 'briefing: A very flat network.', 'topology:', '  devices:'];
  const links: string[] = [];
  for (let s = 1; s <= switches; s++) {
    lines.push(`    - {name: s${s}, kind: switch, ports: 64}`);
    if (s > 1) links.push(`    - [s${s - 1}:p2, s${s}:p1]`);
  }
  for (let h = 0; h < hosts; h++) {
    // 10.0.0.0/16 holds 65534 hosts; start at .1.
    const n = h + 1;
    lines.push(`    - {name: h${h}, kind: host, address: 10.0.${n >> 8}.${n & 255}/16}`);
    links.push(`    - [h${h}:eth0, s${1 + Math.floor(h / perSwitch)}:p${3 + (h % perSwitch)}]`);
  }
  lines.push('  links:', ...links);
  lines.push('goals:', `  - ping: { from: h0, to: h${hosts - 1} }`, 'par: 0', 'solution: []', '');
  return lines.join('\n');
}

/** Mappings nested `depth` deep (block style) or flow sequences nested `depth` deep. */
export function deepYaml(depth: number, style: 'block' | 'flow'): string {
  if (style === 'flow') return `id: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const out: string[] = [];
  for (let i = 0; i < depth; i++) out.push(`${' '.repeat(i)}k${i}:`);
  out.push(`${' '.repeat(depth)}v`);
  return `${out.join('\n')}\n`;
}

/** The billion-laughs shape: each level ten aliases of the one before. */
export function aliasBomb(levels = 9): string {
  const out = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) out.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${out.join('\n')}\n`;
}

/** Random bytes from a seed; `withNul` false keeps NUL out so the UTF-8/YAML paths are reached. */
export function junk(bytes: number, seed: number, withNul = true): Buffer {
  const rng = seededRandom(seed);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = rng.int(withNul ? 0 : 1, 255);
  return buf;
}

/** A level with every scalar of the wrong type: numbers become strings, strings lists, lists maps… */
export function wrongTypes(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/: (\d+)$/, ': "$1"')
        .replace(/: ([A-Za-z][^{}[\],]*)$/, ': [$1]')
        .replace(/(\w+): (\d[\d.]*)([,}])/g, '$1: {n: $2}$3')
        .replace(/(\w+): ([A-Za-z][\w.-]*)([,}])/g, '$1: [$2]$3'),
    )
    .join('\n');
}

/** A pack folder from a map of relative path → contents; returns the folder. */
export function makePack(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nq-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export const manifest = (levels: readonly string[]) => `id: p\nname: P\nversion: 1.0.0\nauthor: me\nlevels: [${levels.map((l) => JSON.stringify(l)).join(', ')}]\n`;

/** A pack whose level is a symbolic link to a file outside it (and one whose pack.yaml is). */
export function symlinkPacks(): { levelLink: string; manifestLink: string; folderLink: string } {
  const outside = makePack({ 'secret.yaml': MINIMAL, 'pack.yaml': manifest(['secret.yaml']) });
  const levelLink = makePack({ 'pack.yaml': manifest(['link.yaml']) });
  symlinkSync(join(outside, 'secret.yaml'), join(levelLink, 'link.yaml'));
  const manifestLink = makePack({ 'secret.yaml': MINIMAL });
  symlinkSync(join(outside, 'pack.yaml'), join(manifestLink, 'pack.yaml'));
  const folderLink = makePack({ 'pack.yaml': manifest(['sub/secret.yaml']) });
  symlinkSync(outside, join(folderLink, 'sub'));
  return { levelLink, manifestLink, folderLink };
}
