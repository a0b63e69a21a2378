/**
 * A menu: our pointer and accent colour, an optional dim hint per item, or a custom row. It
 * behaves as ink-select-input does (↑/↓ or k/j move and wrap, a list longer than `limit`
 * scrolls round, 1–9 pick a visible row, Enter picks the highlighted one), but reads its cursor
 * from a ref, not from the last render: keys that arrive together (typed while the game starts,
 * or faster than a frame) each see the one before. With ink-select-input, Down and Enter in one
 * read opened the first item.
 */
import { memo, useReducer, useRef, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { useTheme } from '../theme';
import { menuKey, menuStart, visibleRows, type MenuCursor } from './menu-cursor';
import { splitChunk } from '../typed-text';

export interface MenuItem<V extends string> {
  readonly label: string;
  readonly value: V;
  readonly hint?: string;
  /** A whole custom row (the label is then only used as the item key). */
  readonly content?: (selected: boolean) => ReactNode;
}

const Indicator = memo(function Indicator({ isSelected = false }: { readonly isSelected?: boolean }) {
  const t = useTheme();
  return (
    <Box marginRight={1}>
      <Text color={t.accent} bold>
        {isSelected ? t.glyphs.pointer : ' '}
      </Text>
    </Box>
  );
});

const Row = memo(function Row(props: { readonly isSelected?: boolean; readonly label: string }) {
  const t = useTheme();
  const { hint, content } = props as { hint?: string; content?: (selected: boolean) => ReactNode };
  const selected = props.isSelected === true;
  if (content) return <>{content(selected)}</>;
  return (
    <Text wrap="truncate-end">
      <Text color={selected ? t.accent : undefined} bold={selected}>
        {props.label}
      </Text>
      {hint ? <Text dimColor>{`  ${hint}`}</Text> : null}
    </Text>
  );
});

export interface MenuProps<V extends string> {
  readonly items: readonly MenuItem<V>[];
  readonly onSelect: (value: V) => void;
  readonly onHighlight?: (value: V, index: number) => void;
  readonly isFocused: boolean;
  readonly initialIndex?: number;
  /** Rows available; the list scrolls beyond. */
  readonly limit?: number;
}

function MenuImpl<V extends string>({ items, onSelect, onHighlight, isFocused, initialIndex, limit }: MenuProps<V>) {
  const rows = limit === undefined ? items.length : Math.max(1, limit);
  const cursor = useRef<MenuCursor>(menuStart(items.length, rows, initialIndex ?? 0));
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // New items (another chapter's levels): back to the top, as ink-select-input did.
  const values = items.map((i) => i.value).join('\n');
  const shown = useRef(values);
  if (shown.current !== values) {
    shown.current = values;
    cursor.current = menuStart(items.length, rows, 0);
  }
  // Props as of the latest render, for keys handled before the next one.
  const latest = useRef({ items, rows, onSelect, onHighlight });
  latest.current = { items, rows, onSelect, onHighlight };
  useInput(
    (chunk, chunkKey) => {
      const { items: list, rows: height, onSelect: select, onHighlight: highlight } = latest.current;
      // "jj\r" typed in one go comes as one chunk: each key moves from where the last one left it.
      for (const [input, key] of splitChunk(chunk, chunkKey)) {
        const r = menuKey(cursor.current, list.length, height, input, { upArrow: key.upArrow === true, downArrow: key.downArrow === true, return: key.return === true });
        if (!r) continue;
        const item = list[r.index];
        if (r.kind === 'select') {
          // Picking leaves the menu (another screen, a setting changed): later keys are the next screen's.
          if (item) select(item.value);
          return;
        }
        cursor.current = r.cursor;
        if (item) highlight?.(item.value, r.index);
        redraw();
      }
    },
    { isActive: isFocused },
  );
  return (
    <Box flexDirection="column">
      {visibleRows(cursor.current, items.length, rows).map(({ index, selected }) => {
        const item = items[index]!;
        return (
          <Box key={item.value}>
            <Indicator isSelected={selected} />
            <Row {...item} isSelected={selected} />
          </Box>
        );
      })}
    </Box>
  );
}

export const Menu = memo(MenuImpl) as typeof MenuImpl;
