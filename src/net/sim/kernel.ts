/**
 * The simulator's hot core: the virtual clock, the event queue, the trace and the cables.
 * Devices talk to it through `SimContext`; `Simulation` builds topologies around it.
 *
 * It is a class rather than an object of closures so that every `ctx.now()` / `ctx.record()`
 * in the devices is a monomorphic method call the optimiser can inline.
 */
import { ethernetLength } from '../wire/ethernet';
import type { EthernetFrame } from '../wire/types';
import type { SimContext } from './context';
import type { Device } from './device';
import { EventQueue, TASK, Task } from './event-queue';
import type { FrameEvent, PortRef, TraceEvent } from './trace';
import type { Link } from './simulation';
import { smallInt } from './small-int';

export interface LinkState {
  readonly link: Link;
  readonly ends: readonly [Device, Device];
  readonly portIndex: readonly [number, number];
}

/**
 * One direction of a cable, kept on the port that sends into it: everything a hop needs in one
 * object, where reaching it through the link, its ends and their ports cost a cache miss apiece.
 * (A class, so all fields sit inside the object and `busyUntil` is known to change.)
 */
export class Egress {
  /** Full duplex: each direction transmits one frame at a time. */
  busyUntil = 0;
  readonly linkName: string;
  readonly bitsPerSecond: number;
  readonly delayNs: number;

  constructor(
    link: Link,
    readonly from: PortRef,
    readonly to: PortRef,
    /** Where frames come out. */
    readonly peer: Device,
    readonly peerPort: number,
    /** Its index in the kernel's list, and the queue tag of a frame arriving through it. */
    readonly tag: number,
  ) {
    this.linkName = link.name;
    this.bitsPerSecond = link.bitsPerSecond;
    this.delayNs = link.delayNs;
  }
}

/** Preamble + start delimiter (8), FCS (4) and the inter-frame gap (12) occupy the wire too. */
const WIRE_OVERHEAD_BYTES = 8 + 4 + 12;

/**
 * Queue tags besides TASK. A frame arriving is the commonest event, so it is queued as its own
 * trace record plus a tag naming the cable direction it came through (an index into `egresses`,
 * so >= 0): no wrapper object per hop.
 */
const RECORD = -2;

export interface RunResult {
  /** Events processed in this run. */
  readonly events: number;
  /** True when the run stopped because of the event budget (a broadcast storm in a loop, say), not quiescence. */
  readonly stopped: boolean;
}

export class Kernel implements SimContext {
  time = 0;
  readonly queue = new EventQueue();
  readonly trace: TraceEvent[] = [];
  readonly links: LinkState[] = [];
  private readonly egresses: Egress[] = [];
  private nextFrameId = 1;

  /** As a small integer when it can be (see small-int.ts): every trace event stores it. */
  now(): number {
    return smallInt(this.time);
  }

  record(event: TraceEvent): void {
    this.trace.push(event);
  }

  after(delayNs: number, fn: (() => void) | Task): void {
    if (fn instanceof Task) this.queue.pushTask(this.time + delayNs, fn);
    else this.queue.push(this.time + delayNs, fn);
  }

  /** Cables `link` between port `pa` of `a` and port `pb` of `b` (both checked free by the caller). */
  plug(link: Link, a: Device, pa: number, b: Device, pb: number): void {
    const n = this.links.length;
    this.links.push({ link, ends: [a, b], portIndex: [pa, pb] });
    const ab = new Egress(link, link.a, link.b, b, pb, this.egresses.length);
    this.egresses.push(ab);
    const ba = new Egress(link, link.b, link.a, a, pa, this.egresses.length);
    this.egresses.push(ba);
    const portA = a.ports[pa]!;
    portA.link = n;
    portA.egress = ab;
    const portB = b.ports[pb]!;
    portB.link = n;
    portB.egress = ba;
  }

  transmit(device: Device, port: number, frame: EthernetFrame, parent?: number, knownLength?: number): number | undefined {
    const out = device.ports[port]!.egress;
    if (out === undefined) return undefined;
    const length = knownLength ?? ethernetLength(frame);
    const txNs = Math.ceil(((length + WIRE_OVERHEAD_BYTES) * 8 * 1e9) / out.bitsPerSecond);
    const now = this.now();
    const busy = out.busyUntil;
    const start = busy > now ? smallInt(busy) : now;
    out.busyUntil = start + txNs;
    const id = this.nextFrameId++;
    const event: FrameEvent = { kind: 'frame', t: start, id, parent, link: out.linkName, from: out.from, to: out.to, frame, length };
    // A frame waiting for a busy port enters the trace when it starts onto the wire, so the trace stays in time order.
    if (start === now) this.trace.push(event);
    else this.queue.pushTagged(start, event, RECORD);
    this.queue.pushTagged(start + txNs + out.delayNs, event, out.tag);
    return id;
  }

  /** Processes events until none are left, or until `maxEvents` (a guard against broadcast storms) or `untilNs`. */
  run(maxEvents: number, untilNs: number): RunResult {
    const queue = this.queue;
    let n = 0;
    for (;;) {
      const t = queue.peekTime();
      if (t === undefined) {
        // Nothing more happens before `untilNs`: the clock still gets there, as a wall clock would.
        if (untilNs !== Infinity) this.time = Math.max(this.time, untilNs);
        return { events: n, stopped: false };
      }
      if (t > untilNs) {
        this.time = Math.max(this.time, untilNs);
        return { events: n, stopped: false };
      }
      if (n >= maxEvents) return { events: n, stopped: true };
      this.time = t;
      const item = queue.pop();
      const tag = queue.poppedTag;
      if (tag >= 0) this.deliver(tag, item as FrameEvent);
      else if (tag === TASK) (item as Task).run();
      else this.trace.push(item as TraceEvent);
      n++;
    }
  }

  private deliver(tag: number, event: FrameEvent): void {
    const through = this.egresses[tag]!;
    // The length goes along: a switch or hub passes the very same frame on, and need not walk its payload again per port.
    through.peer.receive(through.peerPort, event.frame, event.id, event.length);
  }
}
