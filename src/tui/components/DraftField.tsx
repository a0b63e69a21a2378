/**
 * A one-line text field drawn from a draft held elsewhere (the level flow), with the caret
 * shown as an inverse cell, the placeholder while empty and, under it, why the text cannot be
 * sent yet (Enter does nothing then) or how to send it.
 */
import { memo } from 'react';
import { Box, Text } from 'ink';
import { wrap } from '../model';
import { useTheme } from '../theme';
import { sayLevel } from '../level-words';

export interface DraftFieldProps {
  readonly value: string;
  readonly caret: number;
  readonly width: number;
  readonly placeholder: string;
  /** Why the value cannot be sent, if it cannot. */
  readonly problem: string | undefined;
  /** The value is a rejected answer, selected: typing replaces it. */
  readonly selected?: boolean;
  readonly locale?: string;
}

export const DraftField = memo(function DraftField({ value, caret, width, placeholder, problem, selected = false, locale = 'en' }: DraftFieldProps) {
  const t = useTheme();
  // Keep the caret in view when the text is longer than the field.
  const room = Math.max(4, width - 3);
  const start = Math.max(0, caret - room + 1);
  const visible = value.slice(start, start + room);
  const at = caret - start;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text color={t.accent} bold>{`${t.glyphs.pointer} `}</Text>
        {selected ? (
          <Text inverse>{visible}</Text>
        ) : value === '' ? (
          <>
            <Text inverse>{placeholder.charAt(0) || ' '}</Text>
            <Text dimColor>{placeholder.slice(1)}</Text>
          </>
        ) : (
          <>
            <Text>{visible.slice(0, at)}</Text>
            <Text inverse>{visible.charAt(at) || ' '}</Text>
            <Text>{visible.slice(at + 1)}</Text>
          </>
        )}
      </Text>
      {problem ? (
        wrap(problem, Math.max(1, width - 2)).slice(0, 2).map((line, i) => (
          <Text key={i} color={t.bad}>
            {`${i === 0 ? `${t.glyphs.cross} ` : '  '}${line}`}
          </Text>
        ))
      ) : (
        <Text dimColor wrap="truncate-end">
          {selected ? sayLevel(locale, 'field.wrongSelected', { lr: `${t.glyphs.left}${t.glyphs.right}` }) : value.trim() === '' ? sayLevel(locale, 'field.empty') : sayLevel(locale, 'field.keys', { enter: t.glyphs.enter })}
        </Text>
      )}
    </Box>
  );
});
