/** The bench's one table: a figure, its value, its goal, and whether the value meets it. */

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  /** undefined: a figure for information, with no goal. */
  readonly met?: boolean | undefined;
}

export const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The nearest-rank percentile (p in 0–100): the smallest value with at least p% of values at or below it. */
export function percentile(xs: readonly number[], p: number): number {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const int = (x: number) => Math.round(x).toLocaleString('en');
export const ms = (x: number, digits = 0) => `${x.toFixed(digits)} ms`;
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const range = (xs: readonly number[], f: (x: number) => string) => `${f(sorted(xs)[0]!)}–${f(sorted(xs)[xs.length - 1]!)}`;

export function formatTable(rows: readonly Row[]): string {
  const cells = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [
    cells(['figure', 'value', 'goal', 'met?']),
    cells(['---', '---', '---', '---']),
    ...rows.map((r) => cells([r.figure, r.value, r.goal, r.met === undefined ? '' : r.met ? '✓ yes' : '✗ no'])),
  ].join('\n');
}
