/**
 * A one-line text field with inline validation: the value lives here, so typing re-renders
 * only this component. A red message shows under the field while the value is malformed, and
 * Enter does nothing until it is well formed (and not empty). Esc cancels.
 */
import { memo, useCallback } from 'react';
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { wrap } from '../model';
import { useTypedText } from './use-typed-text';
import { useTheme } from '../theme';
import { sayLevel } from '../level-words';

export interface AnswerFieldProps {
  readonly active: boolean;
  readonly width: number;
  readonly placeholder: string;
  /** The problem with a value, or undefined when it may be sent. */
  readonly validate: (value: string) => string | undefined;
  readonly onSubmit: (value: string) => void;
  /** Esc. */
  readonly onCancel: () => void;
  /** What the hint under the field says Enter and Esc do. */
  readonly enterDoes?: string;
  readonly escapeDoes?: string;
  readonly locale?: string;
}

export const AnswerField = memo(function AnswerField({ active, width, placeholder, validate, onSubmit, onCancel, enterDoes = 'sends', escapeDoes = 'cancels', locale = 'en' }: AnswerFieldProps) {
  const t = useTheme();
  const submit = useCallback(
    (v: string) => {
      if (v.trim() === '' || validate(v) !== undefined) return;
      onSubmit(v);
    },
    [validate, onSubmit],
  );
  const [value, change] = useTypedText(submit);
  const problem = validate(value);
  useInput(
    (_input, key) => {
      if (key.escape) onCancel();
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
          {value.trim() === '' ? sayLevel(locale, 'field.typeAnswer', { esc: escapeDoes }) : `${t.glyphs.enter} ${enterDoes} · esc ${escapeDoes}`}
        </Text>
      )}
    </Box>
  );
});
