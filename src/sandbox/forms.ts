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
}

const portProblem = (v: string) => (/^\d{1,5}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : 'a port is a number from 1 to 65535');
const device = (s: SandboxSession, name: string): Option => ({ label: s.describeDevice(name), value: name });

function steps(id: ActionId, title: string, fields: ((values: readonly string[]) => Field)[], submit: (values: readonly string[]) => FormResult): Form {
  return { id, title, field: (values) => fields[values.length]?.(values), submit };
}

/** The form for an action, or why it cannot be done yet. */
export function formFor(id: ActionId, ctx: FormContext): Form | string {
  const s = ctx.session;
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
    label: 'To: a device name or an IPv4 address',
    placeholder: 'e.g. pc2 or 10.0.0.2',
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
        'Add a device',
        [
          () => ({ kind: 'choice', label: 'Which kind?', options: (['host', 'switch', 'router', 'hub'] as const).map((k) => ({ label: `${k}  (named ${s.suggestName(k)})`, value: k })) }),
        ],
        ([kind]) => s.addDevice(kind as DeviceKind),
      );
    case 'connect': {
      if (s.freePorts().length < 2) return 'There are not two free ports to plug a cable into: add devices first (a).';
      return steps(
        id,
        'Plug a cable',
        [
          () => ({ kind: 'choice', label: 'From which port?', options: s.freePorts().map((p) => ({ label: p, value: p })), ...(ctx.selected ? { initial: s.freePorts(ctx.selected)[0] ?? '' } : {}) }),
          ([a]) => ({ kind: 'choice', label: `${a} to which port?`, options: s.freePorts().filter((p) => p.split(':')[0] !== a!.split(':')[0]).map((p) => ({ label: p, value: p })) }),
        ],
        ([a, b]) => s.connect(a!, b!),
      );
    }
    case 'address': {
      const ifaces = s.interfaces();
      if (ifaces.length === 0) return 'No host or router yet: add one first (a).';
      return steps(
        id,
        'Set an address',
        [
          () => ({ kind: 'choice', label: 'Which interface?', options: ifaces.map((i) => ({ label: i, value: i })), ...(ctx.selected ? { initial: ifaces.find((i) => i.startsWith(`${ctx.selected}:`)) ?? '' } : {}) }),
          ([i]) => typedConfigure({ kind: 'set-address', target: i!, label: '', placeholder: undefined }, `Address of ${i}`, 'address/prefix, e.g. 192.168.1.10/24 (none clears it)'),
        ],
        ([i, v]) => configure(s, { kind: 'set-address', target: i!, label: '', placeholder: undefined }, v!),
      );
    }
    case 'gateway':
      if (hosts.length === 0) return 'No host yet: add one first (a).';
      return steps(
        id,
        'Set a default gateway',
        [() => pick(hosts, 'Which host?'), ([h]) => typedConfigure({ kind: 'set-gateway', target: h!, label: '', placeholder: undefined }, `${h}'s gateway`, 'an IPv4 address on its subnet, e.g. 192.168.1.1 (none clears it)')],
        ([h, v]) => configure(s, { kind: 'set-gateway', target: h!, label: '', placeholder: undefined }, v!),
      );
    case 'route-add':
    case 'route-del': {
      if (routers.length === 0) return 'No router yet: add one first (a).';
      const kind = id === 'route-add' ? 'add-route' : 'remove-route';
      const placeholder = id === 'route-add' ? 'DESTINATION via NEXT-HOP, e.g. 10.0.2.0/24 via 172.16.1.2' : 'the destination, e.g. 10.0.2.0/24';
      return steps(
        id,
        id === 'route-add' ? 'Add a static route' : 'Remove a static route',
        [() => pick(routers, 'Which router?'), ([r]) => typedConfigure({ kind, target: r!, label: '', placeholder: undefined }, id === 'route-add' ? `A route on ${r}` : `The route to remove from ${r}`, placeholder)],
        ([r, v]) => configure(s, { kind, target: r!, label: '', placeholder: undefined }, v!),
      );
    }
    case 'listen':
      if (hosts.length === 0) return 'No host yet: add one first (a).';
      return steps(
        id,
        'Open a port',
        [
          () => pick(hosts, 'On which host?'),
          () => ({ kind: 'choice', label: 'Which protocol?', options: [{ label: 'TCP (listen for connections)', value: 'tcp' }, { label: 'UDP (accept datagrams)', value: 'udp' }] }),
          () => ({ kind: 'text', label: 'Port', placeholder: 'e.g. 80', validate: (v) => (v.trim() === '' ? undefined : portProblem(v)) }),
        ],
        ([h, p, port]) => s.listen(h!, p as 'tcp' | 'udp', Number(port)),
      );
    case 'ping':
      if (ipNodes.length === 0) return 'No host or router yet: add one first (a).';
      return steps(id, 'Ping', [() => pick(ipNodes, 'From which device?'), () => target], ([from, to]) => ({ ...s.ping(from!, to!), step: true }));
    case 'udp':
      if (hosts.length === 0) return 'No host yet: add one first (a).';
      return steps(
        id,
        'Send a UDP datagram',
        [() => pick(ipNodes, 'From which device?'), () => target, () => ({ kind: 'text', label: 'To port', placeholder: 'e.g. 53', validate: (v) => (v.trim() === '' ? undefined : portProblem(v)) })],
        ([from, to, port]) => ({ ...s.sendUdp(from!, to!, Number(port)), step: true }),
      );
    case 'tcp-open':
      if (hosts.length < 2) return 'A TCP connection needs two hosts: add them first (a).';
      return steps(
        id,
        'Open a TCP connection',
        [
          () => pick(hosts, 'Client: which host connects?'),
          ([c]) => pick(hosts.filter((h) => h !== c), 'Server: which host listens?', undefined),
          () => ({ kind: 'text', label: 'Server port', placeholder: 'e.g. 80', validate: (v) => (v.trim() === '' ? undefined : portProblem(v)) }),
        ],
        ([c, srv, port]) => ({ ...s.tcpOpen(c!, srv!, Number(port)), step: true }),
      );
    case 'tcp-close': {
      const conns = s.connections();
      if (conns.length === 0) return 'No TCP connection is open: open one first (t).';
      return steps(
        id,
        'Close a TCP connection',
        [() => ({ kind: 'choice', label: 'Which end closes?', options: conns.map((c, i) => ({ label: c.label, value: String(i) })) })],
        ([i]) => {
          const c = s.connections()[Number(i)];
          return c ? { ...s.tcpClose(c), step: true } : { ok: false, error: 'that connection is gone' };
        },
      );
    }
    case 'pcap':
      if (s.runs.length === 0) return 'Nothing has been sent yet: ping (p), send UDP (u) or open TCP (t) first.';
      return steps(
        id,
        'Write a pcap file',
        [
          () => ({ kind: 'choice', label: 'Which traffic?', options: [{ label: `the last run (${s.lastRun()!.label})`, value: 'last' }, { label: `everything so far (${s.runs.length} run${s.runs.length === 1 ? '' : 's'})`, value: 'all' }] }),
          () => ({ kind: 'text', label: 'File name (relative to the folder netquest was started in)', placeholder: 'e.g. sandbox.pcap', validate: (v) => pathProblem(v, '.pcap') }),
        ],
        ([which, path]) => {
          const r = ctx.io.write(resolvePath(path!, ctx.io.cwd), s.pcap(which as 'last' | 'all'));
          return r.ok ? { ok: true, message: `capture written to ${r.value} (open it in Wireshark)` } : { ok: false, error: r.error };
        },
      );
    case 'level':
      if (s.deviceNames().length === 0) return 'The network is empty: add devices first (a).';
      return steps(
        id,
        'Save as a level file',
        [() => ({ kind: 'text', label: 'File name (relative to the folder netquest was started in)', placeholder: 'e.g. my-level.yaml', validate: (v) => pathProblem(v, '.yaml') })],
        ([path]) => {
          const full = resolvePath(path!, ctx.io.cwd);
          const r = ctx.io.write(full, s.levelYaml(idFromPath(full), ctx.io.yaml));
          return r.ok ? { ok: true, message: `level skeleton written to ${r.value}: add goals, then netquest check it` } : { ok: false, error: r.error };
        },
      );
    case 'trace':
      return 'The trace is not a form.';
  }
}

function typedConfigure(choice: ConfigureChoice, label: string, placeholder: string): Field {
  return {
    kind: 'text',
    label,
    placeholder,
    validate: (v) => {
      if (v.trim() === '') return undefined;
      const a = configureAction(choice, v);
      return a.ok ? undefined : a.error;
    },
  };
}

function configure(s: SandboxSession, choice: ConfigureChoice, typed: string): FormResult {
  const a = configureAction(choice, typed);
  if (!a.ok) return { ok: false, error: a.error };
  const action = a.value;
  if ('set-address' in action || 'set-gateway' in action || 'add-route' in action || 'remove-route' in action) return s.configure(action);
  return { ok: false, error: 'not a change the sandbox makes' };
}

function pathProblem(v: string, ext: string): string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  if (/[\0]/.test(t)) return 'a file name cannot hold that character';
  if (t.endsWith('/')) return `that is a folder: add a file name, e.g. ${t}capture${ext}`;
  return undefined;
}
