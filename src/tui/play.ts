/**
 * What the level screen shows and sends, computed from a play session: the task list, the
 * prompts, what each typed value must look like (checked with the engine's own parsers, so the
 * messages are the learner-friendly ones), the actions built from typed values, the device
 * inspector and the trace lines a prediction reveals. Plain TS, no React: tested directly,
 * the screen only renders it.
 */
import { formatIpv4, parseIpv4 } from '../net/address/ipv4';
import { formatMac } from '../net/address/mac';
import { formatCidr, formatSubnet, parseCidr, parseMask, parseSubnet } from '../net/address/subnet';
import { describeEvent } from '../net/sim/describe';
import { parseHex } from '../net/wire/fields';
import { layerNumber } from '../net/knowledge';
import { TCP_STATES, tcpStateNamed } from '../machines/tcp/types';
import type { Simulation } from '../net/sim/simulation';
import type { TraceEvent } from '../net/sim/trace';
import type { LoadedLevel } from '../levels/load';
import type { Action, Prediction, Question } from '../levels/schema';
import { localize } from '../levels/text';
import { describeGoal, type GoalResult } from '../verify/goals';
import { parseSegmentGuess } from '../verify/predictions';
import type { StepReport } from '../verify/session';
import type { Verdict } from '../verify/verdict';
import { sayLevel as say } from './level-words';
import { language } from './say';
import { columns } from './model';

export type LevelFile = LoadedLevel['level'];

// ---- configure actions ---------------------------------------------------------------------

export type ConfigureKind = 'set-address' | 'set-gateway' | 'add-route' | 'remove-route' | 'syn-cookies' | 'start-dhcp';

/** One thing the level lets the player change: an action kind on one device or interface. */
export interface ConfigureChoice {
  readonly kind: ConfigureKind;
  /** A device, or for set-address an interface (device:port). */
  readonly target: string;
  readonly label: string;
  /** What to type; undefined when the action takes no value (start-dhcp). */
  readonly placeholder: string | undefined;
}

const KIND_ORDER: readonly ConfigureKind[] = ['set-address', 'set-gateway', 'add-route', 'remove-route', 'syn-cookies', 'start-dhcp'];

export function configureChoices(level: LevelFile, locale = 'en'): ConfigureChoice[] {
  const out: ConfigureChoice[] = [];
  for (const kind of KIND_ORDER) {
    for (const target of level.allow[kind] ?? []) {
      switch (kind) {
        case 'set-address':
          out.push({ kind, target, label: say(locale, 'cfg.setAddress', { target }), placeholder: say(locale, 'cfg.setAddressType') });
          break;
        case 'set-gateway':
          out.push({ kind, target, label: say(locale, 'cfg.setGateway', { target }), placeholder: say(locale, 'cfg.setGatewayType') });
          break;
        case 'add-route':
          out.push({ kind, target, label: say(locale, 'cfg.addRoute', { target }), placeholder: say(locale, 'cfg.addRouteType') });
          break;
        case 'remove-route':
          out.push({ kind, target, label: say(locale, 'cfg.removeRoute', { target }), placeholder: say(locale, 'cfg.removeRouteType') });
          break;
        case 'syn-cookies':
          out.push({ kind, target, label: say(locale, 'cfg.synCookies', { target }), placeholder: say(locale, 'cfg.synCookiesType') });
          break;
        case 'start-dhcp':
          out.push({ kind, target, label: say(locale, 'cfg.startDhcp', { target }), placeholder: undefined });
          break;
      }
    }
  }
  return out;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string): Parsed<never> => ({ ok: false, error });
const isNone = (s: string) => /^(none|-|clear)$/i.test(s.trim());

/** The action a typed value makes, or why the value cannot be used yet. */
export function configureAction(choice: ConfigureChoice, typed: string, locale = 'en'): Parsed<Action> {
  const v = typed.trim();
  switch (choice.kind) {
    case 'set-address': {
      if (isNone(v)) return good({ 'set-address': { interface: choice.target, address: null } });
      const c = parseCidr(v);
      return c.ok ? good({ 'set-address': { interface: choice.target, address: v } }) : bad(c.error);
    }
    case 'set-gateway': {
      if (isNone(v)) return good({ 'set-gateway': { device: choice.target, gateway: null } });
      const ip = parseIpv4(v);
      return ip.ok ? good({ 'set-gateway': { device: choice.target, gateway: v } }) : bad(ip.error);
    }
    case 'add-route': {
      const m = /^(\S+)\s+(?:via\s+)?(\S+)$/i.exec(v);
      if (!m) return bad(say(locale, 'cfg.routeForm'));
      const to = parseSubnet(m[1]!);
      if (!to.ok) return bad(say(locale, 'cfg.destination', { error: to.error }));
      const via = parseIpv4(m[2]!);
      if (!via.ok) return bad(say(locale, 'cfg.nextHop', { error: via.error }));
      return good({ 'add-route': { device: choice.target, to: m[1]!, via: m[2]! } });
    }
    case 'remove-route': {
      const to = parseSubnet(v);
      return to.ok ? good({ 'remove-route': { device: choice.target, to: v } }) : bad(to.error);
    }
    case 'syn-cookies': {
      const m = /^(\d{1,5})\s+(on|off|yes|no)$/i.exec(v);
      if (!m) return bad(say(locale, 'cfg.cookiesForm'));
      const port = Number(m[1]);
      if (port < 1 || port > 65535) return bad(say(locale, 'cfg.portRange1'));
      return good({ 'syn-cookies': { device: choice.target, port, on: /^(on|yes)$/i.test(m[2]!) } });
    }
    case 'start-dhcp':
      return good({ 'start-dhcp': { device: choice.target, interface: 'eth0' } });
  }
}

// ---- questions and predictions -------------------------------------------------------------

export type Askable = { readonly type: 'question'; readonly q: Question } | { readonly type: 'prediction'; readonly q: Prediction };

const ordinal = (n: number) => `#${n}`;

/** The question as the player reads it: the level's own text, else one made from its fields. */
export function promptOf(a: Askable, locale: string): string {
  if (a.q.text !== undefined) return localize(a.q.text, locale);
  if (a.type === 'question') {
    const q = a.q;
    switch (q.ask) {
      case 'network-address':
      case 'broadcast-address':
      case 'host-count':
      case 'mask':
      case 'osi-layer':
        return say(locale, `ask.${q.ask}`, { of: q.of });
      case 'same-subnet':
        return say(locale, 'ask.same-subnet', { a: q.a, b: q.b });
      case 'transport':
      case 'port':
        return say(locale, `ask.${q.ask}`, { for: q.for });
      case 'field-at-offset':
        return say(locale, 'ask.field-at-offset', { offset: q.offset });
      case 'socket-state':
        return say(locale, 'ask.socket-state', { call: q.call });
      case 'select-readable':
        return say(locale, 'ask.select-readable', { socket: q.socket.replace(/-/g, ' ') });
    }
  }
  const p = a.q;
  return say(locale, `ask.${p.ask}`, { device: p.device, n: ordinal('frame' in p ? p.frame : p.nth) });
}

/**
 * A question's hex dump re-cut to the width it is shown at: whole rows of 16, 8 or 4 bytes with
 * their offsets, so no byte is ever cut off at the edge. The author's text is kept when it
 * cannot be read as hex.
 */
export function hexRows(hex: string, width: number): string[] {
  const bytes = parseHex(hex);
  if (!bytes) return hex.replace(/\s+$/, '').split('\n');
  const perRow = [16, 8, 4].find((n) => 6 + n * 3 - 1 <= width) ?? 4;
  const rows: string[] = [];
  for (let at = 0; at < bytes.length; at += perRow) {
    const cells = [...bytes.subarray(at, at + perRow)].map((b) => b.toString(16).padStart(2, '0'));
    rows.push(`${at.toString(16).padStart(4, '0')}  ${cells.join(' ')}`);
  }
  return rows;
}

/** What to type, shown dim in the empty field. */
export function placeholderOf(a: Askable, locale = 'en'): string {
  if (a.type === 'question') {
    switch (a.q.ask) {
      case 'network-address':
      case 'broadcast-address':
        return say(locale, 'type.ipv4');
      case 'host-count':
        return say(locale, 'type.number');
      case 'mask':
        return say(locale, 'type.mask');
      case 'same-subnet':
      case 'select-readable':
        return say(locale, 'type.yesNo');
      case 'osi-layer':
        return say(locale, 'type.layer');
      case 'transport':
        return say(locale, 'type.transport');
      case 'port':
        return say(locale, 'type.port');
      case 'field-at-offset':
        return say(locale, 'type.field');
      case 'socket-state':
        return say(locale, 'type.state');
    }
  }
  switch (a.q.ask) {
    case 'switch-forward':
      return say(locale, 'type.ports');
    case 'switch-learns':
      return say(locale, 'type.learns');
    case 'arp-target':
    case 'next-hop':
      return say(locale, 'type.ipOrDevice');
    case 'arp-responder':
      return say(locale, 'type.deviceOrNobody');
    case 'ttl-after':
      return say(locale, 'type.number');
    case 'tcp-segment':
      return say(locale, 'type.segment');
    case 'tcp-state':
      return say(locale, 'type.state');
  }
}

const NUMBER = /^\d+$/;

/** Checks a typed answer's form as it is typed (not whether it is right): the error, or undefined. */
export function answerProblem(a: Askable, typed: string, locale = 'en'): string | undefined {
  const v = typed.trim();
  if (v === '') return undefined;
  if (a.type === 'question') {
    switch (a.q.ask) {
      case 'network-address':
      case 'broadcast-address': {
        const ip = parseIpv4(v);
        return ip.ok ? undefined : ip.error;
      }
      case 'mask': {
        const m = parseMask(v);
        return m.ok ? undefined : m.error;
      }
      case 'host-count':
        return NUMBER.test(v) ? undefined : say(locale, 'bad.wholeNumber');
      case 'port':
        return NUMBER.test(v) && Number(v) <= 65535 ? undefined : say(locale, 'bad.port');
      case 'same-subnet':
        return /^(y|yes|n|no|true|false|same|different|是|否)$/i.test(v) ? undefined : say(locale, 'bad.yesNo');
      case 'osi-layer':
        return layerNumber(v) !== undefined ? undefined : say(locale, 'bad.layer');
      case 'transport':
        return /^(tcp|udp)$/i.test(v) ? undefined : say(locale, 'bad.transport');
      case 'socket-state':
        return tcpStateNamed(v) ? undefined : say(locale, 'bad.state', { states: TCP_STATES.join(', ') });
      case 'select-readable':
        return /^(y|yes|n|no|true|false|是|否)$/i.test(v) ? undefined : say(locale, 'bad.yesNo');
      default:
        return undefined;
    }
  }
  switch (a.q.ask) {
    case 'ttl-after':
      return NUMBER.test(v) && Number(v) <= 255 ? undefined : say(locale, 'bad.ttl');
    case 'tcp-segment':
      return parseSegmentGuess(v) ? undefined : say(locale, 'bad.segment');
    case 'tcp-state':
      return tcpStateNamed(v) ? undefined : say(locale, 'bad.state', { states: TCP_STATES.join(', ') });
    default:
      return undefined;
  }
}

export function answerAction(a: Askable, typed: string): Action {
  const value = typed.trim();
  return a.type === 'question' ? { answer: { question: a.q.id, value } } : { predict: { question: a.q.id, value } };
}

// ---- the task list ---------------------------------------------------------------------------

export type Task =
  | { readonly kind: 'goal'; readonly key: string; readonly label: string; readonly done: boolean; readonly detail: string }
  | { readonly kind: 'configure'; readonly key: string; readonly label: string; readonly done: boolean; readonly detail: string }
  | { readonly kind: 'ask'; readonly key: string; readonly label: string; readonly done: boolean; readonly detail: string; readonly ask: Askable; readonly tries: number }
  | { readonly kind: 'route'; readonly key: string; readonly label: string; readonly done: boolean; readonly detail: string; readonly path: readonly string[] };

/** Hops already made right, in order (the session keeps its count private). */
export function routeSoFar(history: readonly StepReport[]): string[] {
  return history.filter((h) => 'hop' in h.action && h.verdict.result === 'correct').map((h) => (h.action as { hop: { device: string } }).hop.device);
}

export interface TaskInputs {
  readonly level: LevelFile;
  readonly goals: readonly GoalResult[];
  /** Ids of questions and predictions not yet answered right. */
  readonly open: ReadonlySet<string>;
  readonly history: readonly StepReport[];
  /** Hops in the route, when known. */
  readonly routeLength: number | undefined;
  readonly locale: string;
  /** Joins the route's hops (ASCII terminals get ->). */
  readonly arrow?: string;
}

export function buildTasks(i: TaskInputs): Task[] {
  const { level } = i;
  const tasks: Task[] = [];
  const allGoalsMet = i.goals.every((g) => g.met);
  const choices = configureChoices(level, i.locale);
  i.goals.forEach((g, n) => {
    if ('answers' in g.goal) return;
    tasks.push({ kind: 'goal', key: `goal:${n}`, label: describeGoal(g.goal, i.locale), done: g.met, detail: g.detail });
  });
  if (choices.length > 0) {
    tasks.push({ kind: 'configure', key: 'configure', label: say(i.locale, 'task.configure'), done: allGoalsMet, detail: choices.map((c) => c.label).join('; ') });
  }
  const tries = (id: string) => i.history.filter((h) => ('answer' in h.action && h.action.answer.question === id) || ('predict' in h.action && h.action.predict.question === id)).length;
  const asks: Askable[] = [...level.questions.map((q): Askable => ({ type: 'question', q })), ...level.predictions.map((q): Askable => ({ type: 'prediction', q }))];
  for (const a of asks) {
    const done = !i.open.has(a.q.id);
    const n = tries(a.q.id);
    tasks.push({
      kind: 'ask',
      key: `${a.type}:${a.q.id}`,
      label: say(i.locale, a.type === 'question' ? 'task.question' : 'task.predict', { prompt: promptOf(a, i.locale) }),
      done,
      detail: done ? say(i.locale, 'task.answered') : n > 0 ? say(i.locale, n === 1 ? 'task.oneTry' : 'task.tries', { n }) : say(i.locale, 'task.notYet'),
      ask: a,
      tries: n,
    });
  }
  if (level.route) {
    const path = routeSoFar(i.history);
    const done = i.routeLength !== undefined && path.length >= i.routeLength;
    tasks.push({
      kind: 'route',
      key: 'route',
      label: say(i.locale, 'task.carry', { from: level.route.from, to: level.route.to }),
      done,
      detail: [level.route.from, ...path, ...(done ? [] : ['?'])].join(` ${i.arrow ?? '→'} `),
      path,
    });
  }
  return tasks;
}

// ---- the device inspector ------------------------------------------------------------------

/** Lines describing one device of the player's network: interfaces, gateway, routes, caches, sockets. */
export function inspectDevice(sim: Simulation, name: string, width = 80, locale = 'en'): string[] {
  const kindName = (k: string) => (k === 'host' || k === 'router' || k === 'switch' || k === 'hub' ? say(locale, `kind.${k}`) : k);
  const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - columns(s)));
  const sw = sim.switchNamed(name);
  if (sw) {
    const table = sw.macTable();
    return [
      say(locale, 'insp.kindPorts', { name, kind: kindName('switch'), ports: sw.ports.map((p) => p.name).join(' ') }),
      say(locale, 'insp.macTable'),
      ...(table.length ? table.map((e) => `  ${formatMac(e.mac)} → ${e.port}`) : [say(locale, 'insp.macEmpty')]),
    ];
  }
  const node = sim.host(name);
  if (!node) {
    const d = sim.devices.find((x) => x.name === name);
    if (!d) return [say(locale, 'insp.noDevice', { name })];
    return [say(locale, 'insp.kindPorts', { name, kind: kindName(d.kind), ports: d.ports.map((p) => p.name).join(' ') }), d.kind === 'hub' ? say(locale, 'insp.hub') : ''];
  }
  const out: string[] = [say(locale, 'insp.kind', { name, kind: kindName(node.kind) })];
  const nameW = Math.max(4, ...node.interfaces.map((i) => i.name.length));
  for (const i of node.interfaces) {
    const head = `  ${i.name.padEnd(nameW)} ${padEnd(i.address ? formatCidr(i.address) : say(locale, 'insp.noAddress'), 18)}`;
    const mac = formatMac(i.mac);
    if (columns(head) + 1 + mac.length <= width) out.push(`${head} ${mac}`);
    else out.push(head.trimEnd(), `  ${' '.repeat(nameW)} mac ${mac}`);
  }
  if (node.kind === 'host') out.push(say(locale, 'insp.gateway', { gateway: node.gateway !== undefined ? formatIpv4(node.gateway) : say(locale, 'insp.none') }));
  const routes = node.routes();
  out.push(say(locale, 'insp.routes'));
  if (routes.length === 0) out.push(`  ${say(locale, 'insp.none')}`);
  for (const r of routes) {
    const via = r.nextHop === undefined ? say(locale, 'insp.connected') : `via ${formatIpv4(r.nextHop)}`;
    const iface = `${r.iface}${r.source === 'static' ? say(locale, 'insp.static') : ''}`;
    out.push(`  ${padEnd(r.destination.prefix === 0 ? say(locale, 'insp.default') : formatSubnet(r.destination), 18)} ${say(locale, 'insp.routeVia', { via, iface })}`);
  }
  const arp = node.arpTable();
  out.push(arp.length ? say(locale, 'insp.arp') : say(locale, 'insp.arpEmpty'));
  for (const e of arp) out.push(`  ${formatIpv4(e.ip).padEnd(15)} ${formatMac(e.mac)} (${e.iface})`);
  const sockets = node.tcp.sockets();
  if (sockets.length) {
    out.push(say(locale, 'insp.sockets'));
    for (const s of sockets) {
      const local = `${s.local.ip === 0 ? '*' : formatIpv4(s.local.ip)}:${s.local.port}`;
      out.push(`  ${s.state.padEnd(12)} ${local}${s.remote ? ` ↔ ${formatIpv4(s.remote.ip)}:${s.remote.port}` : ''}`);
    }
  }
  return out;
}

// ---- the reveal after a prediction ---------------------------------------------------------

const involves = (e: TraceEvent, device: string): boolean => (e.kind === 'frame' ? e.from.device === device || e.to.device === device : e.device === device);

/**
 * The trace lines that show what the prediction is about: the device's events up to the one
 * asked for (and the answer to an ARP request), at most `max` lines, the last ones kept.
 */
export function revealLines(p: Prediction, trace: readonly TraceEvent[], max = 3, locale = 'en'): string[] {
  const n = 'frame' in p ? p.frame : p.nth;
  const mine = (pred: (e: TraceEvent) => boolean) => trace.filter((e) => involves(e, p.device) && pred(e));
  let key: TraceEvent | undefined;
  let extra = 0;
  switch (p.ask) {
    case 'switch-forward':
      key = mine((e) => e.kind === 'switch')[n - 1];
      break;
    case 'switch-learns':
      key = mine((e) => e.kind === 'frame' && e.to.device === p.device)[n - 1];
      extra = 2;
      break;
    case 'arp-target':
      key = mine((e) => e.kind === 'arp-resolve' && e.attempt === 1)[n - 1];
      break;
    case 'arp-responder':
      key = mine((e) => e.kind === 'arp-resolve' && e.attempt === 1)[n - 1];
      extra = 3;
      break;
    case 'next-hop':
      key = mine((e) => e.kind === 'route')[n - 1];
      break;
    case 'ttl-after':
      key = mine((e) => e.kind === 'ttl')[n - 1];
      break;
    case 'tcp-segment':
      key = mine((e) => e.kind === 'frame' && e.from.device === p.device && e.parent === undefined && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'tcp')[n - 1];
      break;
    case 'tcp-state':
      key = mine((e) => e.kind === 'tcp')[n - 1];
      break;
  }
  if (!key) return [say(locale, 'task.noFurther')];
  const at = trace.indexOf(key);
  // Lead-up of the same kind only: a TCP reveal shows the segments and states, not the ARP
  // that happened to come before them.
  const tcp = (e: TraceEvent) => e.kind === 'tcp' || (e.kind === 'frame' && e.frame.payload.kind === 'ipv4' && e.frame.payload.payload.kind === 'tcp');
  const sameKind = p.ask === 'tcp-segment' || p.ask === 'tcp-state' ? tcp : () => true;
  const before = trace.slice(0, at + 1).filter((e) => involves(e, p.device) && sameKind(e));
  const after = p.ask === 'arp-responder' ? trace.slice(at + 1).filter((e) => e.kind === 'frame' && e.frame.payload.kind === 'arp').slice(0, extra) : trace.slice(at + 1).filter((e) => involves(e, p.device)).slice(0, extra);
  return [...before.slice(-(max - after.length)), ...after].map(describeEvent);
}

// ---- solution and verdicts -------------------------------------------------------------------

/** One action as a line a player reads. */
export function formatAction(a: Action): string {
  if ('set-address' in a) return `set-address ${a['set-address'].interface} ${a['set-address'].address ?? 'none'}`;
  if ('set-gateway' in a) return `set-gateway ${a['set-gateway'].device} ${a['set-gateway'].gateway ?? 'none'}`;
  if ('add-route' in a) return `add-route on ${a['add-route'].device}: ${a['add-route'].to} via ${a['add-route'].via}`;
  if ('remove-route' in a) return `remove-route on ${a['remove-route'].device}: ${a['remove-route'].to}`;
  if ('syn-cookies' in a) return `syn-cookies ${a['syn-cookies'].device} port ${a['syn-cookies'].port} ${a['syn-cookies'].on ? 'on' : 'off'}`;
  if ('start-dhcp' in a) return `start-dhcp on ${a['start-dhcp'].device}`;
  if ('answer' in a) return `answer ${a.answer.question}: ${String(a.answer.value)}`;
  if ('predict' in a) return `predict ${a.predict.question}: ${Array.isArray(a.predict.value) ? a.predict.value.join(',') : String(a.predict.value)}`;
  if ('hop' in a) return `hop to ${a.hop.device}`;
  return 'hint';
}

export type FeedbackTone = 'good' | 'bad' | 'partly' | 'info';

export interface FeedbackItem {
  readonly id: number;
  readonly tone: FeedbackTone;
  readonly head: string;
  readonly body: string;
  /** Trace lines shown after a prediction, dim. */
  readonly reveal?: readonly string[];
}

export function toneOf(v: Verdict): FeedbackTone {
  return v.result === 'correct' ? 'good' : v.result === 'incorrect' ? 'bad' : v.result === 'partly-correct' ? 'partly' : 'info';
}

export function headOf(v: Verdict, locale = 'en'): string {
  if (v.concept === 'hint') return say(locale, 'fb.hint');
  switch (v.result) {
    case 'correct':
      return say(locale, 'fb.correct');
    case 'incorrect':
      // The misconception's key is English; the explanation under the head names it in Chinese.
      return v.misconception && language(locale) === 'en' ? say(locale, 'fb.notQuiteBecause', { misconception: v.misconception.replace(/-/g, ' ') }) : say(locale, 'fb.notQuite');
    case 'partly-correct':
      return say(locale, 'fb.partly');
    case 'info':
      return say(locale, 'fb.note');
  }
}

/**
 * Level text as written in YAML block scalars: lines broken by the author at some width. Joins
 * them into paragraphs (a blank line separates paragraphs; a line starting with "-", "*", "•",
 * a number and a dot, or indentation keeps its break), so it re-wraps to the screen.
 */
export function reflow(s: string): string {
  return s.replace(/([^\n])\n(?!\n|\s|[-*•]\s|\d+[.)]\s)/g, '$1 ');
}
