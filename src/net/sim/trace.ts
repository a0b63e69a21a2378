/**
 * The trace: everything a learner should be able to see happen, in order. Levels, the
 * verifier, the TUI and pcap export all consume this one structure.
 * Times are virtual nanoseconds since the simulation began.
 */
import type { Ipv4 } from '../address/ipv4';
import type { Mac } from '../address/mac';
import type { EthernetFrame } from '../wire/types';
import type { Route } from './routing';
import type { TcpState } from '../../machines/tcp/types';

export interface PortRef {
  readonly device: string;
  readonly port: string;
}

/** A frame put on a link (one per link crossed: a flooded frame appears once per port). */
export interface FrameEvent {
  readonly kind: 'frame';
  readonly t: number;
  /** Sequential from 1; names this transmission in later events. */
  readonly id: number;
  /** The frame this one was forwarded or repeated from, when a switch or hub passed it on. */
  readonly parent: number | undefined;
  readonly link: string;
  readonly from: PortRef;
  readonly to: PortRef;
  readonly frame: EthernetFrame;
  /** Bytes on the wire without preamble and FCS, padding included (what pcap records). */
  readonly length: number;
}

export type SwitchDecision =
  | { readonly action: 'flood'; readonly why: 'broadcast' | 'multicast' | 'unknown-destination'; readonly ports: readonly string[] }
  | { readonly action: 'forward'; readonly port: string }
  /** The destination lives on the port the frame came in by: sending it back would be useless. */
  | { readonly action: 'filter'; readonly port: string };

export type DropReason =
  | 'not-addressed-to-me'
  | 'not-for-me-and-not-a-router'
  | 'no-route'
  | 'gateway-not-on-subnet'
  | 'ttl-expired'
  | 'arp-failed'
  | 'port-unreachable'
  | 'no-link'
  | 'unsupported'
  | 'ingress-port';

export type RouteDecisionReason =
  /** The AND test put the destination on the interface's own subnet. */
  | 'same-subnet'
  /** Not on any own subnet: handed to the next hop of the longest matching route. */
  | 'longest-prefix-match'
  | 'broadcast';

export type TraceEvent =
  | FrameEvent
  | { readonly kind: 'mac-learned'; readonly t: number; readonly device: string; readonly mac: Mac; readonly port: string; readonly movedFrom?: string }
  | { readonly kind: 'mac-aged'; readonly t: number; readonly device: string; readonly mac: Mac; readonly port: string; readonly idleNs: number }
  | { readonly kind: 'switch'; readonly t: number; readonly device: string; readonly frame: number; readonly ingress: string; readonly decision: SwitchDecision }
  | { readonly kind: 'hub-repeat'; readonly t: number; readonly device: string; readonly frame: number; readonly ingress: string; readonly ports: readonly string[] }
  | { readonly kind: 'arp-cache'; readonly t: number; readonly device: string; readonly ip: Ipv4; readonly mac: Mac; readonly change: 'added' | 'updated' }
  | { readonly kind: 'arp-state'; readonly t: number; readonly device: string; readonly ip: Ipv4; readonly from: string; readonly to: string }
  | { readonly kind: 'arp-resolve'; readonly t: number; readonly device: string; readonly ip: Ipv4; readonly iface: string; readonly attempt: number }
  | {
      readonly kind: 'route';
      readonly t: number;
      readonly device: string;
      readonly dst: Ipv4;
      readonly route: Route;
      /** The address whose MAC the frame goes to: the destination itself, or a gateway/next hop. */
      readonly nextHop: Ipv4;
      readonly reason: RouteDecisionReason;
    }
  | { readonly kind: 'ttl'; readonly t: number; readonly device: string; readonly before: number; readonly after: number }
  | { readonly kind: 'drop'; readonly t: number; readonly device: string; readonly reason: DropReason; readonly detail: string; readonly frame?: number }
  | { readonly kind: 'deliver'; readonly t: number; readonly device: string; readonly protocol: 'icmp' | 'udp' | 'tcp'; readonly src: Ipv4; readonly detail: string }
  | { readonly kind: 'ping'; readonly t: number; readonly device: string; readonly dst: Ipv4; readonly sequence: number; readonly outcome: PingOutcome }
  /** A DHCP client or server handled a message or timer. */
  | { readonly kind: 'dhcp'; readonly t: number; readonly device: string; readonly role: 'client' | 'server'; readonly from: string; readonly to: string; readonly note: string }
  /** A TCP connection processed an event (a segment, a call, a timer): its state before and after, and the RFC rule that applied. */
  | {
      readonly kind: 'tcp';
      readonly t: number;
      readonly device: string;
      /** "ip:port" of this end and of the peer. */
      readonly local: string;
      readonly remote: string;
      readonly from: TcpState;
      readonly to: TcpState;
      readonly note: string;
      readonly error: string | undefined;
    };

export type PingOutcome =
  | { readonly status: 'sent' }
  | { readonly status: 'reply'; readonly from: Ipv4; readonly rttNs: number; readonly ttl: number }
  | { readonly status: 'time-exceeded'; readonly from: Ipv4 }
  | { readonly status: 'unreachable'; readonly from: Ipv4; readonly code: number }
  | { readonly status: 'timeout' }
  | { readonly status: 'failed'; readonly reason: string };

export type TraceEventKind = TraceEvent['kind'];
