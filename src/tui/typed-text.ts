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

/**
 * What ink-text-input hands onChange when text and Enter arrive in one chunk (a fast typist, a
 * paste): the text with the Enter in it. Returns the cleaned text before the Enter, and whether
 * there was one, so the field can treat it as Enter.
 */
export function untilEnter(next: string): { readonly text: string; readonly entered: boolean } {
  const cr = next.search(/[\r\n]/);
  return cr < 0 ? { text: cleanTyped(next), entered: false } : { text: cleanTyped(next.slice(0, cr)), entered: true };
}
