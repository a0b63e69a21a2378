/** Asks for a pack folder and opens it through the `openPack` the CLI provides. */
import { memo, useCallback } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useTheme } from '../theme';
import { say } from '../words';
import { useTypedText } from '../components/use-typed-text';

export interface OpenPackProps {
  readonly active: boolean;
  /** Whether opening is wired up; if not, say so rather than pretend. */
  readonly available: boolean;
  readonly error: string | undefined;
  readonly locale?: string;
  readonly onSubmit: (path: string) => void;
}

export const OpenPack = memo(function OpenPack({ active, available, error, locale = 'en', onSubmit }: OpenPackProps) {
  const t = useTheme();
  const submit = useCallback((v: string) => v.trim() && onSubmit(v.trim()), [onSubmit]);
  // A path pasted with its Enter arrives as one chunk: it is opened.
  const [value, change] = useTypedText(submit);
  if (!available) {
    return (
      <Box flexDirection="column">
        <Text bold>{say(locale, 'open.notBuilt')}</Text>
        <Text dimColor>{say(locale, 'open.checkHint')}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{say(locale, 'open.heading')}</Text>
      <Text dimColor>{say(locale, 'open.folder')}</Text>
      <Box marginTop={1}>
        <Text color={t.accent}>{`${t.glyphs.pointer} `}</Text>
        <TextInput value={value} onChange={change} onSubmit={submit} focus={active} placeholder={say(locale, 'open.placeholder')} />
      </Box>
      {error ? (
        <Box marginTop={1}>
          <Text color={t.bad} wrap="wrap">
            {error}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
});
