import { formatMac, isMulticastMac, BROADCAST_MAC, type Mac } from '../address/mac';
import type { EthernetFrame } from '../wire/types';
import type { Device, Port } from './device';
import type { SimContext } from './context';

export interface MacTableEntry {
  readonly mac: Mac;
  readonly port: string;
  /** When a frame from this MAC was last seen (virtual ns). */
  readonly lastSeen: number;
}

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
  private readonly table = new Map<Mac, { port: number; lastSeen: number }>();

  constructor(
    readonly name: string,
    portNames: readonly string[],
    private readonly ctx: SimContext,
    /** 0 disables aging. */
    readonly agingNs: number = DEFAULT_MAC_AGING_NS,
  ) {
    this.ports = portNames.map((name) => ({ name }));
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

  /** Looks a MAC up, ageing the entry out (with a trace event) if it has been idle too long. */
  private lookup(mac: Mac): number | undefined {
    const e = this.table.get(mac);
    if (e === undefined) return undefined;
    const now = this.ctx.now();
    if (this.expired(e.lastSeen, now)) {
      this.table.delete(mac);
      this.ctx.record({ kind: 'mac-aged', t: now, device: this.name, mac, port: this.ports[e.port]!.name, idleNs: now - e.lastSeen });
      return undefined;
    }
    return e.port;
  }

  receive(port: number, frame: EthernetFrame, frameId: number): void {
    const now = this.ctx.now();
    const ingress = this.ports[port]!.name;
    // Learn: a multicast source is invalid and never learned.
    if (!isMulticastMac(frame.src)) {
      const known = this.lookup(frame.src);
      if (known === port) {
        // A refresh (same MAC, same port) only restarts the aging clock: not worth a trace line.
        this.table.get(frame.src)!.lastSeen = now;
      } else {
        this.ctx.record(
          known === undefined
            ? { kind: 'mac-learned', t: now, device: this.name, mac: frame.src, port: ingress }
            : { kind: 'mac-learned', t: now, device: this.name, mac: frame.src, port: ingress, movedFrom: this.ports[known]!.name },
        );
        this.table.set(frame.src, { port, lastSeen: now });
      }
    }

    const dst = frame.dst;
    const out = isMulticastMac(dst) ? undefined : this.lookup(dst);
    if (out === undefined) {
      const ports: string[] = [];
      const indices: number[] = [];
      for (let i = 0; i < this.ports.length; i++) {
        if (i !== port && this.ports[i]!.link !== undefined) {
          ports.push(this.ports[i]!.name);
          indices.push(i);
        }
      }
      const why = dst === BROADCAST_MAC ? 'broadcast' : isMulticastMac(dst) ? 'multicast' : 'unknown-destination';
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: { action: 'flood', why, ports } });
      for (const i of indices) this.ctx.transmit(this, i, frame, frameId);
    } else if (out === port) {
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: { action: 'filter', port: ingress } });
      this.ctx.record({
        kind: 'drop',
        t: now,
        device: this.name,
        reason: 'ingress-port',
        detail: `${formatMac(dst)} was learned on ${ingress}, the port the frame came in on; sending it back would be useless`,
        frame: frameId,
      });
    } else {
      this.ctx.record({ kind: 'switch', t: now, device: this.name, frame: frameId, ingress, decision: { action: 'forward', port: this.ports[out]!.name } });
      this.ctx.transmit(this, out, frame, frameId);
    }
  }
}
