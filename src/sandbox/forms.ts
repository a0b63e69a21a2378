/**
 * What the sandbox can do, as short forms: each action asks for a few things (choose a device,
 * type an address) and then calls the session. Plain TS: the screen shows the current field
 * and hands back what the player chose or typed. Typed values are checked with the engine's
 * own parsers as they are typed (the level screen's checks, from ../tui/play.ts).
 */
import { resolveTarget } from '../levels/build';
import { configureAction, type ConfigureChoice } from '../tui/play';
import { resolvePath } from './files';
import { idFromPath, type DeviceKind, type Outcome, type SandboxSession } from './session';

export { ACTIONS, type ActionId } from './actions';
import type { ActionId } from './actions';
import { saySandbox, type SANDBOX_WORDS } from './words';

type Key = keyof typeof SANDBOX_WORDS;

export interface Option {
  readonly label: string;
  readonly value: string;
}

export type Field =
  | { readonly kind: 'choice'; readonly label: string; readonly options: readonly Option[]; readonly initial?: string }
  | { readonly kind: 'text'; readonly label: string; readonly placeholder: string; readonly validate: (typed: string) => string | undefined };

/** What the screen does when a form is done: a message for the log, maybe a trace to step. */
export type FormResult = Outcome & { readonly step?: boolean };

export interface Form {
  readonly id: ActionId;
  readonly title: string;
  /** The field after these answers, or undefined when the form is complete. */
  field(values: readonly string[]): Field | undefined;
  submit(values: readonly string[]): FormResult;
}

/** What forms need besides the session: where files go, and how they are written. */
export interface SandboxIo {
  readonly cwd: string;
  write(path: string, data: Uint8Array | string): { ok: true; value: string } | { ok: false; error: string };
  /** YAML text of a value. */
  yaml(value: unknown): string;
}

export interface FormContext {
  readonly session: SandboxSession;
  /** The device selected on the screen: the first choice defaults to it. */
  readonly selected: string | undefined;
  readonly io: SandboxIo;
  /** The player's language for the forms' words (default English). */
  readonly locale?: string;
}

const portProblem = (v: string, locale: string) => (/^\d{1,5}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : saySandbox(locale, 'form.portRange'));
const device = (s: SandboxSession, name: string): Option => ({ label: s.describeDevice(name), value: name });

function steps(id: ActionId, title: string, fields: ((values: readonly string[]) => Field)[], submit: (values: readonly string[]) => FormResult): Form {
  return { id, title, field: (values) => fields[values.length]?.(values), submit };
}

/** The form for an action, or why it cannot be done yet. */
export function formFor(id: ActionId, ctx: FormContext): Form | string {
  const s = ctx.session;
  const locale = ctx.locale ?? 'en';
  const w = (k: Key) => saySandbox(locale, k as never);
  const eg = (example: string) => saySandbox(locale, 'form.eg', { example });
  const hosts = s.deviceNames(['host']);
  const ipNodes = s.deviceNames(['host', 'router']);
  const routers = s.deviceNames(['router']);
  const pick = (names: readonly string[], label: string, initial = ctx.selected): Field => ({
    kind: 'choice',
    label,
    options: names.map((n) => device(s, n)),
    ...(initial !== undefined && names.includes(initial) ? { initial } : {}),
  });
  const target: Field = {
    kind: 'text',
    label: w('form.to'),
    placeholder: w('form.toType'),
    validate: (v) => {
      const t = v.trim();
      if (t === '') return undefined;
      const r = resolveTarget(s.sim, t);
      return r.ok ? undefined : r.error;
    },
  };
  switch (id) {
    case 'add':
      return steps(
        id,
        w('form.add'),
        [
          () => ({ kind: 'choice', label: w('form.whichKind'), options: (['host', 'switch', 'router', 'hub'] as const).map((k) => ({ label: saySandbox(locale, 'form.kindNamed', { kind: w(`kind.${k}`), name: s.suggestName(k) }), value: k })) }),
        ],
        ([kind]) => s.addDevice(kind as DeviceKind),
      );
    case 'connect': {
      if (s.freePorts().length < 2) return w('form.noFreePorts');
      return steps(
        id,
        w('form.connect'),
        [
          () => ({ kind: 'choice', label: w('form.fromPort'), options: s.freePorts().map((p) => ({ label: p, value: p })), ...(ctx.selected ? { initial: s.freePorts(ctx.selected)[0] ?? '' } : {}) }),
          ([a]) => ({ kind: 'choice', label: saySandbox(locale, 'form.toPort', { a: a! }), options: s.freePorts().filter((p) => p.split(':')[0] !== a!.split(':')[0]).map((p) => ({ label: p, value: p })) }),
        ],
        ([a, b]) => s.connect(a!, b!),
      );
    }
    case 'address': {
      const ifaces = s.interfaces();
      if (ifaces.length === 0) return w('form.noIpNode');
      return steps(
        id,
        w('form.address'),
        [
          () => ({ kind: 'choice', label: w('form.whichInterface'), options: ifaces.map((i) => ({ label: i, value: i })), ...(ctx.selected ? { initial: ifaces.find((i) => i.startsWith(`${ctx.selected}:`)) ?? '' } : {}) }),
          ([i]) => typedConfigure({ kind: 'set-address', target: i!, label: '', placeholder: undefined }, saySandbox(locale, 'form.addressOf', { i: i! }), w('form.addressType'), locale),
        ],
        ([i, v]) => configure(s, { kind: 'set-address', target: i!, label: '', placeholder: undefined }, v!, locale),
      );
    }
    case 'gateway':
      if (hosts.length === 0) return w('form.noHost');
      return steps(
        id,
        w('form.gateway'),
        [() => pick(hosts, w('form.whichHost')), ([h]) => typedConfigure({ kind: 'set-gateway', target: h!, label: '', placeholder: undefined }, saySandbox(locale, 'form.gatewayOf', { h: h! }), w('form.gatewayType'), locale)],
        ([h, v]) => configure(s, { kind: 'set-gateway', target: h!, label: '', placeholder: undefined }, v!, locale),
      );
    case 'route-add':
    case 'route-del': {
      if (routers.length === 0) return w('form.noRouter');
      const kind = id === 'route-add' ? 'add-route' : 'remove-route';
      const placeholder = id === 'route-add' ? w('form.routeAddType') : w('form.routeDelType');
      return steps(
        id,
        id === 'route-add' ? w('form.routeAdd') : w('form.routeDel'),
        [() => pick(routers, w('form.whichRouter')), ([r]) => typedConfigure({ kind, target: r!, label: '', placeholder: undefined }, saySandbox(locale, id === 'route-add' ? 'form.routeOn' : 'form.routeToRemove', { r: r! }), placeholder, locale)],
        ([r, v]) => configure(s, { kind, target: r!, label: '', placeholder: undefined }, v!, locale),
      );
    }
    case 'listen':
      if (hosts.length === 0) return w('form.noHost');
      return steps(
        id,
        w('form.listen'),
        [
          () => pick(hosts, w('form.onWhichHost')),
          () => ({ kind: 'choice', label: w('form.whichProtocol'), options: [{ label: w('form.tcpListen'), value: 'tcp' }, { label: w('form.udpAccept'), value: 'udp' }] }),
          () => ({ kind: 'text', label: w('form.port'), placeholder: eg('80'), validate: (v) => (v.trim() === '' ? undefined : portProblem(v, locale)) }),
        ],
        ([h, p, port]) => s.listen(h!, p as 'tcp' | 'udp', Number(port)),
      );
    case 'ping':
      if (ipNodes.length === 0) return w('form.noIpNode');
      return steps(id, w('form.ping'), [() => pick(ipNodes, w('form.fromDevice')), () => target], ([from, to]) => ({ ...s.ping(from!, to!), step: true }));
    case 'udp':
      if (hosts.length === 0) return w('form.noHost');
      return steps(
        id,
        w('form.udp'),
        [() => pick(ipNodes, w('form.fromDevice')), () => target, () => ({ kind: 'text', label: w('form.toPortNumber'), placeholder: eg('53'), validate: (v) => (v.trim() === '' ? undefined : portProblem(v, locale)) })],
        ([from, to, port]) => ({ ...s.sendUdp(from!, to!, Number(port)), step: true }),
      );
    case 'tcp-open':
      if (hosts.length < 2) return w('form.twoHosts');
      return steps(
        id,
        w('form.tcpOpen'),
        [
          () => pick(hosts, w('form.client')),
          ([c]) => pick(hosts.filter((h) => h !== c), w('form.server'), undefined),
          () => ({ kind: 'text', label: w('form.serverPort'), placeholder: eg('80'), validate: (v) => (v.trim() === '' ? undefined : portProblem(v, locale)) }),
        ],
        ([c, srv, port]) => ({ ...s.tcpOpen(c!, srv!, Number(port)), step: true }),
      );
    case 'tcp-close': {
      const conns = s.connections();
      if (conns.length === 0) return w('form.noConnection');
      return steps(
        id,
        w('form.tcpClose'),
        [() => ({ kind: 'choice', label: w('form.whichEnd'), options: conns.map((c, i) => ({ label: c.label, value: String(i) })) })],
        ([i]) => {
          const c = s.connections()[Number(i)];
          return c ? { ...s.tcpClose(c), step: true } : { ok: false, error: w('form.gone') };
        },
      );
    }
    case 'pcap':
      if (s.runs.length === 0) return saySandbox(locale, 'screen.nothingSent');
      return steps(
        id,
        w('form.pcap'),
        [
          () => ({ kind: 'choice', label: w('form.whichTraffic'), options: [{ label: saySandbox(locale, 'form.lastRun', { label: s.lastRun()!.label }), value: 'last' }, { label: saySandbox(locale, s.runs.length === 1 ? 'form.everythingOne' : 'form.everything', { n: s.runs.length }), value: 'all' }] }),
          () => ({ kind: 'text', label: w('form.fileName'), placeholder: eg('sandbox.pcap'), validate: (v) => pathProblem(v, '.pcap', locale) }),
        ],
        ([which, path]) => {
          const r = ctx.io.write(resolvePath(path!, ctx.io.cwd), s.pcap(which as 'last' | 'all'));
          return r.ok ? { ok: true, message: saySandbox(locale, 'form.written', { path: r.value }) } : { ok: false, error: r.error };
        },
      );
    case 'level':
      if (s.deviceNames().length === 0) return w('form.emptyNetwork');
      return steps(
        id,
        w('form.level'),
        [() => ({ kind: 'text', label: w('form.fileName'), placeholder: eg('my-level.yaml'), validate: (v) => pathProblem(v, '.yaml', locale) })],
        ([path]) => {
          const full = resolvePath(path!, ctx.io.cwd);
          const r = ctx.io.write(full, s.levelYaml(idFromPath(full), ctx.io.yaml));
          return r.ok ? { ok: true, message: saySandbox(locale, 'form.levelWritten', { path: r.value }) } : { ok: false, error: r.error };
        },
      );
    case 'trace':
      return w('form.notAForm');
  }
}

function typedConfigure(choice: ConfigureChoice, label: string, placeholder: string, locale: string): Field {
  return {
    kind: 'text',
    label,
    placeholder,
    validate: (v) => {
      if (v.trim() === '') return undefined;
      const a = configureAction(choice, v, locale);
      return a.ok ? undefined : a.error;
    },
  };
}

function configure(s: SandboxSession, choice: ConfigureChoice, typed: string, locale: string): FormResult {
  const a = configureAction(choice, typed, locale);
  if (!a.ok) return { ok: false, error: a.error };
  const action = a.value;
  if ('set-address' in action || 'set-gateway' in action || 'add-route' in action || 'remove-route' in action) return s.configure(action);
  return { ok: false, error: saySandbox(locale, 'form.notAChange') };
}

function pathProblem(v: string, ext: string, locale: string): string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  if (/[\0]/.test(t)) return saySandbox(locale, 'form.badChar');
  if (t.endsWith('/')) return saySandbox(locale, 'form.folder', { example: `${t}capture${ext}` });
  return undefined;
}
