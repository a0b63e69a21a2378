/**
 * Where a menu's cursor is, and how keys move it: ink-select-input's behaviour as pure functions.
 * A list longer than its rows scrolls round (past the last item comes the first), a shorter one
 * wraps the cursor from bottom to top.
 */

export interface MenuCursor {
  /** The item shown in the first row. */
  readonly top: number;
  /** The highlighted row, counted from the first shown. */
  readonly row: number;
}

export type MenuKeyResult = { readonly kind: 'move'; readonly cursor: MenuCursor; readonly index: number } | { readonly kind: 'select'; readonly index: number };

interface Key {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly return: boolean;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
const shownRows = (count: number, rows: number) => Math.min(count, rows);

/** The cursor on `initial` (clamped), scrolled so that it shows. */
export function menuStart(count: number, rows: number, initial: number): MenuCursor {
  const last = shownRows(count, rows) - 1;
  const i = Math.max(0, Math.min(initial, count - 1));
  return i > last ? { top: i - last, row: last } : { top: 0, row: i };
}

/** The items shown, top to bottom, by index into the list. */
export function visibleRows(c: MenuCursor, count: number, rows: number): { index: number; selected: boolean }[] {
  return Array.from({ length: shownRows(count, rows) }, (_, r) => ({ index: mod(c.top + r, count), selected: r === c.row }));
}

/** What a key does: moves the cursor (to item `index`), picks item `index`, or nothing. */
export function menuKey(c: MenuCursor, count: number, rows: number, input: string, key: Key): MenuKeyResult | undefined {
  if (count === 0) return undefined;
  const scrolls = count > rows;
  const last = shownRows(count, rows) - 1;
  const move = (cursor: MenuCursor): MenuKeyResult => ({ kind: 'move', cursor, index: mod(cursor.top + cursor.row, count) });
  if (input === 'k' || key.upArrow) {
    if (c.row > 0) return move({ top: c.top, row: c.row - 1 });
    return move(scrolls ? { top: mod(c.top - 1, count), row: 0 } : { top: c.top, row: last });
  }
  if (input === 'j' || key.downArrow) {
    if (c.row < last) return move({ top: c.top, row: c.row + 1 });
    return move(scrolls ? { top: mod(c.top + 1, count), row: last } : { top: c.top, row: 0 });
  }
  if (/^[1-9]$/.test(input)) {
    const r = Number(input) - 1;
    return r <= last ? { kind: 'select', index: mod(c.top + r, count) } : undefined;
  }
  if (key.return) return { kind: 'select', index: mod(c.top + c.row, count) };
  return undefined;
}
