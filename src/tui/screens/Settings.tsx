/** Settings: each item changes on Enter and is saved at once. */
import { memo, useCallback, useMemo } from 'react';
import { Box, Text } from 'ink';
import { Menu, type MenuItem } from '../components/Menu';
import type { Settings as SettingsData } from '../../progress/store';
import { fit } from '../model';
import { useTheme } from '../theme';

type Key = 'unlockAll' | 'reducedMotion' | 'locale';

export interface SettingsProps {
  readonly active: boolean;
  readonly settings: SettingsData;
  readonly locale: string;
  readonly locales: readonly string[];
  readonly message: string | undefined;
  readonly initialIndex: number;
  readonly onHighlight: (value: string, index: number) => void;
  readonly onChange: (patch: Partial<SettingsData>) => void;
}

export const Settings = memo(function Settings({ active, settings, locale, locales, message, initialIndex, onHighlight, onChange }: SettingsProps) {
  const t = useTheme();
  const [on, off] = t.glyphs.check;
  const items = useMemo<MenuItem<Key>[]>(() => {
    const row = (label: string, value: string) => `${fit(label, 20)} ${value}`;
    return [
      { value: 'unlockAll', label: row('Unlock all levels', settings.unlockAll ? on : off), hint: 'play any level without solving the one before' },
      { value: 'reducedMotion', label: row('Reduced motion', settings.reducedMotion ? on : off), hint: 'no animations' },
      { value: 'locale', label: row('Language', locale.padEnd(5)), hint: locales.length > 1 ? `${t.glyphs.enter} for the next of ${locales.join(', ')}` : 'the packs are in one language' },
    ];
  }, [settings.unlockAll, settings.reducedMotion, locale, locales, on, off, t.glyphs.enter]);
  const change = useCallback(
    (k: Key) => {
      if (k === 'locale') {
        const i = locales.indexOf(locale);
        onChange({ locale: locales[(i + 1) % locales.length]! });
      } else onChange({ [k]: !settings[k] });
    },
    [locale, locales, settings, onChange],
  );
  return (
    <Box flexDirection="column">
      <Text bold>Settings</Text>
      <Menu items={items} isFocused={active} initialIndex={initialIndex} onHighlight={onHighlight} onSelect={change} />
      {message ? (
        <Box marginTop={1}>
          <Text color={t.bad} wrap="wrap">
            {message}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
});
