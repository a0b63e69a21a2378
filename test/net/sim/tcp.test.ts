import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipv4 } from '../../../src/net/address/ipv4';
import { tracePcap } from '../../../src/net/pcap';
import { unwrap } from '../../../src/net/result';
import type { FrameEvent, TraceEvent } from '../../../src/net/sim/trace';
import { twoSubnets } from '../../../src/scenarios/two-subnets';

/** The TCP segments pc1 and pc2 put on their own cables (not the copies forwarded by switches and the router). */
function segments(trace: readonly TraceEvent[]) {
  return trace
    .filter((e): e is FrameEvent => e.kind === 'frame' && e.parent === undefined && (e.from.device === 'pc1' || e.from.device === 'pc2'))
    .flatMap((e) => {
      const p = e.frame.payload;
      if (p.kind !== 'ipv4' || p.payload.kind !== 'tcp') return [];
      const s = p.payload;
      const flags = (['syn', 'fin', 'rst', 'psh', 'ack'] as const).filter((f) => s.flags[f]).map((f) => f.toUpperCase()).join(',');
      return [`${e.from.device} ${flags} seq=${s.seq} ack=${s.flags.ack ? s.ack : '-'} len=${s.data.length}`];
    });
}

function webExchange() {
  const sim = twoSubnets();
  unwrap(sim.host('pc2')!.tcp.listen(80, { iss: 5000 }));
  const c = unwrap(sim.host('pc1')!.tcp.connect(ipv4('10.0.0.20'), 80, { iss: 1000, srcPort: 49152, app: { send: 100, close: true } }));
  sim.run();
  return { sim, c };
}

describe('TCP across a router', () => {
  it('handshake, data and the four-way teardown, with the numbers RFC 9293 gives', () => {
    const { sim } = webExchange();
    expect(segments(sim.trace)).toEqual([
      'pc1 SYN seq=1000 ack=- len=0',
      'pc2 SYN,ACK seq=5000 ack=1001 len=0',
      // The third segment: ACK only.
      'pc1 ACK seq=1001 ack=5001 len=0',
      'pc1 PSH,ACK seq=1001 ack=5001 len=100',
      'pc1 FIN,ACK seq=1101 ack=5001 len=0',
      // pc2 acknowledges the data, then the FIN: SYN and FIN each take one sequence number.
      'pc2 ACK seq=5001 ack=1101 len=0',
      'pc2 ACK seq=5001 ack=1102 len=0',
      // The server application closes when it sees end-of-file: its own FIN continues its sequence.
      'pc2 FIN,ACK seq=5001 ack=1102 len=0',
      'pc1 ACK seq=1102 ack=5002 len=0',
    ]);
  });

  it('starts with ARP for the gateway, as any off-subnet packet does', () => {
    const { sim } = webExchange();
    const first = sim.trace.find((e) => e.kind === 'arp-resolve');
    expect(first && first.kind === 'arp-resolve' && [first.device, first.ip]).toEqual(['pc1', ipv4('192.168.1.1')]);
  });

  it('leaves the client in TIME-WAIT for 2MSL and the server closed', () => {
    const { sim } = webExchange();
    const states = sim.trace.filter((e) => e.kind === 'tcp').map((e) => e.kind === 'tcp' && `${e.device} ${e.from}→${e.to}`);
    expect(states).toContain('pc1 FIN-WAIT-2→TIME-WAIT');
    expect(states).toContain('pc2 LAST-ACK→CLOSED');
    expect(states.at(-1)).toBe('pc1 TIME-WAIT→CLOSED');
    const timeWait = sim.trace.filter((e) => e.kind === 'tcp' && e.device === 'pc1' && (e.to === 'TIME-WAIT' || e.from === 'TIME-WAIT'));
    expect(timeWait[1]!.t - timeWait[0]!.t).toBe(60e9);
  });

  it('a SYN to a closed port is answered with RST,ACK and the client is refused', () => {
    const sim = twoSubnets();
    unwrap(sim.host('pc1')!.tcp.connect(ipv4('10.0.0.20'), 81, { iss: 1000 }));
    sim.run();
    expect(segments(sim.trace)).toEqual(['pc1 SYN seq=1000 ack=- len=0', 'pc2 RST,ACK seq=0 ack=1001 len=0']);
    const refused = sim.trace.find((e) => e.kind === 'tcp' && e.device === 'pc1' && e.error);
    expect(refused && refused.kind === 'tcp' && refused.error).toBe('connection refused');
  });

  it('retransmits a SYN nobody answers, with the timeout doubling each time, then gives up', () => {
    const sim = twoSubnets();
    // 10.0.0.99 does not exist: the router answers host unreachable, but TCP keeps trying on its own timer.
    unwrap(sim.host('pc1')!.tcp.connect(ipv4('10.0.0.99'), 80, { iss: 1000 }));
    sim.run();
    const syns = sim.trace.filter((e): e is FrameEvent => e.kind === 'frame' && e.parent === undefined && e.from.device === 'pc1' && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'tcp');
    expect(syns.length).toBe(7); // the first SYN and 6 retries (Linux's tcp_syn_retries)
    const gaps = syns.slice(1).map((s, i) => Math.round((s.t - syns[i]!.t) / 1e9));
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32]);
    const last = sim.trace.filter((e) => e.kind === 'tcp' && e.device === 'pc1').at(-1);
    expect(last && last.kind === 'tcp' && [last.to, last.error]).toEqual(['CLOSED', 'connection aborted due to user timeout']);
  });

  it('the capture decodes cleanly in tshark, with the numbers the engine meant', () => {
    let tshark = true;
    try {
      execFileSync('tshark', ['-v'], { stdio: 'ignore' });
    } catch {
      tshark = false;
    }
    if (!tshark && !process.env.CI) return;
    const { sim } = webExchange();
    const dir = mkdtempSync(join(tmpdir(), 'nq-tcp-'));
    const file = join(dir, 'tcp.pcap');
    const link = sim.links.find((l) => l.a.device === 'pc1')!.name;
    writeFileSync(file, tracePcap(sim.trace, { link }));
    const out = execFileSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'tcp.relative_sequence_numbers:FALSE', '-Y', 'tcp', '-T', 'fields', '-E', 'separator=,', '-e', 'tcp.flags.str', '-e', 'tcp.seq', '-e', 'tcp.ack', '-e', 'tcp.len', '-e', 'tcp.checksum.status', '-e', '_ws.malformed'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const rows = out.trim().split('\n').map((l) => l.split(','));
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['1000', '0'], ['5000', '0'], ['1001', '0'], ['1001', '100'], ['1101', '0'], ['5001', '0'], ['5001', '0'], ['5001', '0'], ['1102', '0'],
    ]);
    for (const r of rows) {
      expect(r[4]).toBe('1');
      expect(r[5]).toBe('');
    }
  });
});
