import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../src/net/address/ipv4';
import { formatMac, mac } from '../../src/net/address/mac';
import { tracePcap } from '../../src/net/pcap';
import { unwrap } from '../../src/net/result';
import type { FrameEvent } from '../../src/net/sim/trace';
import { tcpFlags } from '../../src/net/wire/tcp';
import { ETHERTYPE_IPV4, IPPROTO_TCP, type EthernetFrame } from '../../src/net/wire/types';
import { twoSubnets } from '../../src/scenarios/two-subnets';

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tshark = hasTshark();
// CI installs tshark (.ci/run); there a missing tshark is a failure, not a skip.
if (!tshark && process.env.CI) throw new Error('tshark is required in CI: .ci/run should have installed it');

const FIELDS = [
  'eth.dst', 'eth.src', 'eth.type',
  'arp.opcode', 'arp.src.proto_ipv4', 'arp.dst.proto_ipv4',
  'ip.src', 'ip.dst', 'ip.ttl', 'ip.checksum.status',
  'icmp.type', 'icmp.checksum.status',
  'udp.srcport', 'udp.dstport', 'udp.checksum.status',
  'tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.checksum.status',
  '_ws.malformed', '_ws.expert.severity',
] as const;

type Row = Record<(typeof FIELDS)[number], string>;

/** Reads a capture back with Wireshark's own dissectors, checksum validation switched on. */
function dissect(pcap: Uint8Array): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'netquest-pcap-'));
  const file = join(dir, 'capture.pcap');
  writeFileSync(file, pcap);
  const out = execFileSync(
    'tshark',
    ['-r', file, '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f', ...FIELDS.flatMap((f) => ['-e', f])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [FIELDS[i], v])) as Row);
}

/** A well-formed DNS query for an A record (RFC 1035), so tshark's DNS dissector finds nothing malformed. */
function dnsQuery(name: string): Uint8Array {
  const labels = name.split('.').flatMap((l) => [l.length, ...new TextEncoder().encode(l)]);
  return Uint8Array.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...labels, 0, 0, 1, 0, 1]);
}

const GOOD = '1'; // Wireshark's checksum status: 0 bad, 1 good, 2 unverified

describe('pcap export', () => {
  it('writes the classic libpcap header: magic, version 2.4, Ethernet link type', () => {
    const bytes = tracePcap([]);
    const v = new DataView(bytes.buffer);
    expect(bytes.length).toBe(24);
    expect(v.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect([v.getUint16(4, true), v.getUint16(6, true)]).toEqual([2, 4]);
    expect(v.getUint32(20, true)).toBe(1);
  });

  it('stamps each record with the virtual time in microseconds and the frame length', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    const frames = sim.frames();
    const bytes = tracePcap(sim.trace);
    const v = new DataView(bytes.buffer);
    let off = 24;
    for (const f of frames) {
      const us = Math.floor(f.t / 1000);
      expect([v.getUint32(off, true), v.getUint32(off + 4, true)]).toEqual([Math.floor(us / 1e6), us % 1e6]);
      expect(v.getUint32(off + 8, true)).toBe(f.length);
      off += 16 + f.length;
    }
    expect(off).toBe(bytes.length);
  });

  it('can keep just one link', () => {
    const sim = twoSubnets();
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    const link = sim.links[0]!.name;
    const onLink = sim.frames().filter((f) => f.link === link);
    const bytes = tracePcap(sim.trace, { link });
    expect(bytes.length).toBe(24 + onLink.reduce((n, f) => n + 16 + f.length, 0));
  });

  it.skipIf(!tshark)('is read by tshark exactly as the engine meant it: ARP, ICMP across a router with TTL lowered, UDP, valid checksums', () => {
    const sim = twoSubnets();
    sim.host('pc2')!.bindUdp(53);
    sim.ping('pc1', ipv4('10.0.0.20'));
    sim.run();
    unwrap(sim.sendUdp('pc1', ipv4('10.0.0.20'), 53, dnsQuery('netquest.example')));
    unwrap(sim.sendUdp('pc1', ipv4('10.0.0.20'), 9, new Uint8Array(3)));
    sim.run();
    const frames = sim.frames();
    const rows = dissect(tracePcap(sim.trace));
    expect(rows).toHaveLength(frames.length);
    const seen = new Set<string>();
    frames.forEach((f, i) => {
      const row = rows[i]!;
      expect(row['_ws.malformed']).toBe('');
      // Notes and warnings are allowed (an all-links capture shows each datagram once per link, which
      // Wireshark calls a retransmission); errors are not. PI_ERROR is 0x00800000.
      expect(Number(row['_ws.expert.severity'] || 0)).toBeLessThan(0x00800000);
      expect(row['eth.dst']).toBe(formatMac(f.frame.dst));
      expect(row['eth.src']).toBe(formatMac(f.frame.src));
      const p = f.frame.payload;
      if (p.kind === 'arp') {
        seen.add(`arp-${p.op}`);
        expect(row['eth.type']).toBe('0x0806');
        expect(row['arp.opcode']).toBe(p.op === 'request' ? '1' : '2');
        expect([row['arp.src.proto_ipv4'], row['arp.dst.proto_ipv4']]).toEqual([formatIpv4(p.senderIp), formatIpv4(p.targetIp)]);
        return;
      }
      expect(p.kind).toBe('ipv4');
      if (p.kind !== 'ipv4') return;
      expect(row['eth.type']).toBe('0x0800');
      expect([row['ip.src'], row['ip.dst'], row['ip.ttl']]).toEqual([formatIpv4(p.src), formatIpv4(p.dst), String(p.ttl)]);
      expect(row['ip.checksum.status']).toBe(GOOD);
      const b = p.payload;
      if (b.kind === 'icmp') {
        seen.add(`icmp-${b.type}-ttl${p.ttl}`);
        expect(row['icmp.checksum.status']).toBe(GOOD);
        expect(row['icmp.type']).toBe({ 'echo-request': '8', 'echo-reply': '0', 'destination-unreachable': '3', 'time-exceeded': '11' }[b.type as string]);
      } else if (b.kind === 'udp') {
        seen.add('udp');
        expect([row['udp.srcport'], row['udp.dstport']]).toEqual([String(b.srcPort), String(b.dstPort)]);
        expect(row['udp.checksum.status']).toBe(GOOD);
      } else {
        throw new Error(`unexpected payload ${b.kind}`);
      }
    });
    // What the issue asks to see: ARP both ways, the echo crossing the router (TTL 64 then 63), UDP, and an ICMP error.
    expect(seen).toEqual(
      new Set(['arp-request', 'arp-reply', 'icmp-echo-request-ttl64', 'icmp-echo-request-ttl63', 'icmp-echo-reply-ttl64', 'icmp-echo-reply-ttl63', 'udp', 'icmp-destination-unreachable-ttl64', 'icmp-destination-unreachable-ttl63']),
    );
  });

  it.skipIf(!tshark)('encodes a TCP segment that tshark reads with the same ports, sequence numbers, flags and a good checksum', () => {
    const frame: EthernetFrame = {
      dst: mac('00:1a:2b:00:00:02'),
      src: mac('00:1a:2b:00:00:01'),
      etherType: ETHERTYPE_IPV4,
      payload: {
        kind: 'ipv4', dscp: 0, ecn: 0, identification: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 64,
        protocol: IPPROTO_TCP, src: ipv4('192.168.1.10'), dst: ipv4('10.0.0.20'), options: new Uint8Array(0),
        payload: {
          kind: 'tcp', srcPort: 49152, dstPort: 80, seq: 4_000_000_000, ack: 0, flags: tcpFlags({ syn: true }), window: 64240, urgentPointer: 0,
          options: new Uint8Array(0), data: new Uint8Array(0),
        },
      },
    };
    const event: FrameEvent = { kind: 'frame', t: 1500, id: 1, parent: undefined, link: 'a—b', from: { device: 'a', port: 'eth0' }, to: { device: 'b', port: 'eth0' }, frame, length: 60 };
    const [row] = dissect(tracePcap([event]));
    expect([row!['tcp.srcport'], row!['tcp.dstport'], row!['tcp.seq_raw'], row!['tcp.flags']]).toEqual(['49152', '80', '4000000000', '0x0002']);
    expect(row!['tcp.checksum.status']).toBe(GOOD);
    expect(row!['ip.checksum.status']).toBe(GOOD);
  });
});
