import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sandboxSource } from '../../src/cli/sandbox-command';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('netquest sandbox', () => {
  it('without a terminal says so and exits, blank or with a level', async () => {
    for (const args of [[], ['test/fixtures/levels/configure-gateway.yaml']]) {
      const r = await run('sandbox', ...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/needs an interactive terminal|is set in the environment/);
      expect(r.out).toBe('');
    }
  });

  it('argument mistakes are usage errors (status 2)', async () => {
    const two = await run('sandbox', 'a.yaml', 'b.yaml');
    expect(two.code).toBe(2);
    expect(two.err.split('\n')[0]).toBe("netquest: 'sandbox' takes at most one level file or pack folder");
    const level = await run('sandbox', '--level', 'x');
    expect(level.code).toBe(2);
    expect(level.err.split('\n')[0]).toMatch(/--level ID' needs a pack folder or level file/);
    expect((await run('sandbox', '--frob')).code).toBe(2);
  });

  it('a missing or broken file is located, and nothing opens', async () => {
    const missing = await run('sandbox', 'no/such/level.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no/such/level.yaml:1:1: no such file');
    const dir = mkdtempSync(join(tmpdir(), 'nq-sandbox-cli-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'topology:\n  devices:\n    - { name: pc1, kind: toaster }\n');
    const r = await run('sandbox', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: /);
  });

  it('opens a level, a pack level by --level, or a draft with only a topology', () => {
    const level = sandboxSource('test/fixtures/levels/configure-gateway.yaml', undefined);
    expect(level.ok && level.value.origin).toBe('configure-gateway.yaml');
    expect(level.ok && level.value.topology?.devices.map((d) => d.name)).toContain('r1');
    const pack = sandboxSource('levels', 'browser-and-server');
    expect(pack.ok && pack.value.origin).toMatch(/\(browser-and-server\)$/);
    const unknown = sandboxSource('levels', 'no-such-level');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error[0]!.message).toMatch(/^no level 'no-such-level' here; it has [a-z0-9-]+, /);
    const dir = mkdtempSync(join(tmpdir(), 'nq-sandbox-cli-'));
    const draft = join(dir, 'draft.yaml');
    writeFileSync(draft, 'topology:\n  devices:\n    - { name: pc1, kind: host }\n    - { name: sw1, kind: switch }\n  links:\n    - [pc1:eth0, sw1:p1]\n');
    const d = sandboxSource(draft, undefined);
    expect(d).toEqual({ ok: true, value: { origin: 'draft.yaml', topology: { devices: [{ name: 'pc1', kind: 'host' }, { name: 'sw1', kind: 'switch' }], links: [['pc1:eth0', 'sw1:p1']] } } });
    expect(sandboxSource(undefined, undefined)).toEqual({ ok: true, value: { topology: undefined, origin: undefined } });
  });
});
