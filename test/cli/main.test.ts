import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import pkg from '../../package.json';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('netquest on the command line', () => {
  it('--help and -h print the usage and succeed', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: netquest/);
      expect(r.err).toBe('');
    }
  });

  it('--version and -V print the version from package.json', async () => {
    for (const flag of ['--version', '-V']) expect(await run(flag)).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('an unknown command gets a one-line error, then the usage, and exit status 2', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("netquest: unknown command 'frobnicate'");
    expect(r.err).toMatch(/Usage: netquest/);
    expect(r.out).toBe('');
  });

  it('an unknown flag is a usage error too, at the top level and on a subcommand', async () => {
    expect((await run('--frob')).code).toBe(2);
    const r = await run('subnet', '10.0.0.1/24', '--jsn');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^netquest: .*--jsn/);
  });

  it('with no arguments opens the game, and without a terminal says so instead of hanging', async () => {
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs an interactive terminal|is set in the environment/);
  });

  it('subnet: the worked example from the practice spec', async () => {
    const r = await run('subnet', '192.168.10.77/26', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      network: '192.168.10.64',
      broadcast: '192.168.10.127',
      firstHost: '192.168.10.65',
      lastHost: '192.168.10.126',
      hosts: 62,
      mask: '255.255.255.192',
    });
  });

  it('subnet: calls the all-zero host part the network address, never "the gateway"', async () => {
    const r = await run('subnet', '192.168.1.0/24');
    expect(r.out).toMatch(/network address itself/);
    expect(r.out).not.toMatch(/gateway/i);
  });

  it('subnet: a typo in the address gets the parser’s explanation and exit status 1', async () => {
    const r = await run('subnet', '256.1.1.1/24');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/0–255/);
  });

  it('demo: prints a trace in which the ping is answered', async () => {
    const r = await run('demo');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ARP request: who has 192\.168\.1\.1\? tell 192\.168\.1\.10/);
    expect(r.out).toMatch(/reply from 10\.0\.0\.20, TTL 63/);
  });

  it('demo --pcap to a folder that does not exist fails with a message, not a stack trace', async () => {
    const r = await run('demo', '--pcap', '/nonexistent/dir/x.pcap');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write \/nonexistent\/dir\/x\.pcap/);
  });
});

describe('netquest progress', () => {
  it('exports and imports progress through files, refusing junk with a message', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'nq-progress-cli-'));
    const old = process.env.XDG_DATA_HOME;
    process.env.XDG_DATA_HOME = dir;
    try {
      const file = join(dir, 'export.json');
      const out = await run('progress', 'export', file);
      expect(out.code).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toBeTypeOf('object');
      expect((await run('progress', 'import', file)).code).toBe(0);
      writeFileSync(join(dir, 'junk.json'), 'not json at all {');
      const bad = await run('progress', 'import', join(dir, 'junk.json'));
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/^netquest progress: /);
      expect((await run('progress', 'frobnicate', 'x')).code).toBe(2);
    } finally {
      if (old === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = old;
    }
  });
});
