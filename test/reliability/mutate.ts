/**
 * Mutated levels for fuzzing the loader: text mutations a careless or hostile author might
 * make (delete, insert, duplicate, replace a line). Shared by test/levels/fuzz.test.ts (2,000
 * per `npm test`) and scripts/fuzz.ts (`npm run fuzz`, 10,000 and more).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Located } from '../../src/util/source-location';

export const FIXTURES = ['configure-gateway.yaml', 'answer-subnet.yaml', 'predict-switch.yaml', 'route-hops.yaml', 'configure-dhcp.yaml'];

/** The fixture levels' text; `root` is the repository. */
export function fixtureSources(root: string): string[] {
  return FIXTURES.map((f) => readFileSync(join(root, 'test', 'fixtures', 'levels', f), 'utf8'));
}

export type Mutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'replace-line'; line: number; text: string };

const TOKENS = [':', '- ', '{', '}', '[', ']', '&a', '*a', '!!binary', '\t', '\n  ', '"', "'", '999999999999', '-1', 'null', '~', '256.1.1.1', '10.0.0.1/33', 'ff:ff', '\u0000', '<<: *a', '? ', '|', '>-', '%YAML 1.1', '---', '...', '!!js/function', '\r\n'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...TOKENS)) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('replace-line' as const), line: fc.nat(), text: fc.string({ maxLength: 30 }) }),
);

export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at, at + m.len) + text.slice(at);
    }
    case 'replace-line': {
      const lines = text.split('\n');
      lines[m.line % lines.length] = m.text;
      return lines.join('\n');
    }
  }
}

/** One to four mutations of one of the sources. */
export const mutatedLevel = (sources: readonly string[]) =>
  fc.tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([source, ms]) => ms.reduce(applyMutation, source));

/** What is wrong with a loader's problems list, or undefined when every problem is located and readable. */
export function badProblem(problems: readonly Located[], file: string): string | undefined {
  if (problems.length === 0) return 'failed with no problem';
  for (const p of problems) {
    if (p.file !== file) return `problem in another file: ${p.file}`;
    if (!Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.column) || p.column < 1) return `no position: ${p.line}:${p.column}`;
    if (!p.message) return 'empty message';
    if (/TypeError|undefined is not|Cannot read prop|Maximum call stack/.test(p.message)) return `internal error as message: ${p.message}`;
  }
  return undefined;
}
