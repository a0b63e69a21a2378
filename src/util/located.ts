/** A problem at a place in a file, and how it is written: file:line:column: message. No parser here. */
export interface Located {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function formatLocated(e: Located): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
