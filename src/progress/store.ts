/**
 * The player's progress, settings and bests, kept in `$XDG_DATA_HOME/netquest/progress.json`.
 *
 * Rules this module keeps:
 * - never crash on what is on disk: a file that is not valid JSON or not our shape is moved
 *   aside byte for byte (`progress.json.bak-<timestamp>`) and the game starts fresh, with a
 *   notice for the player;
 * - never lose bytes: writes go to a temp file in the same folder, are fsynced, then renamed;
 *   a file we cannot read is never overwritten;
 * - several instances may run at once: every save takes a lock file, re-reads the file and
 *   merges, keeping the best of each figure, so one instance never erases another's results
 *   (see `withSaveLock` for why a lock and not only a compare-before-rename);
 * - a save killed at any moment (SIGKILL, power loss) leaves the old file or the new one,
 *   never a mix; its temp file and lock are cleaned up by the next save.
 * No React here: the screens call these functions and render what they return.
 */
import {
  closeSync,
  constants as fsConstants,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { isPracticeBest, parseProgress, PRACTICE_KEY, ID, type LevelBest, type PracticeBest, type PracticeProgress, type Progress, type Settings } from './save-format';
import { err, ok, type Result } from '../net/result';
import { writeFileAtomic } from './atomic-write';

export const PROGRESS_FILE = 'progress.json';
/** Thousands of levels fit in well under a megabyte; anything this big is not ours. */
const MAX_BYTES = 8 * 1024 * 1024;

export type { LevelBest, PracticeBest, PracticeProgress, PracticeTopicStats, Progress, Settings } from './save-format';
export { parseProgress } from './save-format';

export interface LevelResult {
  stars: number;
  points: number;
  seconds?: number;
  steps: number;
  /** Defaults to true: a result is recorded when a level is solved. */
  solved?: boolean;
}

export function emptyProgress(): Progress {
  return { version: 1, packs: {}, settings: {}, settingsChangedAt: 0 };
}

/** `$XDG_DATA_HOME/netquest`, or `~/.local/share/netquest`. A relative XDG_DATA_HOME is ignored, as the spec says. */
export function defaultProgressDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'netquest');
}

// ---- pure operations -------------------------------------------------------------------

export function levelBest(progress: Progress, packId: string, levelId: string): LevelBest | undefined {
  return Object.hasOwn(progress.packs, packId) ? progress.packs[packId]![levelId] : undefined;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** The best of each figure: solved wins, most stars and points, fastest time, fewest steps. */
export function mergeBest(a: LevelBest | undefined, b: LevelBest | undefined): LevelBest {
  if (!a) return b!;
  if (!b) return a;
  const out: LevelBest = { solved: a.solved || b.solved, stars: Math.max(a.stars, b.stars), points: Math.max(a.points, b.points) };
  const seconds = minDefined(a.bestSeconds, b.bestSeconds);
  const steps = minDefined(a.bestSteps, b.bestSteps);
  if (seconds !== undefined) out.bestSeconds = seconds;
  if (steps !== undefined) out.bestSteps = steps;
  return out;
}

/** Merges two progress records; on equal settings timestamps `b` (usually ours) wins. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const packs: Progress['packs'] = {};
  for (const side of [a, b]) {
    for (const [packId, levels] of Object.entries(side.packs)) {
      const into = (packs[packId] ??= {});
      for (const [levelId, best] of Object.entries(levels)) into[levelId] = mergeBest(into[levelId], best);
    }
  }
  const newer = b.settingsChangedAt >= a.settingsChangedAt ? b : a;
  const practice = mergePractice(a.practice, b.practice);
  return { version: 1, packs, settings: { ...newer.settings }, settingsChangedAt: newer.settingsChangedAt, ...(practice ? { practice } : {}) };
}

/** Each figure's best; the date stays with the best score (on a tie, the earlier day set it). */
export function mergePracticeBest(a: PracticeBest | undefined, b: PracticeBest | undefined): PracticeBest {
  if (!a) return b!;
  if (!b) return a;
  const date = a.score > b.score ? a.date : b.score > a.score ? b.date : a.date < b.date ? a.date : b.date;
  return { score: Math.max(a.score, b.score), accuracy: Math.max(a.accuracy, b.accuracy), perMinute: Math.max(a.perMinute, b.perMinute), date };
}

/**
 * Practice merges like the rest: idempotent, because a save merges the disk with an in-memory
 * copy that already holds what was on disk. So per-topic counters are never summed (that would
 * count a session twice): the record with more attempts wins whole, keeping attempts, correct
 * and box consistent (on a tie, `b`'s). Bests keep the best of each figure.
 */
function mergePractice(a: PracticeProgress | undefined, b: PracticeProgress | undefined): PracticeProgress | undefined {
  if (!a) return b;
  if (!b) return a;
  const topics: PracticeProgress['topics'] = { ...a.topics };
  for (const [id, t] of Object.entries(b.topics)) {
    const other = Object.hasOwn(topics, id) ? topics[id] : undefined;
    topics[id] = other && other.attempts > t.attempts ? other : t;
  }
  const bests: PracticeProgress['bests'] = { ...a.bests };
  for (const [key, best] of Object.entries(b.bests)) bests[key] = mergePracticeBest(Object.hasOwn(bests, key) ? bests[key] : undefined, best);
  return { topics, bests };
}

export interface PracticeResult {
  /** The session's topics (ids) and length. */
  readonly topics: readonly string[];
  readonly minutes: number;
  readonly score: number;
  readonly accuracy: number;
  readonly perMinute: number;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** This session's answers per topic, and each topic's box at its end. */
  readonly perTopic: Readonly<Record<string, { readonly attempts: number; readonly correct: number; readonly box: number }>>;
}

export function practiceKey(topics: readonly string[], minutes: number): string {
  return `${[...new Set(topics)].sort().join('+')}@${Math.round(minutes)}`;
}

/** Returns new progress with a finished session folded in: topic counters added, boxes replaced, bests kept. */
export function recordPractice(progress: Progress, result: PracticeResult): Progress {
  const key = practiceKey(result.topics, result.minutes);
  if (!PRACTICE_KEY.test(key) || result.topics.some((t) => !ID.test(t))) throw new RangeError(`not a practice session key: ${key}`);
  const clampInt = (n: number, max: number) => Math.max(0, Math.min(max, Math.round(n)));
  const before = progress.practice ?? { topics: {}, bests: {} };
  const topics = { ...before.topics };
  let answered = 0;
  for (const [id, t] of Object.entries(result.perTopic)) {
    if (!ID.test(id)) throw new RangeError(`not a topic id: ${id}`);
    const old = Object.hasOwn(topics, id) ? topics[id]! : { attempts: 0, correct: 0, box: 1 };
    const attempts = clampInt(t.attempts, 1_000_000_000);
    answered += attempts;
    topics[id] = {
      attempts: clampInt(old.attempts + attempts, 1_000_000_000),
      correct: clampInt(old.correct + Math.min(t.correct, attempts), 1_000_000_000),
      box: Math.max(1, Math.min(5, Math.round(t.box))),
    };
  }
  const bests = { ...before.bests };
  // A session with no answer sets no record.
  if (answered > 0) {
    const best: PracticeBest = {
      score: clampInt(result.score, 1_000_000_000),
      accuracy: Math.max(0, Math.min(1, result.accuracy)),
      perMinute: Math.max(0, Math.min(10_000, result.perMinute)),
      date: result.date,
    };
    if (!isPracticeBest(best)) throw new RangeError(`not a practice result: ${JSON.stringify(best)}`);
    bests[key] = mergePracticeBest(Object.hasOwn(bests, key) ? bests[key] : undefined, best);
  }
  return { ...progress, practice: { topics, bests } };
}

/** Returns new progress with the result folded into the level's bests. */
export function recordResult(progress: Progress, packId: string, levelId: string, result: LevelResult): Progress {
  if (!ID.test(packId) || !ID.test(levelId)) throw new RangeError(`not a pack/level id: ${packId}/${levelId}`);
  const solved = result.solved ?? true;
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max, Math.round(n)));
  const best: LevelBest = { solved, stars: clamp(result.stars, 3), points: clamp(result.points, 1_000_000_000) };
  // Time and steps only count for a solve: failing fast is not a record.
  if (solved && result.seconds !== undefined && Number.isFinite(result.seconds)) best.bestSeconds = Math.max(0, result.seconds);
  if (solved) best.bestSteps = clamp(result.steps, 1_000_000);
  const pack = { ...(progress.packs[packId] ?? {}) };
  pack[levelId] = mergeBest(pack[levelId], best);
  return { ...progress, packs: { ...progress.packs, [packId]: pack } };
}

export function updateSettings(progress: Progress, patch: Partial<Settings>, now = Date.now()): Progress {
  const settings: Settings = { ...progress.settings };
  for (const [k, v] of Object.entries(patch) as [keyof Settings, Settings[keyof Settings]][]) {
    if (v === undefined) delete settings[k];
    else (settings as Record<string, unknown>)[k] = v;
  }
  // Strictly increasing, so a change made in the same millisecond as the last still wins.
  return { ...progress, settings, settingsChangedAt: Math.max(now, progress.settingsChangedAt + 1) };
}

// ---- reading ---------------------------------------------------------------------------

type DiskState =
  | { kind: 'missing' }
  | { kind: 'ok'; progress: Progress }
  /** Readable bytes that are not a progress file: safe to move aside. */
  | { kind: 'corrupt'; reason: string }
  /** Cannot even read it (permissions, a folder…): leave it alone and do not overwrite. */
  | { kind: 'unreadable'; reason: string };

function readState(file: string): DiskState {
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
    if (st.size > MAX_BYTES) return { kind: 'corrupt', reason: `it is ${st.size} bytes, far too big for a progress file` };
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: code ?? (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    return { kind: 'corrupt', reason: `it is not valid JSON (${(e as Error).message})` };
  }
  const p = parseProgress(json);
  return p.ok ? { kind: 'ok', progress: p.value } : { kind: 'corrupt', reason: p.error };
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves the file to `<file>.bak-<timestamp>` without ever replacing an existing file:
 * a hard link refuses an existing name, and the original goes only once the copy exists.
 */
function setAside(file: string): Result<string, string> {
  const stamp = timestamp();
  for (let n = 0; n < 100; n++) {
    const bak = `${file}.bak-${stamp}${n ? `-${n}` : ''}`;
    try {
      try {
        linkSync(file, bak);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // No hard links here (some file systems): an exclusive copy keeps the same promise.
        copyFileSync(file, bak, fsConstants.COPYFILE_EXCL);
      }
      unlinkSync(file);
      return ok(bak);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return err((e as Error).message);
    }
  }
  return err('too many backups with the same timestamp');
}

export interface LoadOutcome {
  progress: Progress;
  /** Something the player should know (a file set aside, a file we cannot read). */
  notice?: string;
}

function recover(file: string, state: DiskState): LoadOutcome {
  switch (state.kind) {
    case 'missing':
      return { progress: emptyProgress() };
    case 'ok':
      return { progress: state.progress };
    case 'unreadable':
      return { progress: emptyProgress(), notice: `Cannot read your progress file ${file} (${state.reason}); playing without saving this time.` };
    case 'corrupt': {
      const moved = setAside(file);
      if (!moved.ok) {
        return { progress: emptyProgress(), notice: `Your progress file ${file} is damaged (${state.reason}) and could not be set aside (${moved.error}); playing without saving this time.` };
      }
      return { progress: emptyProgress(), notice: `Your progress file was damaged (${state.reason}). It is kept as ${moved.value}; starting with fresh progress.` };
    }
  }
}

/** Loads progress from `dir` (default: the XDG data folder). Never throws. */
export function loadProgress(dir: string = defaultProgressDir()): LoadOutcome {
  const file = join(dir, PROGRESS_FILE);
  return recover(file, readState(file));
}

// ---- writing ---------------------------------------------------------------------------

export { writeFileAtomic };

function serialize(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return 'none';
  }
}

export interface SaveOutcome {
  /** What is now on disk: ours merged with what another instance saved meanwhile. */
  progress: Progress;
  notice?: string;
}

// ---- the save lock ---------------------------------------------------------------------
//
// Why a lock: re-read, merge, then rename only if the file did not change (the stamp check
// below) still leaves a window between the check and the rename in which another instance
// can rename its own merge, which ours then replaces: its result is lost. An exclusive lock
// file (O_CREAT|O_EXCL, atomic on local file systems) around read-merge-rename closes that
// window. A save takes milliseconds; a lock whose owner is dead (killed mid-save) or that is
// older than LOCK_STALE_MS is taken over. If the lock cannot be had within LOCK_WAIT_MS the
// save goes ahead with the stamp check alone: a tiny race is better than losing the result.

const LOCK_WAIT_MS = 3000;
const LOCK_STALE_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock (or temp file) left by a process that no longer runs, or held far longer than any save. */
function lockIsStale(lock: string): boolean {
  try {
    const text = readFileSync(lock, 'utf8');
    const pid = Number(text.split(' ')[0]);
    // An empty file: the owner died between creating and writing it, or is writing now.
    if (text.length > 0 && !pidAlive(pid)) return true;
    return Date.now() - statSync(lock).mtimeMs > (text.length > 0 ? LOCK_STALE_MS : 1000);
  } catch {
    return false; // gone already: the next attempt will create it
  }
}

function tryLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid} ${Date.now()}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Runs `fn` holding `<file>.lock` when it can be had (see above); `fn` learns whether it held it. */
function withSaveLock<T>(file: string, fn: (locked: boolean) => T): T {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const end = Date.now() + LOCK_WAIT_MS;
  let locked = false;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    if (tryLock(lock)) {
      locked = true;
      break;
    }
    if (lockIsStale(lock)) {
      // Two instances may both see the same stale lock; the loser of the unlink retries and
      // finds the winner's fresh lock. (Both unlinking in turn needs the winner to lock between
      // them; the stamp check below still guards that case.)
      try {
        unlinkSync(lock);
      } catch {
        // someone else took it over first
      }
      continue;
    }
    if (Date.now() >= end) break;
    sleepMs(wait);
  }
  try {
    return fn(locked);
  } finally {
    if (locked) {
      try {
        unlinkSync(lock);
      } catch {
        // best effort
      }
    }
  }
}

/** Temp files of saves that were killed before their rename: `.<name>.<pid>.<hex>.tmp` with a dead pid. */
function removeOrphanTemps(file: string): void {
  const dir = dirname(file);
  const prefix = `.${file.slice(dir.length + 1)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid === process.pid || pidAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // best effort
    }
  }
}

/**
 * Saves progress, merging with what is on disk first so results saved by another running
 * instance are kept. Returns the merged progress (adopt it), or a message when saving is
 * impossible; never throws.
 */
export function saveProgress(dir: string | undefined, progress: Progress): Result<SaveOutcome, string> {
  const file = join(dir ?? defaultProgressDir(), PROGRESS_FILE);
  try {
    return withSaveLock(file, (locked) => {
      if (locked) removeOrphanTemps(file);
      return mergeAndWrite(file, progress);
    });
  } catch (e) {
    return err(`cannot save progress to ${file}: ${(e as Error).message}`);
  }
}

function mergeAndWrite(file: string, progress: Progress): Result<SaveOutcome, string> {
  let notice: string | undefined;
  // Optimistic concurrency as a second guard (another instance that could not get the lock,
  // or a hand edit): if the file changed while we merged, merge again.
  for (let attempt = 0; attempt < 5; attempt++) {
    let before = fileStamp(file);
    const state = readState(file);
    if (state.kind === 'unreadable') return err(`cannot save progress: ${file} cannot be read (${state.reason}) and will not be overwritten`);
    const disk = recover(file, state);
    notice ??= disk.notice;
    if (state.kind === 'corrupt') {
      before = fileStamp(file);
      // Setting it aside failed: overwriting would lose the player's bytes.
      if (before !== 'none') return err(`cannot save progress: ${file} is damaged and could not be set aside`);
    }
    const merged = mergeProgress(disk.progress, progress);
    try {
      if (!writeFileAtomic(file, serialize(merged), () => fileStamp(file) === before)) continue;
    } catch (e) {
      return err(`cannot save progress to ${file}: ${(e as Error).message}`);
    }
    return ok(notice ? { progress: merged, notice } : { progress: merged });
  }
  return err(`cannot save progress: ${file} keeps changing`);
}

// ---- export and import -----------------------------------------------------------------

/** Writes the saved progress (from `dir`) to `file`, in the same format as progress.json. */
export function exportProgress(file: string, dir?: string): Result<{ levels: number }, string> {
  const { progress } = loadProgress(dir);
  try {
    writeFileAtomic(file, serialize(progress));
  } catch (e) {
    return err(`cannot write ${file}: ${(e as Error).message}`);
  }
  return ok({ levels: countLevels(progress) });
}

/** Reads a progress export and merges it into the saved progress (best of each figure). */
export function importProgress(file: string, dir?: string): Result<{ progress: Progress; levels: number }, string> {
  const state = readState(file);
  switch (state.kind) {
    case 'missing':
      return err(`${file}: no such file`);
    case 'unreadable':
      return err(`${file}: cannot read it (${state.reason})`);
    case 'corrupt':
      return err(`${file} is not a netquest progress file: ${state.reason}`);
  }
  const saved = saveProgress(dir, state.progress);
  if (!saved.ok) return saved;
  return ok({ progress: saved.value.progress, levels: countLevels(state.progress) });
}

function countLevels(progress: Progress): number {
  return Object.values(progress.packs).reduce((n, levels) => n + Object.keys(levels).length, 0);
}
