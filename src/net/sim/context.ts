import type { EthernetFrame } from '../wire/types';
import type { Device } from './device';
import type { Task } from './event-queue';
import type { TraceEvent } from './trace';

/** What a device may ask of the simulation it lives in. */
export interface SimContext {
  /** Virtual time in nanoseconds. */
  now(): number;
  record(event: TraceEvent): void;
  /**
   * Puts a frame on the cable at `port`; returns the frame's trace id, or undefined if no cable is plugged in.
   * `parent`: the frame this one passes on; `length`: its length (`FrameEvent.length`), when the caller
   * passes on the very frame it received and so already knows it.
   */
  transmit(device: Device, port: number, frame: EthernetFrame, parent?: number, length?: number): number | undefined;
  /** Runs `fn` (or a task object, which saves a closure per call on hot paths) after `delayNs` of virtual time. */
  after(delayNs: number, fn: (() => void) | Task): void;
}
