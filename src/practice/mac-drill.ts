/**
 * The `mac-learning` drill: frames are replayed through the engine's own learning switch
 * (src/net/sim/switch.ts), so the table the question shows and the answer (where the frame
 * goes, what the switch learns) are what the switch really does, by construction.
 */
import { BROADCAST_MAC, formatMac, macFromNumber, type Mac } from '../net/address/mac';
import type { SimContext } from '../net/sim/context';
import { Switch } from '../net/sim/switch';
import type { TraceEvent } from '../net/sim/trace';
import type { EthernetFrame } from '../net/wire/types';
import type { Random } from '../util/random';
import type { Level } from './level';

export interface MacQuestion {
  readonly ports: readonly string[];
  /** The switch's MAC table before the frame arrives, in learning order. */
  readonly table: readonly { readonly mac: string; readonly port: string }[];
  readonly frame: { readonly src: string; readonly dst: string; readonly ingress: string };
}

export interface MacAnswer {
  readonly action: 'forward' | 'flood' | 'filter';
  /** Where copies go: one port to forward, every other linked port to flood, none to filter. */
  readonly ports: readonly string[];
  /** What the table gains: a new entry, a MAC moved to another port, or nothing (a refresh). */
  readonly learned: { readonly mac: string; readonly port: string; readonly movedFrom?: string } | null;
}

/** A switch alone, every port cabled, no aging: the trace is all we read. */
function benchSwitch(portNames: readonly string[]): { sw: Switch; trace: TraceEvent[] } {
  const trace: TraceEvent[] = [];
  let id = 0;
  const ctx: SimContext = {
    now: () => 0,
    record: (e) => void trace.push(e),
    transmit: () => ++id,
    after: () => {},
  };
  const sw = new Switch('sw1', portNames, ctx, 0);
  // Flooding goes to ports with a cable only; here every port has one.
  sw.ports.forEach((p, i) => (p.link = i));
  return { sw, trace };
}

const frame = (src: Mac, dst: Mac): EthernetFrame => ({ src, dst, etherType: 0x88b5, payload: { kind: 'raw', bytes: new Uint8Array(0) } });

export function macLearningDrill(r: Random, level: Level): { question: MacQuestion; answer: MacAnswer } {
  const portCount = [3, r.int(4, 5), r.int(4, 8)][level]!;
  const ports = Array.from({ length: portCount }, (_, i) => `p${i + 1}`);
  const hostCount = Math.min(6, portCount + (level === 2 ? 1 : 0));
  // Readable, locally administered MACs with distinct last bytes.
  const base = 0x02_00_5e_00_00_00 + r.int(0, 0xff) * 0x1_00_00 + r.int(0, 0xff) * 0x1_00;
  const macs = Array.from({ length: hostCount }, (_, i) => macFromNumber(base + 0x0a + i * 0x11));
  // Where each host sits. At level 2 two hosts may share a port (a hub or another switch behind it).
  const order = shuffled(r, ports);
  const home = macs.map((_, i) => (i < order.length ? order[i]! : r.pick(ports)));
  const { sw, trace } = benchSwitch(ports);
  const send = (src: number, dst: Mac) => sw.receive(ports.indexOf(home[src]!), frame(macs[src]!, dst), 0);
  const history = r.int(level === 0 ? 1 : 0, hostCount);
  for (let i = 0; i < history; i++) {
    const src = r.int(0, hostCount - 1);
    send(src, r.int(0, 3) === 0 ? BROADCAST_MAC : macs[(src + r.int(1, hostCount - 1)) % hostCount]!);
  }
  // At level 2, now and then a learned host is unplugged and moves to another port.
  const src = r.int(0, hostCount - 1);
  if (level === 2 && r.int(0, 3) === 0) home[src] = r.pick(ports.filter((p) => p !== home[src]));
  const broadcast = level > 0 && r.int(0, 4) === 0;
  const dst = broadcast ? BROADCAST_MAC : macs[(src + r.int(1, hostCount - 1)) % hostCount]!;
  const table = sw.macTable().map((e) => ({ mac: formatMac(e.mac), port: e.port }));
  const before = trace.length;
  send(src, dst);
  const events = trace.slice(before);
  const decision = events.find((e) => e.kind === 'switch');
  const learned = events.find((e) => e.kind === 'mac-learned');
  if (decision?.kind !== 'switch') throw new Error('the switch made no decision');
  const d = decision.decision;
  return {
    question: { ports, table, frame: { src: formatMac(macs[src]!), dst: formatMac(dst), ingress: home[src]! } },
    answer: {
      action: d.action,
      ports: d.action === 'flood' ? [...d.ports] : d.action === 'forward' ? [d.port] : [],
      learned:
        learned?.kind === 'mac-learned'
          ? { mac: formatMac(learned.mac), port: learned.port, ...(learned.movedFrom !== undefined ? { movedFrom: learned.movedFrom } : {}) }
          : null,
    },
  };
}

function shuffled<T>(r: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
