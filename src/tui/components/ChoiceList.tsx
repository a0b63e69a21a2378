/**
 * A list with a highlighted row, drawn from state owned elsewhere (the level flow keeps the
 * cursor, so keys typed before a redraw still move it). Scrolls to keep the cursor in view.
 */
import { memo } from 'react';
import { Text } from 'ink';
import { useTheme } from '../theme';
import { fit } from '../model';

export interface ChoiceRow {
  readonly label: string;
  readonly hint?: string;
}

export const ChoiceList = memo(function ChoiceList({ items, selected, width, limit }: { readonly items: readonly ChoiceRow[]; readonly selected: number; readonly width: number; readonly limit: number }) {
  const t = useTheme();
  const n = Math.max(1, limit);
  const start = Math.max(0, Math.min(selected - Math.floor(n / 2), items.length - n));
  const shown = items.slice(start, start + n);
  return (
    <>
      {shown.map((item, i) => {
        const on = start + i === selected;
        const number = start + i < 9 ? `${start + i + 1} ` : '  ';
        return (
          <Text key={`${start + i}:${item.label}`} wrap="truncate-end">
            <Text color={t.accent} bold>
              {on ? t.glyphs.pointer : ' '}
            </Text>
            <Text dimColor>{` ${number}`}</Text>
            <Text color={on ? t.accent : undefined} bold={on}>
              {fit(item.label, Math.max(1, width - 5))}
            </Text>
            {item.hint ? <Text dimColor>{`  ${item.hint}`}</Text> : null}
          </Text>
        );
      })}
      {start > 0 || start + n < items.length ? <Text dimColor>{`${start > 0 ? `${t.glyphs.up}${start} ` : ''}${start + n < items.length ? `${t.glyphs.down}${items.length - start - n}` : ''}`}</Text> : null}
    </>
  );
});
