/**
 * A little broadcast LAN for DHCP tests: clients (XState actors) and one server, with every
 * message passed through encodeDhcp/decodeDhcp on the way, and tshark helpers for captures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor, type Actor } from 'xstate';
import { IPV4_ANY, IPV4_LIMITED_BROADCAST, type Ipv4 } from '../../../src/net/address/ipv4';
import { BROADCAST_MAC, type Mac } from '../../../src/net/address/mac';
import { unwrap } from '../../../src/net/result';
import type { FrameEvent } from '../../../src/net/sim/trace';
import { BOOTP_MIN_LEN, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, decodeDhcp, encodeDhcp, type DhcpMessage } from '../../../src/net/wire/dhcp';
import { ethernetLength } from '../../../src/net/wire/ethernet';
import { ETHERTYPE_IPV4, IPPROTO_UDP, type EthernetFrame } from '../../../src/net/wire/types';
import { dhcpClientMachine, type DhcpClientContext, type DhcpClientEvent, type DhcpClientState } from '../../../src/machines/dhcp/client-machine';
import type { DhcpServer } from '../../../src/machines/dhcp/server';

/** Encodes and decodes: what arrives is only what the bytes carried. */
export function overTheWire(m: DhcpMessage): DhcpMessage {
  const bytes = unwrap(encodeDhcp(m));
  if (bytes.length < BOOTP_MIN_LEN) throw new Error(`encoded DHCP message is ${bytes.length} bytes`);
  return unwrap(decodeDhcp(bytes));
}

/** One message on the LAN, as a capture would show it. */
export interface Sent {
  readonly by: string;
  readonly message: DhcpMessage;
  readonly srcIp: Ipv4;
  readonly dstIp: Ipv4;
  readonly srcMac: Mac;
  readonly dstMac: Mac;
  readonly srcPort: number;
  readonly dstPort: number;
}

type ClientActor = Actor<typeof dhcpClientMachine>;

export class Lan {
  now = 0;
  /** When false the server hears nothing (it is down or unreachable). */
  serverUp = true;
  readonly sent: Sent[] = [];
  private readonly clients = new Map<string, ClientActor>();

  constructor(
    readonly server: DhcpServer,
    readonly serverMac: Mac = 0x02_00_00_00_00_fe as Mac,
  ) {}

  add(name: string, mac: Mac, xidSeed = this.clients.size + 1): this {
    this.clients.set(name, createActor(dhcpClientMachine, { input: { mac, xidSeed } }).start());
    return this;
  }

  state(name: string): DhcpClientState {
    return this.actor(name).getSnapshot().value as DhcpClientState;
  }

  ctx(name: string): DhcpClientContext {
    return this.actor(name).getSnapshot().context;
  }

  /** Gives one client an event, then lets the exchange run until nobody has anything to send. */
  event(name: string, e: DhcpClientEvent): this {
    const queue: Array<[string, DhcpClientEvent]> = [[name, e]];
    while (queue.length > 0) {
      const [who, ev] = queue.shift()!;
      const actor = this.actor(who);
      actor.send(ev);
      const last = actor.getSnapshot().context.last!;
      for (const m of last.send) {
        const dstIp = last.to ?? IPV4_LIMITED_BROADCAST;
        this.sent.push({
          by: who,
          message: m,
          srcIp: last.from ?? IPV4_ANY,
          dstIp,
          srcMac: actor.getSnapshot().context.mac,
          dstMac: dstIp === IPV4_LIMITED_BROADCAST ? BROADCAST_MAC : this.serverMac,
          srcPort: DHCP_CLIENT_PORT,
          dstPort: DHCP_SERVER_PORT,
        });
        if (!this.serverUp) continue;
        const step = this.server.receive(overTheWire(m), this.now);
        if (step.reply === undefined) continue;
        const r = step.reply;
        this.sent.push({
          by: 'server',
          message: r.message,
          srcIp: this.server.config.serverId,
          dstIp: r.to,
          srcMac: this.serverMac,
          dstMac: r.mac ?? r.message.chaddr,
          srcPort: DHCP_SERVER_PORT,
          dstPort: r.port,
        });
        // Every client hears it (a broadcast LAN, or a hub): each decides by xid and chaddr.
        const heard = overTheWire(r.message);
        for (const other of this.clients.keys()) queue.push([other, { type: 'RECEIVE', message: heard }]);
      }
    }
    return this;
  }

  private actor(name: string): ClientActor {
    const a = this.clients.get(name);
    if (a === undefined) throw new Error(`no client ${name}`);
    return a;
  }
}

/** The Ethernet/IPv4/UDP frame that carries a DHCP message, as a trace event pcap can write. */
export function dhcpFrameEvent(s: Sent, id: number): FrameEvent {
  const frame: EthernetFrame = {
    dst: s.dstMac,
    src: s.srcMac,
    etherType: ETHERTYPE_IPV4,
    payload: {
      kind: 'ipv4', dscp: 0, ecn: 0, identification: id, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64,
      protocol: IPPROTO_UDP, src: s.srcIp, dst: s.dstIp, options: new Uint8Array(0),
      payload: { kind: 'udp', srcPort: s.srcPort, dstPort: s.dstPort, data: unwrap(encodeDhcp(s.message)) },
    },
  };
  return { kind: 'frame', t: id * 1_000_000, id, parent: undefined, link: 'lan', from: { device: s.by, port: 'eth0' }, to: { device: 'lan', port: 'eth0' }, frame, length: ethernetLength(frame) };
}

export function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Reads a capture with tshark, one row of the given fields per frame. */
export function tsharkFields(pcap: Uint8Array, fields: readonly string[]): Record<string, string>[] {
  const dir = mkdtempSync(join(tmpdir(), 'netquest-dhcp-'));
  const file = join(dir, 'capture.pcap');
  writeFileSync(file, pcap);
  const out = execFileSync(
    'tshark',
    ['-r', file, '-o', 'udp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f', ...fields.flatMap((f) => ['-e', f])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [fields[i]!, v])));
}
