/**
 * Stepping through a trace, frame by frame: what the trace stepper shows. Plain TS, no React.
 *
 * - `buildSteps`: the frames of a trace as the steps a learner walks through, each with the
 *   decisions it caused (a switch learning and flooding, an ARP entry, a route, a TCP state
 *   change) and the ones that prepared it.
 * - `stepperReducer`: the cursor (forward, back, first, last) and playing at a chosen speed;
 *   the timer belongs to the component, which sends `tick`.
 * - `stepFocus`, `headerLayers`, `ladderAt`: the current frame's link, its headers layer by
 *   layer (the field map of wire/fields.ts, with values), and for TCP the ladder so far.
 */
import { sayLevel } from './level-words';
import { formatIpv4, type Ipv4 } from '../net/address/ipv4';
import { formatMac, macFromBytes } from '../net/address/mac';
import { describeEvent, describeFrame } from '../net/sim/describe';
import type { FrameEvent, PortRef, TraceEvent } from '../net/sim/trace';
import { encodeEthernet } from '../net/wire/ethernet';
import { frameFields, type FieldSpan } from '../net/wire/fields';
import { formatTcpFlags, tcpFlagsByte, tcpFlagsFromByte } from '../net/wire/tcp';
import type { EthernetFrame, TcpFlags, TcpSegment } from '../net/wire/types';
import type { LadderStep } from '../machines/tcp/ladder';
import { TCP_FLAGS, type TcpFlag, type TcpState } from '../machines/tcp/types';
import { findLink, type Topology } from './layout/topology';

// ---- steps -------------------------------------------------------------------------------

export interface Step {
  /** The frame on a link at this step; undefined for events that no frame carries (a ping with no route, a late timeout). */
  readonly frame: FrameEvent | undefined;
  /** What led to the frame: the sender's decisions (route, ARP request, a TCP call). */
  readonly before: readonly TraceEvent[];
  /** What the frame's arrival caused at the receiving device (learned, flooded, answered, dropped). */
  readonly after: readonly TraceEvent[];
  /** Highest trace index this step covers: events up to here have happened once the step is shown. */
  readonly upTo: number;
}

/**
 * An event is the consequence of a frame's arrival when its device is the frame's receiver and
 * it happens within this long after the frame was sent: a full-size frame at 10 Mbit/s plus a
 * long cable. Later events (a timeout seconds on) are not the frame's doing.
 */
const ARRIVAL_WINDOW_NS = 2e6;

export function buildSteps(trace: readonly TraceEvent[]): Step[] {
  interface Draft {
    frame: FrameEvent | undefined;
    before: TraceEvent[];
    after: TraceEvent[];
    upTo: number;
  }
  const steps: Draft[] = [];
  /** Per device: the step of the last frame that arrived at it. */
  const lastArrival = new Map<string, Draft>();
  let pending: TraceEvent[] = [];
  let pendingUpTo = -1;
  trace.forEach((e, i) => {
    if (e.kind === 'frame') {
      const step: Draft = { frame: e, before: pending, after: [], upTo: i };
      steps.push(step);
      lastArrival.set(e.to.device, step);
      pending = [];
      return;
    }
    const caused = lastArrival.get(e.device);
    if (caused?.frame && e.t - caused.frame.t <= ARRIVAL_WINDOW_NS && e.t >= caused.frame.t) {
      caused.after.push(e);
      caused.upTo = i;
    } else {
      pending.push(e);
      pendingUpTo = i;
    }
  });
  if (pending.length > 0) steps.push({ frame: undefined, before: pending, after: [], upTo: pendingUpTo });
  // upTo only grows along the steps: what is shown at step n has happened by step n+1.
  let high = -1;
  return steps.map((s) => {
    high = Math.max(high, s.upTo);
    return { frame: s.frame, before: s.before, after: s.after, upTo: high };
  });
}

/** The one-line description of a step. */
export function stepTitle(step: Step): string {
  if (step.frame) return describeFrame(step.frame.frame);
  const last = step.before[step.before.length - 1];
  return last ? describeEvent(last) : 'nothing happened';
}

/** "pc1:eth0 → sw1:p1", or undefined for a frameless step. */
export function stepHop(step: Step, arrow = '→'): string | undefined {
  const f = step.frame;
  return f ? `${f.from.device}:${f.from.port} ${arrow} ${f.to.device}:${f.to.port}` : undefined;
}

// ---- the cursor and the player ------------------------------------------------------------

/** Steps per second the player can choose from. */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 1;

export interface StepperState {
  readonly cursor: number;
  readonly playing: boolean;
  /** Index into SPEEDS. */
  readonly speed: number;
}

export type StepperEvent =
  | { readonly type: 'next' }
  | { readonly type: 'prev' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'goto'; readonly index: number }
  | { readonly type: 'toggle-play' }
  | { readonly type: 'faster' }
  | { readonly type: 'slower' }
  /** The player's timer fired: one step on, stopping at the last. */
  | { readonly type: 'tick' };

export function initialStepper(count: number, at: 'first' | 'last' = 'first'): StepperState {
  return { cursor: at === 'last' ? Math.max(0, count - 1) : 0, playing: false, speed: SPEEDS.indexOf(DEFAULT_SPEED) };
}

/** The next state for a trace of `count` steps. Stepping by hand pauses the player. */
export function stepperReducer(state: StepperState, event: StepperEvent, count: number): StepperState {
  const last = Math.max(0, count - 1);
  const clamp = (n: number) => Math.min(Math.max(0, n), last);
  switch (event.type) {
    case 'next':
      return { ...state, cursor: clamp(state.cursor + 1), playing: false };
    case 'prev':
      return { ...state, cursor: clamp(state.cursor - 1), playing: false };
    case 'first':
      return { ...state, cursor: 0, playing: false };
    case 'last':
      return { ...state, cursor: last, playing: false };
    case 'goto':
      return { ...state, cursor: clamp(event.index), playing: false };
    case 'toggle-play':
      if (state.playing) return { ...state, playing: false };
      if (count <= 1) return state;
      // Play at the end starts again from the first step.
      return { ...state, playing: true, cursor: state.cursor >= last ? 0 : state.cursor };
    case 'faster':
      return { ...state, speed: Math.min(SPEEDS.length - 1, state.speed + 1) };
    case 'slower':
      return { ...state, speed: Math.max(0, state.speed - 1) };
    case 'tick': {
      if (!state.playing) return state;
      const cursor = clamp(state.cursor + 1);
      return { ...state, cursor, playing: cursor < last };
    }
  }
}

/** How long the player waits between steps. */
export function tickMs(state: StepperState): number {
  return Math.round(1000 / SPEEDS[state.speed]!);
}

export function speedLabel(state: StepperState, locale = 'en'): string {
  const s = SPEEDS[state.speed]!;
  return sayLevel(locale, s === 1 ? 'step.speedOne' : 'step.speed', { s });
}

// ---- focus on the topology --------------------------------------------------------------------

export interface StepFocus {
  /** The link's name in the simulation ("pc1:eth0—sw1:p1"). */
  readonly link: string;
  readonly from: PortRef;
  readonly to: PortRef;
}

export function stepFocus(step: Step | undefined): StepFocus | undefined {
  const f = step?.frame;
  return f ? { link: f.link, from: f.from, to: f.to } : undefined;
}

/** Index of the focused link in a drawn topology, for drawTopology's `highlightLink`. */
export function highlightLinkIndex(topology: Topology, focus: StepFocus | undefined): number | undefined {
  return focus ? findLink(topology, focus.from.device, focus.from.port) : undefined;
}

// ---- headers layer by layer -------------------------------------------------------------------

export interface HeaderField {
  readonly name: string;
  readonly value: string;
  /** Bytes from the start of the frame. */
  readonly offset: number;
  readonly length: number;
}

export interface HeaderLayer {
  readonly layer: FieldSpan['layer'];
  readonly title: string;
  readonly fields: readonly HeaderField[];
}

const LAYER_TITLE: Record<FieldSpan['layer'], string> = {
  ethernet: 'Ethernet II',
  arp: 'ARP',
  ipv4: 'IPv4',
  icmp: 'ICMP',
  udp: 'UDP',
  tcp: 'TCP',
  payload: 'Data',
};

const ETHERTYPES: Record<number, string> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6' };
const PROTOCOLS: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };
const ICMP_TYPES: Record<number, string> = { 0: 'echo reply', 3: 'destination unreachable', 8: 'echo request', 11: 'time exceeded' };

const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, '0')}`;

function uint(bytes: Uint8Array, offset: number, length: number): number {
  let n = 0;
  for (let i = 0; i < length; i++) n = n * 256 + (bytes[offset + i] ?? 0);
  return n;
}

/** A field's value as a person reads it: MACs and IPs written out, codes named, checksums in hex. */
function fieldValue(bytes: Uint8Array, f: FieldSpan): string {
  const n = uint(bytes, f.offset, f.length);
  if (f.length === 6) {
    const mac = formatMac(macFromBytes(bytes, f.offset));
    return n === 0xffff_ffff_ffff ? `${mac} (broadcast)` : mac;
  }
  if (f.length === 4 && / IP$/.test(f.name)) return formatIpv4(n as Ipv4);
  switch (f.name) {
    case 'EtherType':
    case 'protocol type':
      return `${hex(n, 4)}${ETHERTYPES[n] ? ` (${ETHERTYPES[n]})` : ''}`;
    case 'hardware type':
      return n === 1 ? '1 (Ethernet)' : String(n);
    case 'operation':
      return n === 1 ? '1 (request)' : n === 2 ? '2 (reply)' : String(n);
    case 'version and header length':
      return `version ${n >> 4}, header ${(n & 0x0f) * 4} bytes`;
    case 'flags and fragment offset': {
      const flags = [n & 0x4000 ? 'DF' : '', n & 0x2000 ? 'MF' : ''].filter(Boolean).join(' ') || 'none';
      return `${flags}, offset ${n & 0x1fff}`;
    }
    case 'protocol':
      return `${n}${PROTOCOLS[n] ? ` (${PROTOCOLS[n]})` : ''}`;
    case 'header checksum':
    case 'checksum':
      return hex(n, 4);
    case 'data offset and flags':
      return `header ${(n >> 12) * 4} bytes, flags ${formatTcpFlags(tcpFlagsFromByte(n & 0xff))}`;
    default:
      if (f.layer === 'icmp' && f.name === 'type') return `${n}${ICMP_TYPES[n] ? ` (${ICMP_TYPES[n]})` : ''}`;
      return String(n);
  }
}

/** Application bytes the frame carries (after all headers, before padding). */
function dataLength(frame: EthernetFrame): number {
  const p = frame.payload;
  if (p.kind === 'raw') return p.bytes.length;
  if (p.kind !== 'ipv4') return 0;
  const b = p.payload;
  if (b.kind === 'udp' || b.kind === 'tcp') return b.data.length;
  if (b.kind === 'raw') return b.bytes.length;
  return 'data' in b ? b.data.length : 0;
}

/** The frame's headers layer by layer, each field with its value, then data and padding. */
export function headerLayers(frame: EthernetFrame): HeaderLayer[] {
  const encoded = encodeEthernet(frame);
  if (!encoded.ok) return [{ layer: 'payload', title: 'Frame', fields: [{ name: 'cannot be encoded', value: encoded.error, offset: 0, length: 0 }] }];
  const bytes = encoded.value;
  const spans = frameFields(bytes);
  const layers: { layer: FieldSpan['layer']; title: string; fields: HeaderField[] }[] = [];
  for (const s of spans) {
    let layer = layers[layers.length - 1];
    if (layer?.layer !== s.layer) {
      layer = { layer: s.layer, title: LAYER_TITLE[s.layer], fields: [] };
      layers.push(layer);
    }
    layer.fields.push({ name: s.name, value: fieldValue(bytes, s), offset: s.offset, length: s.length });
  }
  const headerEnd = spans.reduce((m, s) => Math.max(m, s.offset + s.length), 0);
  const data = dataLength(frame);
  const padding = Math.max(0, bytes.length - headerEnd - data);
  const tail: HeaderField[] = [];
  if (data > 0) tail.push({ name: 'data', value: `${data} bytes`, offset: headerEnd, length: data });
  if (padding > 0) tail.push({ name: 'padding', value: `${padding} bytes (a frame is at least 60 bytes before the FCS)`, offset: headerEnd + data, length: padding });
  if (tail.length > 0) layers.push({ layer: 'payload', title: LAYER_TITLE.payload, fields: tail });
  return layers;
}

// ---- the TCP ladder ---------------------------------------------------------------------------

export interface LadderView {
  readonly leftName: string;
  readonly rightName: string;
  readonly initialLeft: TcpState | undefined;
  readonly initialRight: TcpState | undefined;
  readonly rows: readonly LadderStep[];
}

type TcpFrame = FrameEvent & { readonly frame: { readonly payload: { readonly kind: 'ipv4'; readonly src: Ipv4; readonly dst: Ipv4; readonly payload: TcpSegment } } };

function isTcpFrame(e: TraceEvent): e is TcpFrame {
  return e.kind === 'frame' && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'tcp';
}

const endpointOf = (ip: Ipv4, port: number) => `${formatIpv4(ip)}:${port}`;
const segmentKey = (f: TcpFrame) => {
  const s = f.frame.payload.payload;
  return `${endpointOf(f.frame.payload.src, s.srcPort)}>${endpointOf(f.frame.payload.dst, s.dstPort)} ${s.seq} ${s.ack} ${tcpFlagsByte(s.flags)} ${s.data.length}`;
};

const FLAG_BITS: Record<TcpFlag, keyof TcpFlags> = { SYN: 'syn', FIN: 'fin', RST: 'rst', PSH: 'psh', ACK: 'ack' };
const flagsOf = (s: TcpSegment): TcpFlag[] => TCP_FLAGS.filter((name) => s.flags[FLAG_BITS[name]]);

/**
 * The ladder of the TCP connection in focus at step `cursor` (the current frame's, else the
 * latest one so far), with every segment sent up to that step and each side's state as far as
 * the trace has got. Undefined when no TCP segment has been sent yet.
 */
/** A connection a listener accepted starts life in SYN-RECEIVED: before that, its side was LISTEN. */
function initialState(first: { from: TcpState; to: TcpState } | undefined): TcpState | undefined {
  if (!first) return undefined;
  return first.from === 'CLOSED' && first.to === 'SYN-RECEIVED' ? 'LISTEN' : first.from;
}

export function ladderAt(trace: readonly TraceEvent[], steps: readonly Step[], cursor: number): LadderView | undefined {
  const step = steps[cursor];
  if (!step) return undefined;
  const limit = step.upTo;
  // Which device owns which endpoint: from the connections' own trace entries.
  const owner = new Map<string, string>();
  for (const e of trace) if (e.kind === 'tcp' && !e.local.startsWith('0.0.0.0:')) owner.set(e.local, e.device);

  // Segments as their sender put them on the wire (not the copies switches and routers pass on).
  const origins: { index: number; f: TcpFrame }[] = [];
  const seen = new Set<string>();
  trace.forEach((e, index) => {
    if (!isTcpFrame(e)) return;
    const s = e.frame.payload.payload;
    const src = endpointOf(e.frame.payload.src, s.srcPort);
    const dev = owner.get(src);
    const origin = dev !== undefined ? e.from.device === dev : e.parent === undefined && !seen.has(segmentKey(e));
    seen.add(segmentKey(e));
    if (origin) origins.push({ index, f: e });
  });
  const shown = origins.filter((o) => o.index <= limit);
  if (shown.length === 0) return undefined;

  const current = step.frame && isTcpFrame(step.frame) ? step.frame : shown[shown.length - 1]!.f;
  const ends = (f: TcpFrame) => {
    const s = f.frame.payload.payload;
    return [endpointOf(f.frame.payload.src, s.srcPort), endpointOf(f.frame.payload.dst, s.dstPort)] as const;
  };
  const [a, b] = ends(current);
  const mine = shown.filter((o) => {
    const [x, y] = ends(o.f);
    return (x === a && y === b) || (x === b && y === a);
  });
  // The side that sent first is on the left: the client, for a connection opened here.
  const left = ends(mine[0]!.f)[0];
  const right = left === a ? b : a;

  const allEvents = (endpoint: string) =>
    trace.flatMap((e, index) => (e.kind === 'tcp' && e.local === endpoint && owner.get(endpoint) === e.device ? [{ index, to: e.to, from: e.from }] : []));
  const allLeft = allEvents(left);
  const allRight = allEvents(right);
  const leftEvents = allLeft.filter((e) => e.index <= limit);
  const rightEvents = allRight.filter((e) => e.index <= limit);
  const stateAt = (events: { index: number; to: TcpState }[], index: number) => events.filter((e) => e.index <= index).pop()?.to;

  const rows: LadderStep[] = mine.map((o) => {
    const s = o.f.frame.payload.payload;
    const [src, dst] = ends(o.f);
    const receiver = owner.get(dst);
    // Where the receiver got it: the first copy delivered to it after it was sent.
    const key = segmentKey(o.f);
    let delivered = -1;
    for (let i = o.index; i < trace.length; i++) {
      const e = trace[i]!;
      if (isTcpFrame(e) && e.to.device === receiver && segmentKey(e) === key) {
        delivered = i;
        break;
      }
    }
    // States once the receiver has handled it (its next TCP entry), as far as the cursor allows.
    let processed = delivered;
    if (delivered >= 0) {
      const next = (src === left ? rightEvents : leftEvents).find((e) => e.index > delivered);
      const nextFrameTo = trace.findIndex((e, i) => i > delivered && e.kind === 'frame' && e.to.device === receiver);
      if (next && (nextFrameTo < 0 || next.index < nextFrameTo)) processed = next.index;
    }
    const at = Math.min(limit, processed >= 0 ? processed : limit);
    const leftState = stateAt(leftEvents, at);
    const rightState = stateAt(rightEvents, at);
    return {
      from: src === left ? 'left' : 'right',
      segment: { flags: flagsOf(s), seq: s.seq, ack: s.ack, len: s.data.length, window: s.window },
      ...(leftState !== undefined ? { leftState } : {}),
      ...(rightState !== undefined ? { rightState } : {}),
      // Never delivered in the whole trace: lost on the way (a drop, a cable to nowhere).
      ...(delivered < 0 && receiver !== undefined ? { lost: true } : {}),
    };
  });
  const name = (endpoint: string) => (owner.get(endpoint) ? `${owner.get(endpoint)} ${endpoint}` : endpoint);
  return {
    leftName: name(left),
    rightName: name(right),
    // Where each side started, even if it has not moved yet at this step.
    initialLeft: initialState(allLeft[0]),
    initialRight: initialState(allRight[0]),
    rows,
  };
}

// ---- header lines for a given width -------------------------------------------------------------

/** One row of the header view: a layer's title, or some of its fields side by side. */
export type HeaderLine =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'fields'; readonly fields: readonly { readonly name: string; readonly value: string }[] };

export const FIELD_GAP = 3;
const cps = (s: string) => Array.from(s).length;

/**
 * Packs each layer's fields into rows of at most `width` columns ("name value", FIELD_GAP
 * spaces apart, indented by two), so a TCP segment's 25 fields fit a few rows. A field wider
 * than a row gets a row of its own (the renderer cuts it).
 */
export function headerLines(layers: readonly HeaderLayer[], width: number): HeaderLine[] {
  const out: HeaderLine[] = [];
  const room = Math.max(10, width - 2);
  for (const layer of layers) {
    out.push({ kind: 'title', text: layer.title });
    let row: { name: string; value: string }[] = [];
    let used = 0;
    for (const f of layer.fields) {
      const w = cps(f.name) + 1 + cps(f.value);
      const need = row.length === 0 ? w : used + FIELD_GAP + w;
      if (row.length > 0 && need > room) {
        out.push({ kind: 'fields', fields: row });
        row = [];
        used = 0;
      }
      used = row.length === 0 ? w : used + FIELD_GAP + w;
      row.push({ name: f.name, value: f.value });
    }
    if (row.length > 0) out.push({ kind: 'fields', fields: row });
  }
  return out;
}

// ---- keys ---------------------------------------------------------------------------------------

export { traceStepperKeys } from './stepper-keys';
