/**
 * The practice answer field: one line with inline validation, like AnswerField, but Esc pauses
 * the session rather than cancelling, and the hint says so. Enter does nothing until the text
 * is an answer (the problem shows in red under it).
 */
import { memo, useCallback, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { untilEnter } from '../typed-text';
import { wrap } from '../model';
import { useTheme } from '../theme';

export interface PracticeFieldProps {
  readonly active: boolean;
  readonly width: number;
  readonly placeholder: string;
  readonly validate: (value: string) => string | undefined;
  readonly onSubmit: (value: string) => void;
  readonly onPause: () => void;
}

export const PracticeField = memo(function PracticeField({ active, width, placeholder, validate, onSubmit, onPause }: PracticeFieldProps) {
  const t = useTheme();
  const [value, setValue] = useState('');
  const problem = value.trim() === '' ? undefined : validate(value);
  const submit = useCallback(
    (v: string) => {
      if (v.trim() === '' || validate(v) !== undefined) return;
      onSubmit(v);
    },
    [validate, onSubmit],
  );
  // A fast typist's or a paste's Enter can arrive in the same chunk as the text: ink-text-input
  // then inserts it as text. Treat it as Enter.
  const change = useCallback(
    (next: string) => {
      const { text, entered } = untilEnter(next);
      setValue(text);
      if (entered) submit(text);
    },
    [submit],
  );
  useInput(
    (_input, key) => {
      if (key.escape) onPause();
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        <Text color={t.accent} bold>
          {`${t.glyphs.pointer} `}
        </Text>
        <TextInput value={value} onChange={change} onSubmit={submit} placeholder={placeholder} focus={active} />
      </Box>
      {problem ? (
        wrap(problem, width).slice(0, 2).map((line, i) => (
          <Text key={i} color={t.bad}>
            {line}
          </Text>
        ))
      ) : (
        <Text dimColor wrap="truncate-end">
          {value.trim() === '' ? `type the answer · esc pauses` : `${t.glyphs.enter} checks · esc pauses`}
        </Text>
      )}
    </Box>
  );
});
