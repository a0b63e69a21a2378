import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/util/quick-yaml';
import { parseSource } from '../../src/util/source-location';
import { fixtureSources, mutatedLevel } from '../reliability/mutate';

const root = join(__dirname, '..', '..');

/** What the careful parser (positions, alias limits) makes of a text: the value, or undefined when it refuses it. */
function careful(text: string): { value: unknown } | undefined {
  const p = parseSource(text, 'x.yaml');
  return p.ok ? { value: p.value.value } : undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name));
}

describe('quickParse: a shortcut that never reads a text differently from the careful parser', () => {
  it('reads every campaign file and fixture exactly as the careful parser does', () => {
    const files = [...yamlFiles(join(root, 'levels')), ...yamlFiles(join(root, 'test', 'fixtures'))];
    expect(files.length).toBeGreaterThan(50);
    let read = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const quick = quickParse(text);
      if (!quick) continue;
      read++;
      expect(quick.value, f).toStrictEqual(careful(text)?.value);
    }
    // The shortcut is only worth having if it takes the ordinary files.
    expect(read).toBeGreaterThan(files.length * 0.8);
  });

  it('on mutated levels, whatever it reads the careful parser reads the same (it may decline more)', () => {
    const sources = fixtureSources(root);
    let quickRead = 0;
    fc.assert(
      fc.property(mutatedLevel(sources), (text) => {
        const quick = quickParse(text);
        if (!quick) return;
        quickRead++;
        const c = careful(text);
        expect(c, 'the careful parser refuses what the shortcut read').toBeDefined();
        expect(quick.value).toStrictEqual(c!.value);
      }),
      // QY_RUNS / QY_SEED: a longer or different hunt for disagreements.
      { numRuns: Number(process.env.QY_RUNS ?? 3000), seed: Number(process.env.QY_SEED ?? 20261126) },
    );
    expect(quickRead).toBeGreaterThan(300);
  });

  it.each([
    ['a %YAML 1.1 directive, which makes `yes` true', '%YAML 1.1\n---\na: yes\n'],
    ['an alias, whose expansion only the careful parser bounds', 'a: &x [1, 2]\nb: *x\n'],
    ['a custom tag', 'a: !foo x\n'],
    ['an anchor, which js-yaml lets touch a bracket', 'a: &x[1, 2]\n'],
    ['a complex key', '? [a]\n: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['tabs as indentation', 'a:\n\t- 1\n'],
    ['several documents', '--- a\n--- b\n'],
    ['an empty file', ''],
  ])('declines %s', (_what, text) => {
    expect(quickParse(text)).toBeUndefined();
  });

  it('still reads an ampersand or an exclamation mark inside a sentence', () => {
    expect(quickParse('recap: Q&A, done!\n')?.value).toStrictEqual({ recap: 'Q&A, done!' });
  });

  it('reads YAML 1.2 core scalars as the careful parser does', () => {
    const text = 'a: 0o17\nb: 0x1F\nc: 1_000\nd: 0b101\ne: yes\nf: ~\ng: TRUE\nh: 2024-01-01\ni: .5\nj: "\\x41"\nk: 012\n<<: {m: 1}\n';
    expect(quickParse(text)?.value).toStrictEqual(careful(text)?.value);
    expect(quickParse(text)?.value).toMatchObject({ a: 15, b: 31, c: '1_000', d: '0b101', e: 'yes', f: null, g: true, h: '2024-01-01', k: 12 });
  });
});
