/**
 * `netquest tcp`: the TCP playground. Drives one endpoint by hand (a small command
 * language, read line by line from the terminal or a pipe), or runs a script headless.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { TcpEndpoint, runScript, type StepResult } from '../machines/tcp/endpoint';
import { renderLadder, segmentLabel, type LadderStep } from '../machines/tcp/ladder';
import { parseScript, type ScriptEvent } from '../machines/tcp/script';
import { segment, TCP_FLAGS, type TcpFlag } from '../machines/tcp/types';
import { formatLocated } from '../util/source-location';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export async function runTcp(args: readonly string[], io: Io, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values, positionals } = parseCommand(args, { script: { type: 'string' }, json: { type: 'boolean' }, iss: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`'tcp' takes no arguments (got '${positionals[0]}'); use --script FILE`);
  if (values.script === undefined) {
    if (values.json) throw new UsageError("'tcp --json' needs --script FILE");
    const iss = values.iss === undefined ? 1000 : Number(values.iss);
    if (!Number.isInteger(iss) || iss < 0 || iss > 0xffffffff) throw new UsageError(`--iss must be a whole number 0–4294967295, got '${values.iss}'`);
    return interactive(iss, io, input);
  }
  if (values.iss !== undefined) throw new UsageError('--iss is for the interactive playground; a script gives its own "iss"');
  let text: string;
  try {
    text = readFileSync(values.script, 'utf8');
  } catch (e) {
    io.err(`netquest tcp: cannot read ${values.script}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 1;
  }
  const script = parseScript(text, values.script);
  if (!script.ok) {
    io.err(`${formatLocated(script.error)}\n`);
    return 1;
  }
  const result = runScript(script.value);
  if (values.json) {
    io.out(`${JSON.stringify(result)}\n`);
    return 0;
  }
  result.steps.forEach((s, i) => io.out(describeStep(i + 1, s)));
  io.out(`\n${renderLadder(toLadder(result.steps), { leftName: 'this endpoint', rightName: 'peer' }).join('\n')}\n`);
  return 0;
}

function describeStep(n: number, s: StepResult): string {
  const what = s.event.type === 'app' ? `${s.event.call}${s.event.len !== undefined ? ` ${s.event.len}` : ''}` : s.event.type === 'timeout' ? `timeout ${s.event.timer}` : `receive ${segmentLabel(segment(s.event.flags, s.event.seq, s.event.ack ?? 0, s.event.len))}`;
  const conn = s.event.conn ? ` [${s.event.conn}]` : '';
  const sends = s.emits.length > 0 ? `  sends ${s.emits.map((e) => segmentLabel(segment(e.flags, e.seq, e.ack, e.len))).join('; ')}` : '';
  const error = s.error ? `  error: ${s.error}` : '';
  const listener = s.listener ? `  (listener ${s.listener.state}, ${s.listener.halfOpen} half-open)` : '';
  return `#${n} ${what}${conn} → ${s.state}${sends}${error}${listener}\n     ${s.note}\n`;
}

/** Received segments come from the right, what the endpoint sends goes to the right. */
export function toLadder(steps: readonly StepResult[]): LadderStep[] {
  const out: LadderStep[] = [];
  for (const s of steps) {
    if (s.event.type === 'segment') {
      const e = s.event;
      out.push({ from: 'right', segment: segment(e.flags, e.seq, e.ack ?? 0, e.len, e.window), leftState: s.state });
    }
    for (const e of s.emits) out.push({ from: 'left', segment: segment(e.flags, e.seq, e.ack, e.len), leftState: s.state });
  }
  return out;
}

const HELP = `Commands (one per line):
  listen [BACKLOG]            passive open
  connect                     active open: send a SYN
  send LEN                    the application writes LEN bytes
  close                       no more data to send (sends a FIN)
  abort                       reset the connection (sends an RST)
  recv FLAGS seq=N [ack=N] [len=N] [win=N] [from=PEER]
                              a segment arrives, e.g.  recv SYN,ACK seq=5000 ack=1001
  timeout retransmission|2MSL|user
  syncookies on|off           (for a listener under a SYN flood)
  state                       show the sequence variables
  help, quit
`;

/** Parses one playground command into a script event, or explains what is wrong. */
export function parseCommandLine(line: string): { event: ScriptEvent } | { error: string } | { meta: 'help' | 'quit' | 'state' | 'none' } {
  const [word, ...rest] = line.trim().split(/\s+/);
  const n = (s: string | undefined, what: string): number | string => {
    if (s === undefined || !/^\d+$/.test(s) || Number(s) > 0xffffffff) return `${what} must be a whole number, got '${s ?? ''}'`;
    return Number(s);
  };
  switch (word) {
    case undefined:
    case '':
      return { meta: 'none' };
    case 'help':
    case '?':
      return { meta: 'help' };
    case 'quit':
    case 'exit':
      return { meta: 'quit' };
    case 'state':
      return { meta: 'state' };
    case 'listen': {
      if (rest[0] === undefined) return { event: { type: 'app', call: 'listen' } };
      const b = n(rest[0], 'the backlog');
      return typeof b === 'string' ? { error: b } : { event: { type: 'app', call: 'listen', backlog: b } };
    }
    case 'connect':
    case 'close':
    case 'abort':
      return { event: { type: 'app', call: word } };
    case 'send': {
      const len = n(rest[0], 'the length');
      return typeof len === 'string' ? { error: len } : { event: { type: 'app', call: 'send', len } };
    }
    case 'syncookies':
      if (rest[0] !== 'on' && rest[0] !== 'off') return { error: "say 'syncookies on' or 'syncookies off'" };
      return { event: { type: 'app', call: 'syncookies', on: rest[0] === 'on' } };
    case 'timeout':
      if (rest[0] !== 'retransmission' && rest[0] !== '2MSL' && rest[0] !== 'user') return { error: 'timeout takes retransmission, 2MSL or user' };
      return { event: { type: 'timeout', timer: rest[0] } };
    case 'recv': {
      const flags = (rest[0] ?? '').toUpperCase().split(',').filter(Boolean);
      const bad = flags.find((f) => !(TCP_FLAGS as readonly string[]).includes(f));
      if (flags.length === 0 || bad) return { error: `flags are a comma-separated list of ${TCP_FLAGS.join(', ')}${bad ? ` ('${bad}' is not one)` : ''}` };
      const fields: Record<string, string> = {};
      for (const kv of rest.slice(1)) {
        const [k, v] = kv.split('=');
        if (!k || v === undefined || !['seq', 'ack', 'len', 'win', 'from'].includes(k)) return { error: `'${kv}' is not one of seq=N ack=N len=N win=N from=PEER` };
        fields[k] = v;
      }
      const seq = n(fields.seq, 'seq');
      if (typeof seq === 'string') return { error: seq };
      const hasAck = flags.includes('ACK');
      if (hasAck !== (fields.ack !== undefined)) return { error: hasAck ? 'the ACK flag is set: give ack=N' : 'ack=N needs the ACK flag' };
      const ack = hasAck ? n(fields.ack, 'ack') : 0;
      if (typeof ack === 'string') return { error: ack };
      const len = fields.len === undefined ? 0 : n(fields.len, 'len');
      if (typeof len === 'string') return { error: len };
      const win = fields.win === undefined ? 65535 : n(fields.win, 'win');
      if (typeof win === 'string') return { error: win };
      const event: ScriptEvent = { type: 'segment', flags: flags as TcpFlag[], seq, len, window: Math.min(win, 65535), ...(hasAck ? { ack } : {}), ...(fields.from ? { conn: fields.from } : {}) };
      return { event };
    }
    default:
      return { error: `unknown command '${word}'; type 'help'` };
  }
}

async function interactive(iss: number, io: Io, input: NodeJS.ReadableStream): Promise<number> {
  const endpoint = new TcpEndpoint(iss);
  const steps: StepResult[] = [];
  io.out(`TCP playground: one endpoint, ISS ${iss}. Type 'help' for commands.\n`);
  const rl = createInterface({ input, terminal: false });
  const prompt = () => io.out('tcp> ');
  prompt();
  for await (const line of rl) {
    const c = parseCommandLine(line);
    if ('meta' in c) {
      if (c.meta === 'quit') break;
      if (c.meta === 'help') io.out(HELP);
      if (c.meta === 'state') io.out(variables(endpoint));
    } else if ('error' in c) {
      io.out(`  ${c.error}\n`);
    } else {
      const s = endpoint.apply(c.event);
      steps.push(s);
      io.out(describeStep(steps.length, s));
      io.out(`${ladderTail(renderLadder(toLadder(steps), { leftName: 'you', rightName: 'peer', width: 72 })).join('\n')}\n`);
    }
    prompt();
  }
  rl.close();
  io.out('\n');
  return 0;
}

/** The header and the newest rows: the whole exchange stays on screen without scrolling away. */
function ladderTail(lines: readonly string[], rows = 16): readonly string[] {
  const HEADER = 2;
  if (lines.length <= HEADER + rows) return lines;
  return [...lines.slice(0, HEADER), '             ⋮', ...lines.slice(lines.length - rows)];
}

function variables(endpoint: TcpEndpoint): string {
  const l = endpoint.listenerReport();
  if (l) return `  listener ${l.state}, ${l.halfOpen} half-open\n`;
  const { state, tcb } = endpoint.connection();
  return `  ${state}  ISS=${tcb.iss} SND.UNA=${tcb.sndUna} SND.NXT=${tcb.sndNxt} SND.WND=${tcb.sndWnd}  IRS=${tcb.irs} RCV.NXT=${tcb.rcvNxt} RCV.WND=${tcb.rcvWnd}\n`;
}
