/**
 * A themed ink-select-input: our pointer and accent colour, an optional dim hint per item,
 * or a custom row. ink-select-input spreads the whole item into the item component, which is
 * how `hint` and `content` reach it.
 */
import { memo, useCallback, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useTheme } from '../theme';

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
  const select = useCallback((item: { value: V }) => onSelect(item.value), [onSelect]);
  const highlight = useCallback(
    (item: { value: V }) => onHighlight?.(item.value, items.findIndex((i) => i.value === item.value)),
    [onHighlight, items],
  );
  return (
    <SelectInput<V>
      items={items as MenuItem<V>[]}
      isFocused={isFocused}
      initialIndex={Math.min(initialIndex ?? 0, Math.max(0, items.length - 1))}
      {...(limit !== undefined ? { limit: Math.max(1, limit) } : {})}
      indicatorComponent={Indicator}
      itemComponent={Row}
      onSelect={select}
      onHighlight={highlight}
    />
  );
}

export const Menu = memo(MenuImpl) as typeof MenuImpl;
