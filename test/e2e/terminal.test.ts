import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_COLUMNS, MIN_ROWS } from '../../src/tui/model';

/**
 * The terminal is left as it was, whatever ends the game: the built bin/netquest.js runs from a
 * shell inside tmux; after a signal the shell's terminal must be back to normal (main screen,
 * cursor shown, echo and line editing on). Also: resizing below the minimum and back, TERM=dumb,
 * NO_COLOR, and no terminal at all. CI installs tmux (.ci/run); elsewhere, without it, skip.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.CI) throw new Error('tmux is required in CI: .ci/run should have installed it');

const bin = fileURLToPath(new URL('../../bin/netquest.js', import.meta.url));
// One tmux server per test: a server being killed cannot take the next test's session with it.
let runs = 0;
let server = `nq-term-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8' });
const screen = (...flags: string[]) => tmux('capture-pane', '-p', ...flags, '-t', 'term');
const paneFlag = (name: string) => tmux('display-message', '-p', '-t', 'term', `#{${name}}`).trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: RegExp, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (what.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`the screen never showed ${what}:\n${last}`);
}

let data = '';

/**
 * The game in a tmux window, run by a non-interactive `sh -c` that afterwards records the exit
 * status and `stty -a` in files. (An interactive bash would repair echo and line editing itself
 * after a job dies of a signal, hiding what the game left behind.) Returns the game's pid.
 */
async function startGame(env: string[] = [], redirect = '', prepare?: (dataDir: string) => void): Promise<number> {
  data = mkdtempSync(join(tmpdir(), 'nq-term-'));
  prepare?.(data);
  server = `nq-term-${process.pid}-${++runs}`;
  const game = `env -u CI -u CONTINUOUS_INTEGRATION XDG_DATA_HOME=${data} ${env.join(' ')} ${process.execPath} ${bin} ${redirect}`;
  const script = `${game}; echo $? > ${data}/status; stty -a > ${data}/stty; sleep 600`;
  tmux('new-session', '-d', '-s', 'term', '-x', '100', '-y', '30', `sh -c '${script}'`);
  const shell = Number(paneFlag('pane_pid'));
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const pid = childRunning(shell, 'netquest.js');
    if (pid) return pid;
    await sleep(50);
  }
  throw new Error('the game did not start');
}

/** The pid of a child of `parent` whose command line mentions `what`, from /proc (no procps needed). */
function childRunning(parent: number, what: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 4th field of stat, after "(comm)", which may itself hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(what)) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}

/** The game's exit status, once the shell has recorded it. */
async function exitStatus(): Promise<number> {
  const file = join(data, 'status');
  const end = Date.now() + 15_000;
  while (Date.now() < end && !existsSync(join(data, 'stty'))) await sleep(50);
  await sleep(100);
  return Number(readFileSync(file, 'utf8').trim());
}

/** echo and icanon as `stty -a` printed them after the game: "echo icanon" when restored, "-echo -icanon" when left raw. */
function sttyFlags(): string {
  const words = readFileSync(join(data, 'stty'), 'utf8').split(/[\s;]+/);
  return words.filter((w) => /^-?(echo|icanon)$/.test(w)).sort((x, y) => x.replace('-', '').localeCompare(y.replace('-', ''))).join(' ');
}

afterEach(() => {
  spawnSync('tmux', ['-L', server, 'kill-server']);
});

describe.skipIf(!hasTmux)('the terminal after the game (end to end)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: the game ends with the signal’s status and the terminal is restored', { timeout: 60_000 }, async (signal, status) => {
    const pid = await startGame();
    await waitFor(/Campaign/);
    expect(paneFlag('alternate_on')).toBe('1');
    process.kill(pid, signal);
    expect(await exitStatus()).toBe(status);
    expect(paneFlag('alternate_on')).toBe('0');
    expect(paneFlag('cursor_flag')).toBe('1');
    expect(sttyFlags()).toBe('echo icanon');
  });

  it('control: SIGKILL, which no program can catch, does leave the terminal broken (so the checks above can fail)', { timeout: 60_000 }, async () => {
    const pid = await startGame();
    await waitFor(/Campaign/);
    process.kill(pid, 'SIGKILL');
    expect(await exitStatus()).toBe(137);
    expect(paneFlag('alternate_on')).toBe('1');
    expect(paneFlag('cursor_flag')).toBe('0');
    expect(sttyFlags()).toBe('-echo -icanon');
  });

  it('ctrl+c quits cleanly (status 0) and restores the terminal', { timeout: 60_000 }, async () => {
    const pid = await startGame();
    await waitFor(/Campaign/);
    tmux('send-keys', '-t', 'term', 'C-c');
    expect(await exitStatus()).toBe(0);
    expect(paneFlag('alternate_on')).toBe('0');
    expect(paneFlag('cursor_flag')).toBe('1');
    expect(sttyFlags()).toBe('echo icanon');
  });

  it('keys typed while the game starts reach it as keys: Down and Enter sent before the first frame open Practice', { timeout: 60_000 }, async () => {
    await startGame();
    // The moment the game has the terminal in raw mode (icanon off), long before it draws.
    const tty = paneFlag('pane_tty');
    const end = Date.now() + 15_000;
    while (Date.now() < end && !/(^|\s)-icanon/.test(spawnSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }).stdout)) await sleep(5);
    const before = screen();
    tmux('send-keys', '-t', 'term', 'Down', 'Enter');
    // Sent before the title was drawn, or this would prove nothing about start-up.
    expect(before).not.toMatch(/Campaign/);
    await waitFor(/Timed practice/);
  });

  it('resized below the minimum it asks for a larger window; resized back, the menu returns', { timeout: 60_000 }, async () => {
    const pid = await startGame();
    await waitFor(/Campaign/);
    tmux('resize-window', '-t', 'term', '-x', String(MIN_COLUMNS - 10), '-y', String(MIN_ROWS - 4));
    await waitFor(new RegExp(`needs ${MIN_COLUMNS}.${MIN_ROWS}, this one is ${MIN_COLUMNS - 10}.${MIN_ROWS - 4}`));
    tmux('resize-window', '-t', 'term', '-x', '100', '-y', '30');
    const back = await waitFor(/Campaign/);
    expect(back).not.toMatch(/Make the window larger/);
    tmux('send-keys', '-t', 'term', 'C-c');
    expect(await exitStatus()).toBe(0);
  });

  it('NO_COLOR: not one colour escape on the screen, and the menu still reads', { timeout: 60_000 }, async () => {
    const pid = await startGame(['NO_COLOR=1']);
    await waitFor(/Campaign/);
    const escaped = screen('-e');
    // SGR colour parameters: 30–37, 40–47, 90–97, 100–107, 38;…, 48;…
    const colours = [...escaped.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';')).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    expect(colours).toEqual([]);
    tmux('send-keys', '-t', 'term', 'C-c');
    expect(await exitStatus()).toBe(0);
  });

  it('TERM=dumb: plain ASCII drawing, no alternate screen, and a clean exit', { timeout: 60_000 }, async () => {
    const pid = await startGame(['TERM=dumb']);
    const s = await waitFor(/Campaign/);
    expect(paneFlag('alternate_on')).toBe('0');
    expect(s).not.toMatch(/[╭╮╰╯│─]/);
    tmux('send-keys', '-t', 'term', 'C-c');
    expect(await exitStatus()).toBe(0);
    expect(paneFlag('cursor_flag')).toBe('1');
    expect(sttyFlags()).toBe('echo icanon');
  });
});

describe.skipIf(!hasTmux)('a damaged save at start (end to end)', () => {
  it('is set aside byte for byte with a notice on the title screen, and the game starts', { timeout: 60_000 }, async () => {
    const junk = '{"version":1,"packs":{"basics":{"l1":{"solved":tr';
    await startGame([], '', (d) => {
      mkdirSync(join(d, 'netquest'));
      writeFileSync(join(d, 'netquest', 'progress.json'), junk);
    });
    const s = await waitFor(/Campaign/);
    expect(s.replace(/\n/g, ' ')).toMatch(/damaged/);
    const files = readdirSync(join(data, 'netquest'));
    const backups = files.filter((f) => f.startsWith('progress.json.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(data, 'netquest', backups[0]!), 'utf8')).toBe(junk);
    expect(files).not.toContain('progress.json');
    tmux('send-keys', '-t', 'term', 'C-c');
    expect(await exitStatus()).toBe(0);
  });
});

describe.skipIf(!hasTmux)('half a terminal (end to end)', () => {
  it('stdout redirected to a file while stdin is the terminal: exits 1, says so on stderr, leaves the terminal alone', { timeout: 60_000 }, async () => {
    await startGame([], '> /dev/null');
    expect(await exitStatus()).toBe(1);
    expect(screen()).toMatch(/standard output is not one/);
    expect(paneFlag('alternate_on')).toBe('0');
    expect(sttyFlags()).toBe('echo icanon');
  });
});

describe('without a terminal', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION'));

  it('stdin not a terminal: exits 1 with a message pointing to the headless commands, writing nothing to stdout', () => {
    const r = spawnSync(process.execPath, [bin], { input: '', encoding: 'utf8', env, timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/needs an interactive terminal.*standard input is not one.*netquest check.*netquest --help/s);
  });
});
