/** The outcome of parsing or decoding untrusted input: a value, or a message a learner can act on. */
export type Result<T, E = string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = string>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a result, throwing on error. For trusted input (tests, built-in constants) only. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(String(result.error));
  return result.value;
}
