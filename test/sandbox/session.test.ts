import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadLevelFile } from '../../src/levels/load';
import { levelSchema } from '../../src/levels/schema';
import { idFromPath, SandboxSession } from '../../src/sandbox/session';
import { resolvePath, writeAtomic } from '../../src/sandbox/files';

function twoPcs(): SandboxSession {
  const s = new SandboxSession();
  for (const k of ['host', 'host', 'switch'] as const) expect(s.addDevice(k).ok).toBe(true);
  expect(s.connect('pc1', 'sw1')).toEqual({ ok: true, message: 'cable pc1:eth0 ─ sw1:p1' });
  expect(s.connect('pc2', 'sw1').ok).toBe(true);
  expect(s.configure({ 'set-address': { interface: 'pc1:eth0', address: '10.0.0.1/24' } }).ok).toBe(true);
  expect(s.configure({ 'set-address': { interface: 'pc2:eth0', address: '10.0.0.2/24' } }).ok).toBe(true);
  return s;
}

const kinds = (events: readonly { kind: string }[]) => events.map((e) => e.kind);

describe('the sandbox session', () => {
  it('builds a network from nothing: devices named pc1, pc2, sw1; cables on the first free ports', () => {
    const s = twoPcs();
    expect(s.deviceNames()).toEqual(['pc1', 'pc2', 'sw1']);
    expect(s.topology()).toEqual({
      devices: [
        { name: 'pc1', kind: 'host', address: '10.0.0.1/24' },
        { name: 'pc2', kind: 'host', address: '10.0.0.2/24' },
        { name: 'sw1', kind: 'switch', ports: 8 },
      ],
      links: [
        ['pc1:eth0', 'sw1:p1'],
        ['pc2:eth0', 'sw1:p2'],
      ],
    });
    expect(s.freePorts('sw1')).toHaveLength(6);
    expect(s.suggestName('host')).toBe('pc3');
  });

  it('says what is wrong instead of doing it: a taken name, a used port, a network address', () => {
    const s = twoPcs();
    expect(s.addDevice('host', 'pc1')).toEqual({ ok: false, error: 'there is already a device named pc1' });
    expect(s.connect('pc1:eth0', 'sw1:p5')).toEqual({ ok: false, error: 'pc1 eth0 already has a cable plugged in' });
    expect(s.connect('pc1', 'sw1')).toEqual({ ok: false, error: 'pc1 has no free port left' });
    const bad = s.configure({ 'set-address': { interface: 'pc2:eth0', address: '10.0.0.0/24' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/network address/);
    // The refused change is not written down.
    expect(s.topology().devices[1]).toMatchObject({ address: '10.0.0.2/24' });
    expect(s.configure({ 'add-route': { device: 'pc1', to: '10.1.0.0/16', via: '10.0.0.2' } })).toMatchObject({ ok: false, error: expect.stringMatching(/not a router/) });
  });

  it('pings: the run keeps its own part of the trace; the second ping finds the ARP entry cached', () => {
    const s = twoPcs();
    const first = s.ping('pc1', 'pc2');
    expect(first).toEqual({ ok: true, message: 'ping pc1 → pc2: ✓ reply from 10.0.0.2, TTL 64', gotThrough: true });
    const t1 = s.traceOf();
    expect(kinds(t1)).toContain('arp-resolve');
    expect(s.ping('pc1', '10.0.0.2').ok).toBe(true);
    const t2 = s.traceOf();
    expect(s.runs).toHaveLength(2);
    expect(kinds(t2)).not.toContain('arp-resolve');
    expect(t2.filter((e) => e.kind === 'frame')).toHaveLength(4);
    expect(s.runs[1]!.start).toBe(s.runs[0]!.end);
  });

  it('a ping that cannot work says why, in the same words as the engine', () => {
    const s = twoPcs();
    expect(s.ping('pc1', '192.168.1.1')).toMatchObject({ ok: true, gotThrough: false });
    expect(s.lastRun()).toMatchObject({ summary: expect.stringMatching(/^✗ not sent: /), gotThrough: false });
    expect(s.ping('pc1', 'nobody')).toEqual({ ok: false, error: 'no host or router named nobody' });
    s.addDevice('host');
    expect(s.ping('pc1', 'pc3')).toEqual({ ok: false, error: 'pc3 has no address yet' });
  });

  it('UDP: port unreachable until the port is opened, then delivered', () => {
    const s = twoPcs();
    expect(s.sendUdp('pc1', 'pc2', 53).ok && s.lastRun()!.summary).toMatch(/nothing listens on UDP port 53/);
    expect(s.listen('pc2', 'udp', 53).ok).toBe(true);
    expect(s.sendUdp('pc1', 'pc2', 53).ok && s.lastRun()!.summary).toBe('✓ delivered to pc2');
    expect(s.topology().devices[1]).toMatchObject({ udp: [53] });
  });

  it('TCP: open (the server starts listening), list, close', () => {
    const s = twoPcs();
    const open = s.tcpOpen('pc1', 'pc2', 80);
    expect(open).toEqual({ ok: true, message: 'TCP pc1 → pc2:80: ✓ connected, 10.0.0.1:49152 ESTABLISHED', gotThrough: true });
    expect(s.topology().devices[1]).toMatchObject({ tcp: [80] });
    const conns = s.connections();
    expect(conns.map((c) => c.label)).toEqual(['pc1 10.0.0.1:49152 ↔ 10.0.0.2:80 ESTABLISHED', 'pc2 10.0.0.2:80 ↔ 10.0.0.1:49152 ESTABLISHED']);
    const closed = s.tcpClose(conns[0]!);
    expect(closed).toEqual({ ok: true, message: "close pc1:49152: pc1's side is TIME-WAIT", gotThrough: true });
    const flags = s.traceOf().filter((e) => e.kind === 'tcp').map((e) => (e.kind === 'tcp' ? `${e.device} ${e.to}` : ''));
    expect(flags).toContain('pc2 CLOSE-WAIT');
    // The server's application closes when the client has (its FIN follows): nothing is left open.
    expect(flags).toContain('pc2 LAST-ACK');
    expect(s.connections()).toEqual([]);
    expect(s.tcpOpen('pc1', 'pc1', 80).ok).toBe(false);
  });

  it('exports the last run or everything as pcap', () => {
    const s = twoPcs();
    s.ping('pc1', 'pc2');
    s.ping('pc2', 'pc1');
    const last = s.pcap('last');
    const all = s.pcap('all');
    expect(new DataView(last.buffer).getUint32(0, true)).toBe(0xa1b2c3d4);
    expect(all.length).toBeGreaterThan(last.length);
  });

  it('opens a level topology, and saves the network as a level skeleton the loader reads back', () => {
    const loaded = loadLevelFile('test/fixtures/levels/configure-gateway.yaml');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const s = new SandboxSession(loaded.value.level.topology);
    expect(s.problems).toEqual([]);
    expect(s.topology()).toEqual(loaded.value.level.topology);
    const text = s.levelYaml('my-net', stringify);
    expect(text.startsWith('# A level skeleton')).toBe(true);
    const back = levelSchema.safeParse(parse(text));
    expect(back.success).toBe(true);
    expect(back.data?.topology).toEqual(s.topology());
  });

  it('a topology with problems opens with what could be built, and says what could not', () => {
    const s = new SandboxSession({
      devices: [
        { name: 'pc1', kind: 'host', address: '10.0.0.1/24' },
        { name: 'pc2', kind: 'host', address: '10.0.0.1/24' },
      ],
      links: [['pc1:eth0', 'pc9:eth0']],
    });
    expect(s.problems.map((p) => p.message)).toEqual(['10.0.0.1 is already used by pc1:eth0', expect.stringMatching(/no device named pc9/)]);
    expect(s.topology().links).toEqual([]);
    expect(s.deviceNames()).toEqual(['pc1', 'pc2']);
  });

  it('names a level after its file', () => {
    expect(idFromPath('/tmp/My Net.yaml')).toBe('my-net');
    expect(idFromPath('---.yaml')).toBe('sandbox-level');
  });
});

describe('writing exports', () => {
  it('writes atomically, leaving no temporary file, and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-sandbox-'));
    const r = writeAtomic(join(dir, 'a.pcap'), new Uint8Array([1, 2, 3]));
    expect(r).toEqual({ ok: true, value: join(dir, 'a.pcap') });
    expect([...readFileSync(join(dir, 'a.pcap'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['a.pcap']);
  });

  it('refuses a missing folder and a folder as the file, in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq-sandbox-'));
    expect(writeAtomic(join(dir, 'nope', 'a.pcap'), 'x')).toEqual({ ok: false, error: `the folder ${join(dir, 'nope')} does not exist` });
    expect(writeAtomic(dir, 'x')).toEqual({ ok: false, error: `${dir} is a folder; give a file name` });
  });

  it('resolves typed paths against the working folder and ~', () => {
    expect(resolvePath('a.pcap', '/work')).toBe('/work/a.pcap');
    expect(resolvePath(' /tmp/x.pcap ', '/work')).toBe('/tmp/x.pcap');
    expect(resolvePath('~/x.pcap', '/work', '/home/me')).toBe('/home/me/x.pcap');
  });
});
