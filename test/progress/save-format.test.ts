import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPracticeBest, parseProgress } from '../../src/progress/save-format';

/**
 * The zod schema the hand-written validator replaced (it was read before the first frame, and
 * zod cost start-up time): kept here as the oracle the validator must agree with.
 */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const PRACTICE_KEY = /^[a-z0-9][a-z0-9-]{0,63}(\+[a-z0-9][a-z0-9-]{0,63}){0,31}@\d{1,3}$/;
const levelBest = z.object({
  solved: z.boolean(),
  stars: z.number().int().min(0).max(3),
  points: z.number().int().min(0).max(1_000_000_000),
  bestSeconds: z.number().min(0).max(10_000_000).optional(),
  bestSteps: z.number().int().min(0).max(1_000_000).optional(),
});
const practiceBest = z.object({
  score: z.number().int().min(0).max(1_000_000_000),
  accuracy: z.number().min(0).max(1),
  perMinute: z.number().min(0).max(10_000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
const oracle = z.object({
  version: z.literal(1),
  packs: z.record(z.string().regex(ID), z.record(z.string().regex(ID), levelBest)).default({}),
  settings: z.object({ locale: z.string().regex(LOCALE).optional(), reducedMotion: z.boolean().optional(), unlockAll: z.boolean().optional() }).default({}),
  settingsChangedAt: z.number().int().min(0).default(0),
  practice: z
    .object({
      topics: z.record(z.string().regex(ID), z.object({ attempts: z.number().int().min(0).max(1_000_000_000), correct: z.number().int().min(0).max(1_000_000_000), box: z.number().int().min(1).max(5) })).default({}),
      bests: z.record(z.string().regex(PRACTICE_KEY), practiceBest).default({}),
    })
    .optional(),
});

// Values near the edges of what the format allows, and junk of every JSON type.
const junk = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, '', 'x', [], {}, true, -1, 0.5, 1e300, 2 ** 53, -0));
// Mostly valid, so that both outcomes are common: a file has many fields, and one bad one refuses it.
const often = <T, U>(valid: fc.Arbitrary<T>, ...rare: fc.Arbitrary<U>[]) => fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<T | U> }, ...rare.map((arbitrary) => ({ weight: 1, arbitrary: arbitrary as fc.Arbitrary<T | U> })));
const int = (min: number, max: number) => often(fc.integer({ min, max }), fc.integer({ min: min - 2, max: max + 2 }), fc.constantFrom(min, max, min + 0.5, max + 1e-9, max + 1), junk);
const num = (min: number, max: number) => often(fc.double({ min, max, noNaN: true }), fc.double({ min: min - 1, max: max + 1, noNaN: true }), fc.constantFrom(min, max), junk);
/** A record whose fields are usually all there (`required` of them, at least), sometimes not. */
const fields = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: (keyof T)[]) => often(fc.record(model, { requiredKeys: required as never[] }), fc.record(model, { requiredKeys: [] as never[] }));
const key = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 20, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom('', 'Bad', '__proto__', 'a_b', '-a', 'x'.repeat(65), 'constructor', 'toString') });
const id = fc.constantFrom('campaign', 'l1', 'subnet-facts', '0x', 'a');
const withExtra = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, fc.option(junk, { nil: undefined, freq: 3 })).map(([v, extra]) => (extra !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, extraKey: extra } : v));

const levelBestArb = withExtra(fields({ solved: often(fc.boolean(), junk), stars: int(0, 3), points: int(0, 1_000_000_000), bestSeconds: num(0, 10_000_000), bestSteps: int(0, 1_000_000) }, ['solved', 'stars', 'points']));
const practiceArb = fields(
  {
    topics: often(fc.dictionary(key(fc.constantFrom('arp', 'subnet', 'tcp')), withExtra(fields({ attempts: int(0, 1_000_000_000), correct: int(0, 1_000_000_000), box: int(1, 5) }, ['attempts', 'correct', 'box'])), { maxKeys: 3 }), junk),
    bests: often(fc.dictionary(key(fc.constantFrom('arp@5', 'arp+subnet@10', 'tcp@999', 'tcp@1000', 'arp')), withExtra(fields({ score: int(0, 1_000_000_000), accuracy: num(0, 1), perMinute: num(0, 10_000), date: often(fc.constantFrom('2026-11-26', '1999-01-01'), fc.constantFrom('26-11-2026', '2026-1-1'), junk) }, ['score', 'accuracy', 'perMinute', 'date'])), { maxKeys: 3 }), junk),
  },
  [],
);
const progressArb = withExtra(
  fc.record(
    {
      version: often(fc.constant(1), junk),
      packs: often(fc.dictionary(key(id), often(fc.dictionary(key(id), levelBestArb, { maxKeys: 3 }), junk), { maxKeys: 3 }), junk),
      settings: often(fields({ locale: often(fc.constantFrom('en', 'zh-CN', 'zh-Hans-CN'), fc.constantFrom('EN', 'e', 'en-'), junk), reducedMotion: often(fc.boolean(), junk), unlockAll: often(fc.boolean(), junk) }, []), junk),
      settingsChangedAt: int(0, Number.MAX_SAFE_INTEGER),
      practice: often(practiceArb, junk),
    },
    { requiredKeys: ['version'] },
  ),
);
/**
 * A value as nested [key, value] lists in key order, keeping keys whose value is undefined: what
 * toStrictEqual compares, except that a "constructor" key (a valid id) is data here, where Vitest
 * would compare it as the objects' class.
 */
const canonical = (v: unknown): unknown =>
  v === undefined ? '<undefined>' : Array.isArray(v) ? v.map(canonical) : typeof v === 'object' && v !== null ? [Object.getPrototypeOf(v) === Object.prototype, ...Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])] : v;

// What the game reads is JSON: a round trip gives exactly the values JSON.parse can produce.
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('the progress file validator, held to the zod schema it replaced', () => {
  it('accepts exactly what the schema accepts, and gives the same values (defaults filled, unknown keys dropped)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(progressArb, (raw) => {
        const value = asJson(raw);
        const mine = parseProgress(value);
        const theirs = oracle.safeParse(value);
        expect(mine.ok, JSON.stringify(value)).toBe(theirs.success);
        if (mine.ok && theirs.success) {
          accepted++;
          expect(canonical(mine.value)).toStrictEqual(canonical(theirs.data));
        } else refused++;
      }),
      { numRuns: 4000, seed: 20261126 },
    );
    // Both outcomes must be common, or the comparison proves little.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('says what is wrong and where, in words', () => {
    const bad = (v: unknown) => {
      const r = parseProgress(v);
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    expect(bad({ version: 1, packs: { campaign: { l1: { solved: true, stars: 7, points: 0 } } } })).toBe('packs.campaign.l1.stars: expected a whole number from 0 to 3, found 7');
    expect(bad({ version: 2 })).toBe('version: expected 1, found 2');
    expect(bad({})).toBe('version: missing');
    expect(bad([])).toBe('expected an object, found a list');
    expect(bad({ version: 1, packs: { Campaign: {} } })).toBe('packs.Campaign: not a valid key: expected a lowercase id');
    expect(bad({ version: 1, settings: { locale: 'English' } })).toBe('settings.locale: expected a language tag such as "en" or "zh-CN", found "English"');
  });

  it('drops a "__proto__" key (JSON.parse makes it an ordinary key), so it never reaches a prototype', () => {
    const r = parseProgress(JSON.parse('{"version":1,"packs":{"__proto__":{"polluted":{}}, "campaign":{}}}'));
    expect(r.ok && r.value.packs).toStrictEqual({ campaign: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks a practice best on its own, as recordPractice does before saving one', () => {
    expect(isPracticeBest({ score: 10, accuracy: 0.5, perMinute: 3, date: '2026-11-26' })).toBe(true);
    expect(isPracticeBest({ score: 10, accuracy: 1.5, perMinute: 3, date: '2026-11-26' })).toBe(false);
  });
});
