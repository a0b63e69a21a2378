/** Generated levels for the bench: a big topology for frame latency, and a big pack for `check`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_KINDS, TEMPLATES } from '../src/levels/templates';

/**
 * A configure level (the `configure` template's puzzle: give pc1 a gateway) on a network of
 * `devices` devices: one router between two subnets, each a chain of 48-port switches.
 */
export function bigLevel(id: string, devices = 200): string {
  const switchesPerSide = Math.max(1, Math.ceil((devices - 1) / 2 / 46));
  const hosts = devices - 1 - 2 * switchesPerSide;
  const lines: string[] = [];
  const links: string[] = [];
  const side = (s: 'a' | 'b', net: string, count: number) => {
    for (let k = 1; k <= switchesPerSide; k++) {
      lines.push(`    - { name: ${s}sw${k}, kind: switch, ports: 48 }`);
      // The chain: port 48 goes up to the previous switch's port 47 (the first's 48 to the router).
      links.push(k === 1 ? `    - [${s}sw1:p48, r1:${s === 'a' ? 'eth0' : 'eth1'}]` : `    - [${s}sw${k}:p48, ${s}sw${k - 1}:p47]`);
    }
    for (let h = 0; h < count; h++) {
      const name = h === 0 ? (s === 'a' ? 'pc1' : 'pc2') : `${s}h${h}`;
      const gw = s === 'b' ? `, gateway: ${net}.0.1` : '';
      lines.push(`    - { name: ${name}, kind: host, address: ${net}.${1 + Math.floor((h + 10) / 250)}.${(h + 10) % 250}/16${gw} }`);
      links.push(`    - [${name}:eth0, ${s}sw${1 + Math.floor(h / 46)}:p${1 + (h % 46)}]`);
    }
  };
  side('a', '10.1', Math.ceil(hosts / 2));
  side('b', '10.2', Math.floor(hosts / 2));
  return `id: ${id}
title: A big floor
difficulty: 2
concepts: [default-gateway]
briefing: pc1 and pc2 are on different subnets of a big network. Make pc1 able to ping pc2.
topology:
  devices:
    - name: r1
      kind: router
      interfaces:
        - { name: eth0, address: 10.1.0.1/16 }
        - { name: eth1, address: 10.2.0.1/16 }
${lines.join('\n')}
  links:
${links.join('\n')}
allow:
  set-gateway: [pc1]
goals:
  - ping: { from: pc1, to: pc2 }
par: 1
solution:
  - set-gateway: { device: pc1, gateway: 10.1.0.1 }
reject:
  - name: the far side of the router
    actions:
      - set-gateway: { device: pc1, gateway: 10.2.0.1 }
    explain: gateway-off-subnet
`;
}

/** Writes a pack of `count` levels into `dir`: the `netquest new` templates in turn, each with its own id. */
export function writeTemplatePack(dir: string, count: number): void {
  const perChapter = 100;
  const chapters: string[] = [];
  for (let c = 0; c * perChapter < count; c++) {
    const files: string[] = [];
    mkdirSync(join(dir, `c${c}`), { recursive: true });
    for (let i = c * perChapter; i < Math.min(count, (c + 1) * perChapter); i++) {
      const kind = TEMPLATE_KINDS[i % TEMPLATE_KINDS.length]!;
      const file = `c${c}/l${i}-${kind}.yaml`;
      writeFileSync(join(dir, file), TEMPLATES[kind](`bench-${kind}-${i}`));
      files.push(`      - ${file}`);
    }
    chapters.push(`  - id: c${c}\n    title: Chapter ${c}\n    levels:\n${files.join('\n')}`);
  }
  writeFileSync(join(dir, 'pack.yaml'), `id: bench-pack\nname: Bench pack\nversion: 1.0.0\nauthor: bench\ndescription: ${count} generated levels\nchapters:\n${chapters.join('\n')}\n`);
}
