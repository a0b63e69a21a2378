/** The title menu. */
import { memo, useCallback, useMemo } from 'react';
import { Box, Text } from 'ink';
import { Menu, type MenuItem } from '../components/Menu';
import { columns, fit } from '../model';
import { useTheme } from '../theme';
import { say, type WordKey } from '../words';

export type TitleChoice = 'campaign' | 'practice' | 'sandbox' | 'open' | 'settings' | 'quit';

const ENTRIES: readonly [TitleChoice, WordKey, WordKey | undefined][] = [
  ['campaign', 'title.campaign', 'title.campaignHint'],
  ['practice', 'title.practice', 'title.practiceHint'],
  ['sandbox', 'title.sandbox', 'title.sandboxHint'],
  ['open', 'title.open', 'title.openHint'],
  ['settings', 'title.settings', 'title.settingsHint'],
  ['quit', 'title.quit', undefined],
];

export interface TitleProps {
  readonly active: boolean;
  readonly notice: string | undefined;
  readonly locale?: string;
  readonly initialIndex: number;
  readonly onHighlight: (value: string, index: number) => void;
  readonly onChoose: (choice: TitleChoice) => void;
}

export const Title = memo(function Title({ active, notice, locale = 'en', initialIndex, onHighlight, onChoose }: TitleProps) {
  const t = useTheme();
  const items = useMemo<MenuItem<TitleChoice>[]>(() => {
    const label = (k: WordKey) => {
      const l = say(locale, k as never);
      return t.ascii ? l.replace('…', '...') : l;
    };
    const w = Math.max(...ENTRIES.map(([, l]) => columns(label(l))));
    return ENTRIES.map(([value, l, hint]) => ({ value, label: fit(label(l), w), hint: hint ? say(locale, hint as never) : '' }));
  }, [t.ascii, locale]);
  const choose = useCallback((v: TitleChoice) => onChoose(v), [onChoose]);
  return (
    <Box flexDirection="column">
      <Text bold color={t.accent}>
        netquest
      </Text>
      <Text dimColor>{say(locale, 'title.tagline')}</Text>
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
