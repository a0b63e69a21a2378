/**
 * The progress file's format, and its validation. Written out by hand rather than with zod
 * because the save is read before the game's first frame, and zod (even zod/mini, whose core
 * brings every locale into the bundle beside the level loader's zod) was a third of what
 * start-up spent beyond a bare Ink app. test/progress/save-format.test.ts holds this validator to
 * the zod schema it replaced, on thousands of generated files: same accepted, same values.
 *
 * Unknown keys are dropped rather than refused, so a file from a newer minor version or a
 * harmless hand edit still loads; wrong types or out-of-range numbers are refused.
 */
import { err, ok, type Result } from '../net/result';

export interface LevelBest {
  solved: boolean;
  stars: number;
  points: number;
  /** Fastest solve, seconds. */
  bestSeconds?: number;
  /** Fewest steps in a solve. */
  bestSteps?: number;
}

export interface Settings {
  locale?: string;
  reducedMotion?: boolean;
  unlockAll?: boolean;
}

/** Timed practice, per topic: how often asked and answered right, and its Leitner box (1–5). */
export interface PracticeTopicStats {
  attempts: number;
  correct: number;
  box: number;
}

/** Personal bests of one kind of session (a set of topics and a length), each figure its own best. */
export interface PracticeBest {
  score: number;
  accuracy: number;
  perMinute: number;
  /** The day the best score was set, YYYY-MM-DD. */
  date: string;
}

export interface PracticeProgress {
  topics: Record<string, PracticeTopicStats>;
  bests: Record<string, PracticeBest>;
}

export interface Progress {
  version: 1;
  packs: Record<string, Record<string, LevelBest>>;
  settings: Settings;
  /** When the settings last changed (ms since epoch): the newer settings win a merge. */
  settingsChangedAt: number;
  /** Optional: saves from before timed practice have none, and still load. */
  practice?: PracticeProgress;
}

export const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** "arp+subnet@5": the session's topics, sorted, and its minutes. */
export const PRACTICE_KEY = /^[a-z0-9][a-z0-9-]{0,63}(\+[a-z0-9][a-z0-9-]{0,63}){0,31}@\d{1,3}$/;

/** A problem found at a path: thrown inside the validator, caught once at its edge. */
class Invalid extends Error {
  constructor(readonly path: readonly string[], readonly what: string) {
    super(what);
  }
}

type Path = readonly string[];
type Read<T> = (value: unknown, path: Path) => T;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"` : typeof v === 'object' ? 'an object' : String(v));

function record(v: unknown, path: Path): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, `expected an object, found ${describe(v)}`);
  return v as Record<string, unknown>;
}

const bool: Read<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new Invalid(path, `expected true or false, found ${describe(v)}`);
  return v;
};

const number = (min: number, max: number, whole: boolean): Read<number> => (v, path) => {
  const ok = typeof v === 'number' && Number.isFinite(v) && (!whole || Number.isSafeInteger(v)) && v >= min && v <= max;
  if (!ok) throw new Invalid(path, `expected ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, found ${describe(v)}`);
  return v;
};
const count = (max: number) => number(0, max, true);

const text = (re: RegExp, what: string): Read<string> => (v, path) => {
  if (typeof v !== 'string' || !re.test(v)) throw new Invalid(path, `expected ${what}, found ${describe(v)}`);
  return v;
};

/** Reads the fields of a shape; absent optional fields stay absent, unknown keys are dropped. */
function object<T>(fields: { [K in keyof T]-?: { read: Read<T[K]>; optional?: boolean; fallback?: () => T[K] } }): Read<T> {
  return (v, path) => {
    const o = record(v, path);
    const out: Record<string, unknown> = {};
    for (const [key, f] of Object.entries(fields) as [string, { read: Read<unknown>; optional?: boolean; fallback?: () => unknown }][]) {
      const value = Object.hasOwn(o, key) ? o[key] : undefined;
      if (value === undefined) {
        if (f.fallback) out[key] = f.fallback();
        else if (!f.optional) throw new Invalid([...path, key], 'missing');
        continue;
      }
      out[key] = f.read(value, [...path, key]);
    }
    return out as T;
  };
}

/** An object used as a map: every key must match `key`, every value `read`. */
function map<T>(key: RegExp, keyWhat: string, read: Read<T>): Read<Record<string, T>> {
  return (v, path) => {
    const o = record(v, path);
    const out: Record<string, T> = {};
    for (const k of Object.keys(o)) {
      // JSON.parse makes "__proto__" an ordinary key; it is dropped (as zod does), never copied.
      if (k === '__proto__') continue;
      if (!key.test(k)) throw new Invalid([...path, k], `not a valid key: expected ${keyWhat}`);
      out[k] = read(o[k], [...path, k]);
    }
    return out;
  };
}

const req = <T>(read: Read<T>) => ({ read });
const opt = <T>(read: Read<T>) => ({ read, optional: true as const });
const orElse = <T>(read: Read<T>, fallback: () => T) => ({ read, fallback });

const levelBest = object<LevelBest>({
  solved: req(bool),
  stars: req(count(3)),
  points: req(count(1_000_000_000)),
  bestSeconds: opt(number(0, 10_000_000, false)),
  bestSteps: opt(count(1_000_000)),
});

const settings = object<Settings>({
  locale: opt(text(LOCALE, 'a language tag such as "en" or "zh-CN"')),
  reducedMotion: opt(bool),
  unlockAll: opt(bool),
});

const practiceTopic = object<PracticeTopicStats>({
  attempts: req(count(1_000_000_000)),
  correct: req(count(1_000_000_000)),
  box: req(number(1, 5, true)),
});

const practiceBest = object<PracticeBest>({
  score: req(count(1_000_000_000)),
  accuracy: req(number(0, 1, false)),
  perMinute: req(number(0, 10_000, false)),
  date: req(text(DATE, 'a date YYYY-MM-DD')),
});

const ids = 'a lowercase id';
const practice = object<PracticeProgress>({
  topics: orElse(map(ID, ids, practiceTopic), () => ({})),
  bests: orElse(map(PRACTICE_KEY, 'topics@minutes, such as "arp+subnet@5"', practiceBest), () => ({})),
});

const progress = object<Progress>({
  version: req((v, path) => {
    if (v !== 1) throw new Invalid(path, `expected 1, found ${describe(v)}`);
    return 1 as const;
  }),
  packs: orElse(map(ID, ids, map(ID, ids, levelBest)), () => ({})),
  settings: orElse(settings, () => ({})),
  settingsChangedAt: orElse(number(0, Number.MAX_SAFE_INTEGER, true), () => 0),
  practice: opt(practice),
});

function validated<T>(read: Read<T>, value: unknown): Result<T, string> {
  try {
    return ok(read(value, []));
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return err(e.path.length > 0 ? `${e.path.join('.')}: ${e.what}` : e.what);
  }
}

/** Validates parsed JSON as progress; the message says what is wrong, and where, in a line. */
export function parseProgress(value: unknown): Result<Progress, string> {
  return validated(progress, value);
}

export function isPracticeBest(value: unknown): value is PracticeBest {
  return validated(practiceBest, value).ok;
}
