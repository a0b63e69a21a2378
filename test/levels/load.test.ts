import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLevelFile, loadLevelText, loadPack } from '../../src/levels/load';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/levels/${name}`, import.meta.url));

const MINIMAL = `id: tiny
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

function problems(text: string, file = 'level.yaml') {
  const r = loadLevelText(text, file);
  if (r.ok) throw new Error('expected problems');
  return r.error;
}

describe('loading a level', () => {
  it('loads the fixtures', () => {
    for (const f of ['configure-gateway.yaml', 'answer-subnet.yaml', 'predict-switch.yaml', 'route-hops.yaml']) {
      const r = loadLevelFile(fixture(f));
      expect(r.ok ? r.value.level.id : r.error).toEqual(expect.any(String));
      expect(r.ok).toBe(true);
    }
  });

  it('a level read by the fast parser still locates later problems (a check failing, say) by line and column', () => {
    const r = loadLevelText(MINIMAL, 'tiny.yaml');
    if (!r.ok) throw new Error('expected the level to load');
    expect(r.value.at(['solution', 0], 'does not solve it')).toStrictEqual({ file: 'tiny.yaml', line: 12, column: 5, message: 'solution[0]: does not solve it' });
    expect(r.value.at(['topology', 'devices', 0, 'address'], 'x')).toMatchObject({ line: 7, column: 41 });
  });

  it('loads the same level from text with an anchor (the careful parser) as without (the fast one)', () => {
    const plain = loadLevelText(MINIMAL, 'a.yaml');
    const anchored = loadLevelText(MINIMAL.replace('difficulty: 1', 'difficulty: &d 1'), 'b.yaml');
    if (!plain.ok || !anchored.ok) throw new Error('expected both to load');
    expect(anchored.value.level).toStrictEqual(plain.value.level);
  });

  it('points at the line and column of a bad address, with the parser’s explanation', () => {
    const [p] = problems(MINIMAL.replace('10.0.0.1/24', '10.0.0.256/24'));
    expect(p).toMatchObject({ file: 'level.yaml', line: 7 });
    expect(p!.message).toMatch(/topology\.devices\[0\]\.address: address: .*0–255/);
  });

  it('says "did you mean" for a misspelt key', () => {
    const [p] = problems(MINIMAL.replace('briefing:', 'breifing:'));
    expect(p!.message).toMatch(/unknown key 'breifing' \(did you mean 'briefing'\?\)/);
    expect(p!.line).toBe(4);
  });

  it('refuses a network address on an interface', () => {
    expect(problems(MINIMAL.replace('10.0.0.1/24', '10.0.0.0/24'))[0]!.message).toMatch(/network address of its subnet/);
  });

  it('finds every problem at once: a duplicate name, a cable to a missing port, a missing device in a goal', () => {
    const text = `${MINIMAL.replace('    - { name: pc1, kind: host, address: 10.0.0.1/24 }', '    - { name: pc1, kind: host, address: 10.0.0.1/24 }\n    - { name: pc1, kind: host, address: 10.0.0.2/24 }\n    - { name: sw1, kind: switch, ports: 2 }')}`.replace(
      'questions:',
      'goals:\n  - ping: { from: pc1, to: pc9 }\nquestions:',
    ).replace('topology:\n  devices:', 'topology:\n  links:\n    - [pc1:eth0, sw1:p7]\n  devices:');
    const ps = problems(text).map((p) => p.message);
    expect(ps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/already a device named pc1/),
        expect.stringMatching(/sw1 has no port p7.*p1, p2/),
        expect.stringMatching(/no device named pc9/),
      ]),
    );
  });

  it('names a device that a question refers to but does not exist, suggesting the closest', () => {
    expect(problems(MINIMAL.replace('of: "pc1:eth0"', 'of: "pc2:eth0"'))[0]!.message).toMatch(/no device named pc2 \(did you mean pc1\?\)/);
  });

  it('turns YAML syntax errors, binary junk, tags and alias bombs into located messages', () => {
    expect(problems('id: [unclosed\n')[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(problems('id: !!js/function "x"\n')[0]!.message).toBeTruthy();
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    expect(problems(bomb)[0]!.message).toMatch(/alias/i);
  });

  it('refuses a binary file and an oversized file, from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-load-'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x00, 0xff]));
    writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(1024 * 1024 + 10)}\n`);
    const bin = loadLevelFile(join(dir, 'bin.yaml'));
    const big = loadLevelFile(join(dir, 'big.yaml'));
    expect(!bin.ok && bin.error[0]!.message).toMatch(/binary/);
    expect(!big.ok && big.error[0]!.message).toMatch(/at most 1 MiB/);
    const missing = loadLevelFile(join(dir, 'nope.yaml'));
    expect(!missing.ok && missing.error[0]!.message).toMatch(/no such file/);
  });
});

describe('loading a pack', () => {
  function pack(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'nq-pack-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const manifest = (levels: string[]) => `id: p\nname: P\nversion: 1.0.0\nauthor: me\nlevels: [${levels.join(', ')}]\n`;

  it('loads its levels in order', () => {
    const dir = pack({ 'pack.yaml': manifest(['a.yaml', 'b.yaml']), 'a.yaml': MINIMAL, 'b.yaml': MINIMAL.replace('id: tiny', 'id: tiny-two') });
    const r = loadPack(dir);
    expect(r.ok && r.value.chapters[0]!.levels.map((l) => l.level.id)).toEqual(['tiny', 'tiny-two']);
  });

  it('refuses a path that leaves the pack folder, and a symlink that points out of it', () => {
    const outside = pack({ 'secret.yaml': MINIMAL });
    const dir = pack({ 'pack.yaml': manifest(['../escape.yaml', 'link.yaml']) });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    const r = loadPack(dir);
    expect(r.ok).toBe(false);
    const msgs = !r.ok ? r.error.map((e) => e.message) : [];
    expect(msgs).toEqual([expect.stringMatching(/points outside the pack folder/), expect.stringMatching(/symbolic link leading outside/)]);
    expect(!r.ok && r.error[0]!.file.endsWith('pack.yaml')).toBe(true);
  });

  it('refuses two levels with one id', () => {
    const dir = pack({ 'pack.yaml': manifest(['a.yaml', 'b.yaml']), 'a.yaml': MINIMAL, 'b.yaml': MINIMAL });
    const r = loadPack(dir);
    expect(!r.ok && r.error[0]!.message).toMatch(/level id 'tiny' is also used by a\.yaml/);
  });
});
