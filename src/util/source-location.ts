/**
 * Parsing untrusted YAML or JSON with positions, so every complaint about a file can say
 * file:line:column. JSON is parsed by the same YAML parser (JSON is a subset of YAML 1.2).
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { err, ok, type Result } from '../net/result';
import { findTooDeep, MAX_NESTING } from '../levels/yaml-depth';

export { formatLocated, formatPath, type Located } from './located';
import { formatPath, type Located } from './located';

export interface ParsedSource {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly file: string;
}

/** Limits that keep hostile input cheap: aliases cannot expand past this many nodes. */
const MAX_ALIAS_COUNT = 1000;

export function parseSource(text: string, file: string): Result<ParsedSource & { value: unknown }, Located> {
  // Every file we parse came from someone: a few KB of [[[[ would take the parser seconds and
  // hundreds of MB (src/levels/yaml-depth.ts), so refuse deep nesting before parsing.
  const deep = findTooDeep(text);
  if (deep) return err({ file, line: deep.line, column: deep.column, message: `the file nests more than ${MAX_NESTING} levels deep here` });
  const lines = new LineCounter();
  // logLevel 'error': a hostile file must not make the parser print warnings (e.g. about collection keys); the schema refuses such keys anyway.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    return err({ file, line: pos.line, column: pos.col, message: first.message.split('\n')[0]! });
  }
  try {
    return ok({ doc, lines, file, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) });
  } catch (e) {
    return err({ file, line: 1, column: 1, message: (e as Error).message });
  }
}

/** Where a path inside the document starts (or its nearest existing parent). */
export function locate(src: ParsedSource, path: readonly PropertyKey[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = src.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}


/** Validates a parsed document against a schema; the first problem is reported with its position. */
export function validate<T>(src: ParsedSource & { value: unknown }, schema: z.ZodType<T>): Result<T, Located> {
  const r = schema.safeParse(src.value);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0]!;
  const at = locate(src, issue.path);
  const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  return err({ file: src.file, ...at, message: `${where}${issue.message}` });
}
