/**
 * The value of an ink-text-input field, with the fix every field needs: text and Enter that
 * arrive in one chunk (a fast typist, a paste) are typed and then sent, not typed as text.
 */
import { useCallback, useState } from 'react';
import { untilEnter } from '../typed-text';

export function useTypedText(submit: (value: string) => void): readonly [string, (next: string) => void] {
  const [value, setValue] = useState('');
  const change = useCallback(
    (next: string) => {
      const { text, entered } = untilEnter(next);
      setValue(text);
      if (entered) submit(text);
    },
    [submit],
  );
  return [value, change];
}
