/**
 * Loading levels and packs from files: untrusted input. Every problem becomes a located
 * message (file:line:column), never an exception: sizes are bounded, binary junk and alias
 * bombs are refused, unknown keys get a "did you mean", and addresses are checked by the
 * engine's own parsers.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, constants as fsConstants } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../net/result';
import { formatPath, locate, parseSource, type Located, type ParsedSource } from '../util/source-location';
import { buildTopology, editDistance, type Path, type Problem } from './build';
import { checkReferences } from './references';
import { levelSchema, packSchema, type LevelFile, type PackFile } from './schema';
import { findTooDeep, MAX_NESTING } from './yaml-depth';
import { quickParse } from '../util/quick-yaml';

/** A level file is a page of YAML; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadedLevel {
  readonly file: string;
  readonly level: LevelFile;
  readonly source: ParsedSource;
  /** Locates a path inside the file, for problems found later (e.g. by `check`). */
  at(path: Path, message: string): Located;
}

export function readBounded(file: string): Result<string, Located> {
  const where = (message: string): Located => ({ file, line: 1, column: 1, message });
  let buf: Buffer;
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not hang waiting for a writer; it is refused below.
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return err(where('this is a folder; give a level file, or a pack folder where a pack is expected'));
    return err(where(code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (e as Error).message})`));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return err(where('this is a folder; give a level file, or a pack folder where a pack is expected'));
    // A pipe, socket or device (/dev/zero, /dev/random) could block or never end.
    if (!st.isFile()) return err(where('this is not a regular file (a pipe, socket or device?); give a level file'));
    if (st.size > MAX_FILE_BYTES) return err(where(`the file is ${(st.size / 1024 / 1024).toFixed(1)} MiB; a level file may be at most 1 MiB`));
    // Read at most one byte past the limit, so a file that grows after the size check is still bounded.
    buf = Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES) + 1);
    let got = 0;
    for (let r = 1; r > 0 && got < buf.length; got += r) r = readSync(fd, buf, got, buf.length - got, got);
    if (got > MAX_FILE_BYTES) return err(where('the file is over 1 MiB (it grew while being read); a level file may be at most 1 MiB'));
    buf = buf.subarray(0, got);
  } catch (e) {
    return err(where(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
  } finally {
    closeSync(fd);
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const before = buf.subarray(0, nul).toString('utf8');
    const line = before.split('\n').length;
    return err({ file, line, column: nul - before.lastIndexOf('\n'), message: 'this is binary data, not a YAML or JSON text file' });
  }
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) return err(where('the file is not valid UTF-8 text'));
  return ok(text);
}

/**
 * Parses untrusted YAML, refusing first what would make the parser slow or huge (see
 * yaml-depth.ts). Anything reading YAML a stranger wrote should use this, not parseSource.
 */
export function parseUntrusted(text: string, file: string): ReturnType<typeof parseSource> {
  const deep = findTooDeep(text);
  if (deep) return err({ file, line: deep.line, column: deep.column, message: `the file nests more than ${MAX_NESTING} levels deep here; a level needs far fewer` });
  const parsed = parseSource(text, file);
  if (!parsed.ok && /alias count/i.test(parsed.error.message)) {
    // The parser's words ("resource exhaustion attack") and 1:1 become a position and a reason.
    const at = /(^|[\s[{,])\*[^\s,\]}]/m.exec(text);
    const before = text.slice(0, at ? at.index + at[1]!.length : 0);
    const line = before.split('\n').length;
    return err({ file, line, column: before.length - before.lastIndexOf('\n'), message: 'its aliases (*name) expand to too many values; a level file does not need aliases repeated this much' });
  }
  return parsed;
}

/** Every key the formats know, for "did you mean". */
const KNOWN_KEYS = collectKeys([levelSchema, packSchema]);

function collectKeys(schemas: readonly z.ZodType[]): string[] {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape) for (const [k, v] of Object.entries(shape)) {
      keys.add(k);
      walk(v);
    }
    for (const k of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right', 'schema']) walk(def[k]);
    for (const k of ['options', 'items']) if (Array.isArray(def[k])) (def[k] as unknown[]).forEach(walk);
  };
  schemas.forEach(walk);
  return [...keys];
}

function zodProblems(error: z.ZodError): Problem[] {
  // A misspelt key shows up twice: as an unknown key and as a required one missing. The unknown key, with its
  // "did you mean", is the useful message, so it comes first and the missing twin is dropped.
  const unknown = error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ path: i.path.join('.'), k })) : []));
  const issues = error.issues
    .filter((i) => !(i.code === 'invalid_type' && i.input === undefined && unknown.some((u) => u.path === i.path.slice(0, -1).join('.') && editDistance(u.k, String(i.path.at(-1))) <= 2)))
    .sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const close = KNOWN_KEYS.filter((k) => editDistance(k, key) <= 2).sort((a, b) => editDistance(a, key) - editDistance(b, key))[0];
      return { path: [...issue.path, key] as Path, message: `unknown key '${key}'${close ? ` (did you mean '${close}'?)` : ''}` };
    }
    return { path: issue.path as Path, message: issue.message };
  });
}

function located(source: ParsedSource, problems: readonly Problem[]): Located[] {
  return problems.map((p) => ({
    file: source.file,
    ...locate(source, p.path),
    message: p.path.length > 0 ? `${formatPath(p.path)}: ${p.message}` : p.message,
  }));
}

export function loadLevelText(text: string, file: string): Result<LoadedLevel, Located[]> {
  const quick = loadQuickly(text, file);
  return quick ? ok(quick) : loadCarefully(text, file);
}

/**
 * Most levels have nothing to report, and positions are only for reports: read them with the
 * fast parser, and find positions later if something (a check, say) needs one. Undefined when
 * anything is amiss, so that the careful reading decides and locates what is wrong.
 */
function loadQuickly(text: string, file: string): LoadedLevel | undefined {
  if (findTooDeep(text)) return undefined;
  const quick = quickParse(text);
  if (!quick) return undefined;
  const v = levelSchema.safeParse(quick.value);
  if (!v.success) return undefined;
  const built = buildTopology(v.data);
  if (built.problems.length > 0 || checkReferences(v.data, built.sim).length > 0) return undefined;
  let source: ParsedSource | undefined;
  const positions = (): ParsedSource | undefined => {
    // The two parsers agree on every text the fast one reads (test/util/quick-yaml.test.ts); were
    // they ever to differ, problems would still be reported, at the top of the file.
    if (!source) {
      const p = parseUntrusted(text, file);
      if (p.ok) source = p.value;
    }
    return source;
  };
  return loaded(file, v.data, positions);
}

function loadCarefully(text: string, file: string): Result<LoadedLevel, Located[]> {
  const parsed = parseUntrusted(text, file);
  if (!parsed.ok) return err([parsed.error]);
  const source = parsed.value;
  const v = levelSchema.safeParse(source.value);
  if (!v.success) return err(located(source, zodProblems(v.error).slice(0, 20)));
  const level = v.data;
  const built = buildTopology(level);
  const problems = [...built.problems, ...checkReferences(level, built.sim)];
  if (problems.length > 0) return err(located(source, problems));
  return ok(loaded(file, level, () => source));
}

function loaded(file: string, level: LevelFile, positions: () => ParsedSource | undefined): LoadedLevel {
  return {
    file,
    level,
    get source() {
      const source = positions();
      if (!source) throw new Error(`${file}: read by the fast YAML parser but refused by the careful one`);
      return source;
    },
    at: (path, message) => {
      const source = positions();
      return { file, ...(source ? locate(source, path) : { line: 1, column: 1 }), message: path.length > 0 ? `${formatPath(path)}: ${message}` : message };
    },
  };
}

export function loadLevelFile(file: string): Result<LoadedLevel, Located[]> {
  const text = readBounded(file);
  if (!text.ok) return err([text.error]);
  return loadLevelText(text.value, file);
}

export interface LoadedPack {
  readonly dir: string;
  readonly file: string;
  readonly pack: PackFile;
  readonly chapters: readonly { id: string; title: PackFile['name']; levels: readonly LoadedLevel[] }[];
}

/**
 * Loads a pack folder: its pack.yaml and every level it lists. A listed path may not leave
 * the folder, directly or through a symbolic link.
 */
export function loadPack(dir: string): Result<LoadedPack, Located[]> {
  const file = join(dir, 'pack.yaml');
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return err([{ file: dir, line: 1, column: 1, message: 'the pack folder cannot be read' }]);
  }
  // pack.yaml itself may not be a link to a file elsewhere either.
  try {
    if (relative(root, realpathSync(file)).startsWith('..')) return err([{ file, line: 1, column: 1, message: 'pack.yaml is a symbolic link leading outside the pack folder, which a pack may not reach' }]);
  } catch {
    // missing or unreadable: readBounded says which
  }
  const text = readBounded(file);
  if (!text.ok) return err([text.error]);
  const parsed = parseUntrusted(text.value, file);
  if (!parsed.ok) return err([parsed.error]);
  const source = parsed.value;
  const v = packSchema.safeParse(source.value);
  if (!v.success) return err(located(source, zodProblems(v.error).slice(0, 20)));
  const pack = v.data;
  const groups = pack.chapters ?? [{ id: 'levels', title: pack.name, levels: pack.levels! }];
  const problems: Located[] = [];
  const chapters = groups.map((g, gi) => {
    const levels: LoadedLevel[] = [];
    g.levels.forEach((rel, li) => {
      const path: Path = pack.chapters ? ['chapters', gi, 'levels', li] : ['levels', li];
      const here = (message: string): Located => ({ file, ...locate(source, path), message: `${formatPath(path)}: ${message}` });
      if (isAbsolute(rel)) return problems.push(here(`'${rel}' is an absolute path; list level files relative to the pack folder`));
      const full = resolve(root, rel);
      if (relative(root, full).startsWith('..')) return problems.push(here(`'${rel}' points outside the pack folder`));
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        return problems.push(here(`'${rel}' does not exist`));
      }
      if (relative(root, real).startsWith('..')) {
        const how = lstatSync(full).isSymbolicLink() ? 'a symbolic link' : 'inside a linked folder';
        return problems.push(here(`'${rel}' is ${how} leading outside the pack folder, which a pack may not reach`));
      }
      const level = loadLevelFile(full);
      if (!level.ok) problems.push(...level.error);
      else levels.push(level.value);
    });
    return { id: g.id, title: g.title, levels };
  });
  const ids = new Map<string, string>();
  for (const c of chapters) for (const l of c.levels) {
    const prev = ids.get(l.level.id);
    if (prev) problems.push(l.at(['id'], `level id '${l.level.id}' is also used by ${relative(dir, prev)}`));
    ids.set(l.level.id, l.file);
  }
  if (problems.length > 0) return err(problems);
  return ok({ dir, file, pack, chapters });
}

export function isPackDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && statSync(join(path, 'pack.yaml')).isFile();
  } catch {
    return false;
  }
}

