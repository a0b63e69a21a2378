/**
 * The TCP playground's script format (`netquest tcp --script FILE`): JSON or YAML.
 *   { "iss": 1000, "events": [ {"type":"app","call":"connect"}, {"type":"segment","flags":["SYN","ACK"],"seq":5000,"ack":1001}, … ] }
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../net/result';
import { parseSource, validate, locate, formatPath, type Located } from '../../util/source-location';
import { TCP_FLAGS } from './types';

const u32 = z.number().int().min(0).max(0xffff_ffff);
const conn = z.string().min(1).max(64).optional();

const appEvent = z.strictObject({
  type: z.literal('app'),
  call: z.enum(['listen', 'connect', 'send', 'close', 'abort', 'syncookies']),
  len: z.number().int().min(0).max(1_000_000).optional(),
  backlog: z.number().int().min(0).max(65535).optional(),
  synCookies: z.boolean().optional(),
  on: z.boolean().optional(),
  conn,
});

const segmentEvent = z.strictObject({
  type: z.literal('segment'),
  flags: z.array(z.enum(TCP_FLAGS)).max(5),
  seq: u32,
  ack: u32.optional(),
  len: z.number().int().min(0).max(65495).default(0),
  window: z.number().int().min(0).max(65535).default(65535),
  conn,
});

const timeoutEvent = z.strictObject({
  type: z.literal('timeout'),
  timer: z.enum(['retransmission', '2MSL', 'user']),
  conn,
});

export const scriptSchema = z.strictObject({
  iss: u32,
  events: z.array(z.discriminatedUnion('type', [appEvent, segmentEvent, timeoutEvent])).max(100_000),
});

export type Script = z.infer<typeof scriptSchema>;
export type ScriptEvent = Script['events'][number];

/** Parses and checks a script; every problem names the event's index and the file position. */
export function parseScript(text: string, file: string): Result<Script, Located> {
  const src = parseSource(text, file);
  if (!src.ok) return src;
  const v = validate(src.value, scriptSchema);
  if (!v.ok) return v;
  // Rules the schema cannot say: ack exactly when ACK is set; len only on send.
  for (const [i, e] of v.value.events.entries()) {
    const problem = eventProblem(e);
    if (problem) {
      const path = ['events', i, ...problem.path];
      return err({ file, ...locate(src.value, path), message: `${formatPath(path)}: ${problem.message}` });
    }
  }
  return ok(v.value);
}

function eventProblem(e: ScriptEvent): { path: string[]; message: string } | undefined {
  if (e.type === 'segment') {
    const ackFlag = e.flags.includes('ACK');
    if (ackFlag && e.ack === undefined) return { path: ['ack'], message: 'the ACK flag is set, so the segment needs an "ack" number' };
    if (!ackFlag && e.ack !== undefined) return { path: ['ack'], message: '"ack" is given but the ACK flag is not set; add ACK to the flags or drop "ack"' };
    if (new Set(e.flags).size !== e.flags.length) return { path: ['flags'], message: 'a flag is listed twice' };
  }
  if (e.type === 'app') {
    if (e.call === 'send' && e.len === undefined) return { path: ['len'], message: 'send needs "len", the number of bytes the application writes' };
    if (e.call !== 'send' && e.len !== undefined) return { path: ['len'], message: `"len" belongs to send, not ${e.call}` };
    if (e.call !== 'listen' && e.backlog !== undefined) return { path: ['backlog'], message: '"backlog" belongs to listen' };
    if (e.call === 'syncookies' && e.on === undefined) return { path: ['on'], message: 'syncookies needs "on": true or false' };
  }
  return undefined;
}
