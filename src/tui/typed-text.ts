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

/** The parts of Ink's key object that the game's key handling reads. */
export interface KeyLike {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

/**
 * A chunk of several keys read at once (typed faster than the terminal was read, or pasted):
 * Ink hands plain text over whole, Enter included ("4\r"). Split it into keys, so each is
 * applied to the state the one before it left. A single key comes back as it was.
 */
export function splitChunk(input: string, key: KeyLike): readonly (readonly [string, KeyLike])[] {
  if ([...input].length <= 1 || Object.values(key).some(Boolean)) return [[input, key]];
  const keys: [string, KeyLike][] = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') keys.push(['', { return: true }]);
    else if (ch === '\x7f' || ch === '\b') keys.push(['', { backspace: true }]);
    else if (ch === '\t') keys.push(['', { tab: true }]);
    else if (ch >= ' ') keys.push([ch, {}]);
  }
  return keys;
}
