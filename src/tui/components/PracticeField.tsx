/**
 * The practice answer field: the answer field, but Esc pauses the session rather than
 * cancelling, and the hint says so. Enter does nothing until the text is an answer (the problem
 * shows in red under it); an empty field shows no problem.
 */
import { memo, useCallback } from 'react';
import { AnswerField } from './AnswerField';

export interface PracticeFieldProps {
  readonly active: boolean;
  readonly width: number;
  readonly placeholder: string;
  readonly validate: (value: string) => string | undefined;
  readonly onSubmit: (value: string) => void;
  readonly onPause: () => void;
  /** What the hint under the field says Enter and Esc do (default: checks, pauses). */
  readonly enterDoes?: string;
  readonly escapeDoes?: string;
  readonly locale?: string;
}

export const PracticeField = memo(function PracticeField({ active, width, placeholder, validate, onSubmit, onPause, enterDoes = 'checks', escapeDoes = 'pauses', locale }: PracticeFieldProps) {
  const check = useCallback((v: string) => (v.trim() === '' ? undefined : validate(v)), [validate]);
  return <AnswerField active={active} width={width} placeholder={placeholder} validate={check} onSubmit={onSubmit} onCancel={onPause} enterDoes={enterDoes} escapeDoes={escapeDoes} {...(locale ? { locale } : {})} />;
});
