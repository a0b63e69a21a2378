import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runTcp } from '../../src/cli/tcp-command';

const example = (name: string) => fileURLToPath(new URL(`../../docs/examples/tcp/${name}`, import.meta.url));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('netquest tcp --script', () => {
  it('--json gives one result per event with the state and the segments sent', async () => {
    const r = await run('tcp', '--script', example('handshake.json'), '--json');
    expect(r.code).toBe(0);
    const { steps } = JSON.parse(r.out);
    expect(steps.map((s: { state: string }) => s.state)).toEqual(['SYN-SENT', 'ESTABLISHED', 'ESTABLISHED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(steps[0].emits).toEqual([{ flags: ['SYN'], seq: 1000, ack: 0, len: 0 }]);
    // The third segment of the handshake: ACK only.
    expect(steps[1].emits).toEqual([{ flags: ['ACK'], seq: 1001, ack: 5001, len: 0 }]);
    expect(steps[6].error).toBe('connection closing');
  });

  it('the same script gives the same output', async () => {
    const [a, b] = [await run('tcp', '--script', example('syn-flood.yaml'), '--json'), await run('tcp', '--script', example('syn-flood.yaml'), '--json')];
    expect(a.out).toBe(b.out);
    const { steps } = JSON.parse(a.out);
    expect(steps[3]).toMatchObject({ state: 'CLOSED', emits: [], listener: { state: 'LISTEN', halfOpen: 2 } });
    expect(steps[5].emits[0].flags).toEqual(['SYN', 'ACK']);
  });

  it('without --json prints each step and a ladder diagram', async () => {
    const r = await run('tcp', '--script', example('handshake.json'));
    expect(r.out).toMatch(/#1 connect → SYN-SENT {2}sends SYN seq=1000/);
    expect(r.out).toMatch(/ACK seq=1001 ack=5001/);
    expect(r.out).toMatch(/▶/);
  });

  it('a bad script gets file:line:column and exit status 1', async () => {
    const r = await run('tcp', '--script', example('../../../package.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/package\.json:\d+:\d+: /);
  });

  it('a missing file is explained', async () => {
    const r = await run('tcp', '--script', '/no/such/script.yaml');
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/cannot read \/no\/such\/script\.yaml: no such file/) });
  });

  it('--json without a script is a usage error', async () => {
    expect((await run('tcp', '--json')).code).toBe(2);
  });
});

describe('netquest tcp, by hand', () => {
  it('reads commands line by line and answers each', async () => {
    const input = new PassThrough();
    let out = '';
    const done = runTcp([], { out: (t) => (out += t), err: () => {} }, input);
    input.end('connect\nrecv SYN,ACK seq=5000 ack=1001\nrecv SYN,ACK seq=5000\nfrobnicate\nstate\nquit\n');
    expect(await done).toBe(0);
    expect(out).toMatch(/#2 receive SYN,ACK seq=5000 ack=1001 → ESTABLISHED {2}sends ACK seq=1001 ack=5001/);
    expect(out).toMatch(/the ACK flag is set: give ack=N/);
    expect(out).toMatch(/unknown command 'frobnicate'/);
    expect(out).toMatch(/ESTABLISHED {2}ISS=1000 SND\.UNA=1001 SND\.NXT=1001/);
  });
});

describe('a hostile script', () => {
  it('nesting thousands deep is refused with its position, before the YAML parser runs', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../../src/cli/main');
    const file = join(mkdtempSync(join(tmpdir(), 'nq-deep-')), 'deep.yaml');
    writeFileSync(file, `events: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const errs: string[] = [];
    const code = await main(['tcp', '--script', file], { out: () => {}, err: (t) => errs.push(t) });
    expect(code).toBe(1);
    // The top mapping is the first level, so the 64th bracket (column 72) is one too many.
    expect(errs.join('')).toContain(`${file}:1:72: the file nests more than 64 levels deep here`);
  });
});
