/** One line of plain English per trace event: what the TUI's log and `netquest demo` print. */
import { formatIpv4 } from '../address/ipv4';
import { formatMac } from '../address/mac';
import { formatSubnet } from '../address/subnet';
import type { EthernetFrame } from '../wire/types';
import { formatTcpFlags } from '../wire/tcp';
import { formatRoute } from './routing';
import type { TraceEvent } from './trace';

export function describeFrame(f: EthernetFrame): string {
  const p = f.payload;
  if (p.kind === 'arp') {
    return p.op === 'request'
      ? `ARP request: who has ${formatIpv4(p.targetIp)}? tell ${formatIpv4(p.senderIp)}`
      : `ARP reply: ${formatIpv4(p.senderIp)} is at ${formatMac(p.senderMac)}`;
  }
  if (p.kind === 'raw') return `EtherType 0x${f.etherType.toString(16).padStart(4, '0')}, ${p.bytes.length} bytes`;
  const ip = `${formatIpv4(p.src)} → ${formatIpv4(p.dst)} TTL ${p.ttl}`;
  const b = p.payload;
  switch (b.kind) {
    case 'icmp':
      switch (b.type) {
        case 'echo-request':
        case 'echo-reply':
          return `ICMP ${b.type} id ${b.identifier} seq ${b.sequence}, ${ip}`;
        case 'other':
          return `ICMP type ${b.icmpType} code ${b.code}, ${ip}`;
        default:
          return `ICMP ${b.type} code ${b.code}, ${ip}`;
      }
    case 'udp':
      return `UDP ${b.srcPort} → ${b.dstPort}, ${b.data.length} bytes, ${ip}`;
    case 'tcp':
      return `TCP ${b.srcPort} → ${b.dstPort} [${formatTcpFlags(b.flags)}] seq ${b.seq} ack ${b.ack}${b.data.length ? `, ${b.data.length} bytes` : ''}, ${ip}`;
    case 'raw':
      return `IP protocol ${p.protocol}, ${ip}`;
  }
}

export function describeEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'frame':
      return `${e.from.device}:${e.from.port} → ${e.to.device}:${e.to.port}  [${formatMac(e.frame.src)} → ${formatMac(e.frame.dst)}] ${describeFrame(e.frame)}`;
    case 'mac-learned':
      return e.movedFrom
        ? `${e.device} learns ${formatMac(e.mac)} moved from ${e.movedFrom} to ${e.port}`
        : `${e.device} learns ${formatMac(e.mac)} is on ${e.port}`;
    case 'mac-aged':
      return `${e.device} forgets ${formatMac(e.mac)} on ${e.port}: idle ${(e.idleNs / 1e9).toFixed(0)} s, longer than the aging time`;
    case 'switch': {
      const d = e.decision;
      if (d.action === 'flood') {
        const why = d.why === 'unknown-destination' ? 'destination not in its MAC table' : d.why;
        return `${e.device} floods frame #${e.frame} out ${d.ports.join(', ') || 'no other port'} (${why})`;
      }
      if (d.action === 'forward') return `${e.device} forwards frame #${e.frame} out ${d.port} only (destination known)`;
      return `${e.device} filters frame #${e.frame}: destination is back on ${d.port}`;
    }
    case 'hub-repeat':
      return `${e.device} repeats frame #${e.frame} out ${e.ports.join(', ')} (a hub cannot read addresses)`;
    case 'arp-cache':
      return `${e.device} ${e.change === 'added' ? 'adds' : 'updates'} ARP entry ${formatIpv4(e.ip)} → ${formatMac(e.mac)}`;
    case 'arp-state':
      return `${e.device}'s ARP entry for ${formatIpv4(e.ip)}: ${e.from} → ${e.to}`;
    case 'arp-resolve':
      return `${e.device} needs the MAC of ${formatIpv4(e.ip)}: ARP request on ${e.iface}${e.attempt > 1 ? ` (try ${e.attempt})` : ''}`;
    case 'route': {
      const why =
        e.reason === 'same-subnet'
          ? `${formatIpv4(e.dst)} is on ${formatSubnet(e.route.destination)} (same subnet): deliver directly`
          : e.reason === 'broadcast'
            ? `${formatIpv4(e.dst)} is a broadcast: send to everyone on ${e.route.iface}`
            : `${formatIpv4(e.dst)} matches ${formatRoute(e.route)}: next hop ${formatIpv4(e.nextHop)}`;
      return `${e.device} routes: ${why}`;
    }
    case 'ttl':
      return `${e.device} decrements TTL ${e.before} → ${e.after}`;
    case 'drop':
      return `${e.device} drops${e.frame ? ` frame #${e.frame}` : ''}: ${e.detail}`;
    case 'deliver':
      return `${e.device} receives ${e.protocol.toUpperCase()} from ${formatIpv4(e.src)}: ${e.detail}`;
    case 'dhcp':
      return `${e.device} DHCP ${e.role}${e.role === 'client' && e.from !== e.to ? ` ${e.from} → ${e.to}` : ''}: ${e.note}`;
    case 'tcp': {
      const change = e.from === e.to ? e.to : `${e.from} → ${e.to}`;
      return `${e.device} TCP ${e.local}↔${e.remote} ${change}: ${e.note}${e.error ? ` (the application is told: ${e.error})` : ''}`;
    }
    case 'ping': {
      const o = e.outcome;
      const head = `${e.device} ping ${formatIpv4(e.dst)} seq ${e.sequence}:`;
      switch (o.status) {
        case 'sent':
          return `${head} echo request sent`;
        case 'reply':
          return `${head} reply from ${formatIpv4(o.from)}, TTL ${o.ttl}, time ${(o.rttNs / 1e6).toFixed(3)} ms`;
        case 'time-exceeded':
          return `${head} time to live exceeded, reported by ${formatIpv4(o.from)}`;
        case 'unreachable':
          return `${head} destination ${o.code === 3 ? 'port' : o.code === 0 ? 'net' : 'host'} unreachable, reported by ${formatIpv4(o.from)}`;
        case 'timeout':
          return `${head} no reply (timed out)`;
        case 'failed':
          return `${head} not sent: ${o.reason}`;
      }
    }
  }
}

/** "12.345 µs"-style time for logs: virtual ns shown in ms with µs precision. */
export function formatSimTime(ns: number): string {
  return `${(ns / 1e6).toFixed(3)} ms`;
}
