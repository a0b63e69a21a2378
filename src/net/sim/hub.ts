import type { EthernetFrame } from '../wire/types';
import type { Device, Port } from './device';
import type { SimContext } from './context';

/**
 * A hub: a physical-layer repeater. It cannot read addresses, so every frame goes out every
 * other port and each host's network card decides whether it is addressed to it.
 * (Collisions on the shared half-duplex segment are not modelled.)
 */
export class Hub implements Device {
  readonly kind = 'hub';
  readonly ports: Port[];

  constructor(
    readonly name: string,
    portNames: readonly string[],
    private readonly ctx: SimContext,
  ) {
    this.ports = portNames.map((name) => ({ name }));
  }

  receive(port: number, frame: EthernetFrame, frameId: number, length?: number): void {
    const ports: string[] = [];
    const indices: number[] = [];
    for (let i = 0; i < this.ports.length; i++) {
      if (i !== port && this.ports[i]!.link !== undefined) {
        ports.push(this.ports[i]!.name);
        indices.push(i);
      }
    }
    this.ctx.record({ kind: 'hub-repeat', t: this.ctx.now(), device: this.name, frame: frameId, ingress: this.ports[port]!.name, ports });
    for (const i of indices) this.ctx.transmit(this, i, frame, frameId, length);
  }
}
