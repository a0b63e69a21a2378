/**
 * Keys that arrive together (a held Backspace, a paste) come as one chunk: apply DEL and BS
 * as deletions and drop other control characters, so typed text never holds invisible bytes.
 */
export function cleanTyped(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x1f\x7f]/.test(s)) return s;
  const out: string[] = [];
  for (const ch of s) {
    if (ch === '\x7f' || ch === '\b') out.pop();
    else if (ch >= ' ') out.push(ch);
  }
  return out.join('');
}
