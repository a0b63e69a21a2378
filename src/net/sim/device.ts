import type { EthernetFrame } from '../wire/types';
import type { Egress } from './kernel';

/** A physical port: where a cable plugs in. */
export interface Port {
  readonly name: string;
  /** Index into the simulation's links, when a cable is plugged in. */
  link?: number;
  /** The simulation's state for frames sent out of this port (set with `link`). */
  egress?: Egress;
}

export type DeviceKind = 'host' | 'router' | 'switch' | 'hub';

/** Anything with ports that frames arrive at. */
export interface Device {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly ports: readonly Port[];
  /**
   * A frame has fully arrived on `port` (an index into ports); `frameId` names it in the trace, and
   * `length` is its length on the wire (`FrameEvent.length`), for a device that passes it on.
   */
  receive(port: number, frame: EthernetFrame, frameId: number, length?: number): void;
}

export function portIndex(device: Device, name: string): number {
  return device.ports.findIndex((p) => p.name === name);
}
