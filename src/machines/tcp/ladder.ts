/**
 * Renders a TCP exchange as a terminal sequence ("ladder") diagram: two vertical lines, one
 * per endpoint, the state of each endpoint beside its line whenever it changes, and one
 * labelled arrow per segment. Pure: lines in, lines out, no colour, no terminal queries, so
 * the CLI playground and the Ink TUI can both use it.
 *
 * Layout, for a total width W (every row is at most W code points, trailing spaces trimmed):
 *
 *   columns 0‥11    left state, right-aligned (12 = 'SYN-RECEIVED', the longest name)
 *   column  13      left line
 *   columns 14‥W-15 the space between the lines: labels (centred) and arrows
 *   column  W-14    right line
 *   columns W-12‥   right state, left-aligned
 *
 * Rows: the two names centred over their lines, a row with the initial states, then two
 * rows per segment: its label, and its arrow with any state changes beside the lines.
 */
import { TCP_FLAGS, has, type Segment, type TcpState } from './types';

export interface LadderStep {
  readonly from: 'left' | 'right';
  readonly segment: Segment;
  /** Both sides' states after this segment is processed (shown beside each column). */
  readonly leftState?: TcpState;
  readonly rightState?: TcpState;
  /** Optional: the segment was lost on the way (drawn with an ✗ before the far side). */
  readonly lost?: boolean;
}

export interface LadderOptions {
  /** Total columns; default 72, at least 40. */
  readonly width?: number;
  readonly leftName?: string;
  readonly rightName?: string;
  /** For TERM=dumb: draw with - > < | x and truncate with '...' instead of box, arrow and ellipsis characters. */
  readonly ascii?: boolean;
  readonly initialLeft?: TcpState;
  readonly initialRight?: TcpState;
}

export const LADDER_DEFAULT_WIDTH = 72;
export const LADDER_MIN_WIDTH = 40;

/** Room reserved beside each line for a state name: 'SYN-RECEIVED'. */
const STATE_COLS = 12;
/** State column, one space, the line. */
const GUTTER = STATE_COLS + 1;

interface Glyphs {
  readonly line: string;
  readonly dash: string;
  readonly right: string;
  readonly left: string;
  readonly lost: string;
  readonly ellipsis: string;
}

const UNICODE: Glyphs = { line: '│', dash: '─', right: '▶', left: '◀', lost: '✗', ellipsis: '…' };
const ASCII: Glyphs = { line: '|', dash: '-', right: '>', left: '<', lost: 'x', ellipsis: '...' };

/** "SYN,ACK seq=5000 ack=1001": flags in tcpdump order, ack only with ACK, len only when non-zero. */
export function segmentLabel(s: Segment): string {
  const flags = TCP_FLAGS.filter((f) => s.flags.includes(f));
  const parts: string[] = [];
  if (flags.length > 0) parts.push(flags.join(','));
  parts.push(`seq=${s.seq}`);
  if (has(s, 'ACK')) parts.push(`ack=${s.ack}`);
  if (s.len > 0) parts.push(`len=${s.len}`);
  return parts.join(' ');
}

const chars = (s: string): string[] => Array.from(s);
const cpLength = (s: string): number => chars(s).length;

/** Cuts `s` to at most `max` code points, ending in `ellipsis` when anything was cut. */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  const cs = chars(s);
  if (cs.length <= max) return s;
  if (max <= 0) return '';
  const e = chars(ellipsis);
  if (max <= e.length) return e.slice(0, max).join('');
  return cs.slice(0, max - e.length).join('') + ellipsis;
}

/** Anything a dumb terminal might not show becomes '?'. */
const toAscii = (s: string): string => chars(s).map((c) => (c >= ' ' && c <= '~' ? c : '?')).join('');
/** Control characters would break the row; everything else is taken as single-width. */
const printable = (s: string): string => chars(s).map((c) => (c < ' ' || c === '\x7f' ? ' ' : c)).join('');

/** A row of fixed width that text is written into at given columns. */
class Row {
  private readonly cells: string[];
  constructor(width: number) {
    this.cells = new Array<string>(width).fill(' ');
  }
  put(col: number, text: string): void {
    chars(text).forEach((c, i) => {
      const at = col + i;
      if (at >= 0 && at < this.cells.length) this.cells[at] = c;
    });
  }
  toString(): string {
    return this.cells.join('').trimEnd();
  }
}

function normaliseWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return LADDER_DEFAULT_WIDTH;
  return Math.max(LADDER_MIN_WIDTH, Math.floor(width));
}

export function renderLadder(steps: readonly LadderStep[], opts: LadderOptions = {}): string[] {
  const width = normaliseWidth(opts.width);
  const g = opts.ascii ? ASCII : UNICODE;
  const clean = opts.ascii ? toAscii : printable;

  const leftCol = GUTTER;
  const rightCol = width - GUTTER - 1;
  const innerStart = leftCol + 1;
  const inner = rightCol - leftCol - 1; // ≥ 12 at the minimum width

  /** A row with both lines drawn and the given states beside them. */
  const ladderRow = (leftState?: TcpState, rightState?: TcpState): Row => {
    const row = new Row(width);
    if (leftState !== undefined) row.put(STATE_COLS - leftState.length, leftState);
    row.put(leftCol, g.line);
    row.put(rightCol, g.line);
    if (rightState !== undefined) row.put(rightCol + 2, rightState);
    return row;
  };

  const lines: string[] = [];

  // Names, each centred over its line but kept in its own half with a space between them.
  const names = new Row(width);
  const half = Math.floor(width / 2);
  const placeName = (raw: string, centre: number, lo: number, hi: number): void => {
    const name = truncate(clean(raw), hi - lo, g.ellipsis);
    const n = cpLength(name);
    const start = Math.min(Math.max(centre - Math.floor((n - 1) / 2), lo), hi - n);
    names.put(start, name);
  };
  placeName(opts.leftName ?? 'client', leftCol, 0, half - 1);
  placeName(opts.rightName ?? 'server', rightCol, half, width);
  lines.push(names.toString());

  let left = opts.initialLeft;
  let right = opts.initialRight;
  lines.push(ladderRow(left, right).toString());

  for (const step of steps) {
    // The label, centred between the lines: a space either side if it fits, else all the room there is.
    const labelRow = ladderRow();
    const full = segmentLabel(step.segment);
    const label = cpLength(full) <= inner - 2 ? full : truncate(full, inner, g.ellipsis);
    const len = cpLength(label);
    labelRow.put(innerStart + Math.floor((inner - len) / 2), label);
    lines.push(labelRow.toString());

    // The arrow, with each side's state beside its line if it changed.
    const showLeft = step.leftState !== undefined && step.leftState !== left ? step.leftState : undefined;
    const showRight = step.rightState !== undefined && step.rightState !== right ? step.rightState : undefined;
    if (step.leftState !== undefined) left = step.leftState;
    if (step.rightState !== undefined) right = step.rightState;
    const arrowRow = ladderRow(showLeft, showRight);
    arrowRow.put(innerStart, arrow(step.from, inner, step.lost === true, g));
    lines.push(arrowRow.toString());
  }

  return lines;
}

/** `inner` columns of shaft and head; a lost segment stops at an ✗ a quarter short of the far line. */
function arrow(from: 'left' | 'right', inner: number, lost: boolean, g: Glyphs): string {
  if (!lost) {
    const shaft = g.dash.repeat(inner - 1);
    return from === 'left' ? shaft + g.right : g.left + shaft;
  }
  const gap = Math.max(2, Math.floor(inner / 4));
  const shaft = g.dash.repeat(inner - gap - 1);
  const blank = ' '.repeat(gap);
  return from === 'left' ? shaft + g.lost + blank : blank + g.lost + shaft;
}
