/** The title menu. */
import { memo, useCallback, useMemo } from 'react';
import { Box, Text } from 'ink';
import { Menu, type MenuItem } from '../components/Menu';
import { fit } from '../model';
import { useTheme } from '../theme';

export type TitleChoice = 'campaign' | 'practice' | 'sandbox' | 'open' | 'settings' | 'quit';

const ENTRIES: readonly [TitleChoice, string, string][] = [
  ['campaign', 'Campaign', 'the levels, chapter by chapter'],
  ['practice', 'Practice', 'timed drills, personal bests'],
  ['sandbox', 'Sandbox', 'any network, no goals: build and explore'],
  ['open', 'Open a level pack…', 'play a pack folder'],
  ['settings', 'Settings', 'language, motion, unlocking'],
  ['quit', 'Quit', ''],
];

export interface TitleProps {
  readonly active: boolean;
  readonly notice: string | undefined;
  readonly initialIndex: number;
  readonly onHighlight: (value: string, index: number) => void;
  readonly onChoose: (choice: TitleChoice) => void;
}

export const Title = memo(function Title({ active, notice, initialIndex, onHighlight, onChoose }: TitleProps) {
  const t = useTheme();
  const items = useMemo<MenuItem<TitleChoice>[]>(() => {
    const w = Math.max(...ENTRIES.map(([, l]) => [...(t.ascii ? l.replace('…', '...') : l)].length));
    return ENTRIES.map(([value, label, hint]) => ({ value, label: fit(t.ascii ? label.replace('…', '...') : label, w), hint }));
  }, [t.ascii]);
  const choose = useCallback((v: TitleChoice) => onChoose(v), [onChoose]);
  return (
    <Box flexDirection="column">
      <Text bold color={t.accent}>
        netquest
      </Text>
      <Text dimColor>Learn how networks really work by playing.</Text>
      <Box marginTop={1}>
        <Menu items={items} isFocused={active} initialIndex={initialIndex} onHighlight={onHighlight} onSelect={choose} />
      </Box>
      {notice ? (
        <Box marginTop={1}>
          <Text wrap="wrap">{notice}</Text>
        </Box>
      ) : null}
    </Box>
  );
});
