import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLevelText } from '../../src/levels/load';

const SOURCES = ['configure-gateway.yaml', 'answer-subnet.yaml', 'predict-switch.yaml', 'route-hops.yaml', 'configure-dhcp.yaml'].map((f) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/levels/${f}`, import.meta.url)), 'utf8'),
);

/** Text mutations a careless or hostile author might make: delete, duplicate, swap or replace pieces. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(':', '- ', '{', '}', '[', ']', '&a', '*a', '!!binary', '\t', '\n  ', '"', "'", '999999999999', '-1', 'null', '~', '256.1.1.1', '10.0.0.1/33', 'ff:ff', '\u0000')) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('replace-line' as const), line: fc.nat(), text: fc.string({ maxLength: 30 }) }),
);

interface Mutation {
  kind: string;
  at?: number;
  len?: number;
  text?: string;
  line?: number;
}

function apply(text: string, m: Mutation): string {
  const at = (m.at ?? 0) % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + (m.len ?? 1));
    case 'insert':
      return text.slice(0, at) + (m.text ?? '') + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + (m.len ?? 1)) + text.slice(at);
    default: {
      const lines = text.split('\n');
      lines[(m.line ?? 0) % lines.length] = m.text ?? '';
      return lines.join('\n');
    }
  }
}

describe('loading mutated levels (fuzz)', () => {
  // FUZZ_RUNS=10000 for the long run; the default keeps `npm test` quick.
  it('either loads or fails with located messages — never anything else', { timeout: 120_000 }, () => {
    let tried = 0;
    let failed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (source, ms) => {
        const text = ms.reduce((t, m) => apply(t, m), source);
        tried++;
        const r = loadLevelText(text, 'fuzz.yaml');
        if (r.ok) return;
        failed++;
        expect(r.error.length).toBeGreaterThan(0);
        for (const e of r.error) {
          expect(e.file).toBe('fuzz.yaml');
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/TypeError|undefined is not|Cannot read prop/);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    // Most mutations break a level; some leave it valid. Both outcomes must have been exercised.
    expect(failed).toBeGreaterThan(tried / 4);
    expect(failed).toBeLessThan(tried);
  });
});
