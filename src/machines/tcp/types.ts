/** The eleven connection states, spelled as in RFC 9293 §3.3.2. */
export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/** A state as a person types it: any case, spaces or underscores for the dashes ("syn sent"), spaces around. */
export function tcpStateNamed(text: string): TcpState | undefined {
  const t = text.trim().toUpperCase().replace(/[\s_]+/g, '-');
  return (TCP_STATES as readonly string[]).includes(t) ? (t as TcpState) : undefined;
}

/**
 * Control bits the game models (URG, ECE, CWR are always off). `segment()` keeps them in this order,
 * ACK last like tcpdump's trailing '.' (tcpdump prints F before S; the game never sends SYN and FIN together).
 */
export const TCP_FLAGS = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as const;
export type TcpFlag = (typeof TCP_FLAGS)[number];

/** A segment as the state machine sees it: control bits, numbers, and how many data bytes it carries. */
export interface Segment {
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  /** Meaningful only when ACK is set; 0 otherwise. */
  readonly ack: number;
  /** Payload bytes (SYN and FIN are not counted here, though each takes a sequence number). */
  readonly len: number;
  readonly window: number;
}

export const has = (s: Pick<Segment, 'flags'>, f: TcpFlag): boolean => s.flags.includes(f);

export function segment(flags: readonly TcpFlag[], seq: number, ack: number, len = 0, window = DEFAULT_WINDOW): Segment {
  return { flags: TCP_FLAGS.filter((f) => flags.includes(f)), seq: seq >>> 0, ack: ack >>> 0, len, window };
}

/** SEG.LEN of RFC 9293: data bytes plus one for SYN and one for FIN. */
export const segLen = (s: Segment): number => s.len + (has(s, 'SYN') ? 1 : 0) + (has(s, 'FIN') ? 1 : 0);

/** 64240 is what Linux offers by default (44 segments of 1460 bytes); the game does no window scaling. */
export const DEFAULT_WINDOW = 64240;

export type AppCall = 'listen' | 'connect' | 'send' | 'close' | 'abort';
export type TcpTimer = 'retransmission' | '2MSL' | 'user';

export type TcpEvent =
  | { readonly type: 'LISTEN' }
  | { readonly type: 'CONNECT' }
  | { readonly type: 'SEND'; readonly len: number }
  | { readonly type: 'CLOSE' }
  | { readonly type: 'ABORT' }
  | { readonly type: 'SEGMENT'; readonly segment: Segment }
  | { readonly type: 'TIMEOUT'; readonly timer: TcpTimer };

/** What the application is told, in RFC 9293's words. */
export type TcpError =
  | 'connection does not exist'
  | 'connection already exists'
  | 'connection reset'
  | 'connection refused'
  | 'connection closing'
  | 'foreign socket unspecified'
  | 'connection aborted due to user timeout'
  | 'insufficient resources';
