import { formatMac, isMulticastMac, BROADCAST_MAC, type Mac } from '../address/mac';
import type { EthernetFrame } from '../wire/types';
import type { Device, Port } from './device';
import type { SimContext } from './context';
import type { SwitchDecision } from './trace';

export interface MacTableEntry {
  readonly mac: Mac;
  readonly port: string;
  /** When a frame from this MAC was last seen (virtual ns). */
  readonly lastSeen: number;
}

interface Entry {
  readonly mac: Mac;
  port: number;
  lastSeen: number;
}

/**
 * A MAC's low 30 bits, a small integer. A MAC itself is a 48-bit heap number: as a Map key it is
 * boxed afresh for every lookup and hashed as a double, two of them per frame a switch handles.
 */
const smallKey = (mac: Mac): number => (mac >>> 0) & 0x3fff_ffff;

/** Cisco and Linux bridges both default to 300 s. */
export const DEFAULT_MAC_AGING_NS = 300e9;

/**
 * A transparent learning bridge (IEEE 802.1D without spanning tree): learns source MACs per
 * port, floods broadcast, multicast and unknown destinations to every port but the ingress,
 * forwards known unicast out one port, and filters frames whose destination is behind the
 * ingress port.
 */
export class Switch implements Device {
  readonly kind = 'switch';
  readonly ports: Port[];
  /** In learning order (what `macTable()` lists). Entries are updated in place: a refresh or a move costs no new object. */
  private readonly table = new Map<Mac, Entry>();
  /** The same entries by `smallKey`, for lookups; a MAC whose key another already has stays in `table` only. */
  private readonly index = new Map<number, Entry>();
  private unindexed = 0;
  private readonly portNames: readonly string[];
  /**
   * Forward and filter decisions depend only on the port, so each port's are built once and shared
   * by every trace event that records them (trace events are read-only): one object fewer per frame.
   */
  private readonly forwardTo: readonly SwitchDecision[];
  private readonly filterAt: readonly SwitchDecision[];

  constructor(
    readonly name: string,
    portNames: readonly string[],
    private readonly ctx: SimContext,
    /** 0 disables aging. */
    readonly agingNs: number = DEFAULT_MAC_AGING_NS,
  ) {
    this.ports = portNames.map((name) => ({ name }));
    this.portNames = [...portNames];
    this.forwardTo = portNames.map((port) => ({ action: 'forward', port }));
    this.filterAt = portNames.map((port) => ({ action: 'filter', port }));
  }

  macTable(): MacTableEntry[] {
    const now = this.ctx.now();
    return [...this.table]
      .filter(([, e]) => !this.expired(e.lastSeen, now))
      .map(([mac, e]) => ({ mac, port: this.ports[e.port]!.name, lastSeen: e.lastSeen }));
  }

  private expired(lastSeen: number, now: number): boolean {
    return this.agingNs > 0 && now - lastSeen > this.agingNs;
  }

  private find(mac: Mac): Entry | undefined {
    const e = this.index.get(smallKey(mac));
    if (e !== undefined && e.mac === mac) return e;
    return this.unindexed > 0 ? this.table.get(mac) : undefined;
  }

  private learn(mac: Mac, port: number, now: number): void {
    const e: Entry = { mac, port, lastSeen: now };
    this.table.set(mac, e);
    const key = smallKey(mac);
    if (this.index.has(key)) this.unindexed++;
    else this.index.set(key, e);
  }

  private forget(e: Entry): void {
    this.table.delete(e.mac);
    const key = smallKey(e.mac);
    if (this.index.get(key) === e) this.index.delete(key);
    else this.unindexed--;
  }

  /** Looks a MAC up, ageing the entry out (with a trace event) if it has been idle too long. */
  private lookup(mac: Mac, now: number): Entry | undefined {
    const e = this.find(mac);
    if (e === undefined) return undefined;
    if (this.expired(e.lastSeen, now)) {
      this.forget(e);
      this.ctx.record({ kind: 'mac-aged', t: now, device: this.name, mac, port: this.portNames[e.port]!, idleNs: now - e.lastSeen });
      return undefined;
    }
    return e;
  }

  receive(port: number, frame: EthernetFrame, frameId: number, length?: number): void {
    const now = this.ctx.now();
    const ingress = this.portNames[port]!;
    // Learn: a multicast source is invalid and never learned.
    const src = frame.src;
    if (!isMulticastMac(src)) {
      const known = this.lookup(src, now);
      if (known === undefined) {
        this.ctx.record({ kind: 'mac-learned', t: now, device: this.name, mac: src, port: ingress });
        this.learn(src, port, now);
      } else if (known.port === port) {
        // A refresh (same MAC, same port) only restarts the aging clock: not worth a trace line.
        known.lastSeen = now;
      } else {
        this.ctx.record({ kind: 'mac-learned', t: now, device: this.name, mac: src, port: ingress, movedFrom: this.portNames[known.port]! });
        known.port = port;
        known.lastSeen = now;
      }
    }

    const dst = frame.dst;
    const out = isMulticastMac(dst) ? undefined : this.lookup(dst, now);
    if (out === undefined) {
      const ports: string[] = [];
      const indices: number[] = [];
      for (let i = 0; i < this.ports.length; i++) {
        if (i !== port && this.ports[i]!.link !== undefined) {
          ports.push(this.portNames[i]!);
          indices.push(i);
        }
      }
      const why = dst === BROADCAST_MAC ? 'broadcast' : isMulticastMac(dst) ? 'multicast' : 'unknown-destination';
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: { action: 'flood', why, ports } });
      for (const i of indices) this.ctx.transmit(this, i, frame, frameId, length);
    } else if (out.port === port) {
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: this.filterAt[port]! });
      this.ctx.record({
        kind: 'drop',
        t: now,
        device: this.name,
        reason: 'ingress-port',
        detail: `${formatMac(dst)} was learned on ${ingress}, the port the frame came in on; sending it back would be useless`,
        frame: frameId,
      });
    } else {
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: this.forwardTo[out.port]! });
      this.ctx.transmit(this, out.port, frame, frameId, length);
    }
  }
}
