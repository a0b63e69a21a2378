/** Settings: each item changes on Enter and is saved at once. */
import { memo, useCallback, useMemo } from 'react';
import { Box, Text } from 'ink';
import { Menu, type MenuItem } from '../components/Menu';
import type { Settings as SettingsData } from '../../progress/store';
import { fit } from '../model';
import { useTheme } from '../theme';
import { say, type WordKey } from '../words';

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
    const row = (label: WordKey, value: string) => `${fit(say(locale, label as never), 20)} ${value}`;
    return [
      { value: 'unlockAll', label: row('settings.unlockAll', settings.unlockAll ? on : off), hint: say(locale, 'settings.unlockAllHint') },
      { value: 'reducedMotion', label: row('settings.reducedMotion', settings.reducedMotion ? on : off), hint: say(locale, 'settings.reducedMotionHint') },
      { value: 'locale', label: row('settings.language', locale.padEnd(5)), hint: locales.length > 1 ? say(locale, 'settings.languageNext', { enter: t.glyphs.enter, locales: locales.join(', ') }) : say(locale, 'settings.oneLanguage') },
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
      <Text bold>{say(locale, 'settings.heading')}</Text>
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
