/**
 * `netquest` with no arguments: the game in the terminal. Refuses politely without a
 * terminal, and always leaves the terminal as it found it: cursor shown, alternate screen
 * left, raw mode off, on quit, Ctrl+C, SIGINT/SIGTERM/SIGHUP and exceptions alike.
 */
import { takeOverTerminal, whyNoGame } from './terminal';
import { render } from 'ink';
import { App } from './App';
import { defaultProgressDir, loadProgress, saveProgress, type Progress } from '../progress/store';
import { ThemeContext, themeFromEnv } from './theme';
import type { LevelRef, PackView } from './types';
import type { Screen } from './nav';

export interface StartTuiOptions {
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly packs: readonly PackView[];
  /** Where progress.json lives (default: $XDG_DATA_HOME/netquest). */
  readonly progressDir?: string;
  /** The player's language (e.g. from detectLocale); the Settings screen can override it. */
  readonly locale?: string;
  /** For NO_COLOR, TERM, CI and XDG_DATA_HOME (default: process.env, which is what Ink reads). */
  readonly env?: NodeJS.ProcessEnv;
  /** Plays a level; until the level screen exists, a preview is shown instead. */
  readonly onPlay?: (ref: LevelRef) => void;
  /** A screen to open over the menu at start (`netquest practice`). */
  readonly start?: Screen;
  /** Loads a pack folder for "Open a level pack…": the pack or a message. */
  readonly openPack?: (path: string) => PackView | string;
  /** Draw on the alternate screen, like htop (default: yes, except on TERM=dumb). */
  readonly altScreen?: boolean;
  /** Route stray console output above the frame (default: yes; test runners replace console). */
  readonly patchConsole?: boolean;
}

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR = '\x1b[2J\x1b[H';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs the game until the player quits. Resolves to undefined, or to a message (and without
 * touching the terminal) when there is no interactive terminal to run in.
 */
export async function startTui(opts: StartTuiOptions): Promise<string | undefined> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const env = opts.env ?? process.env;
  const refused = whyNoGame(stdin, stdout, env);
  if (refused) return refused;

  const dir = opts.progressDir ?? defaultProgressDir(env);
  const loaded = loadProgress(dir);
  const theme = themeFromEnv(env);
  const alt = opts.altScreen ?? env.TERM !== 'dumb';
  const persist = (p: Progress) => saveProgress(dir, p);

  let lastSize = `${stdout.columns}x${stdout.rows}`;
  const onResize = () => {
    const now = `${stdout.columns}x${stdout.rows}`;
    if (now === lastSize) return;
    lastSize = now;
    // Ink only erases the lines it drew, so a smaller window keeps stale ones (ink#711,
    // #942). Registered before Ink's own listener, so Ink redraws right after the clear,
    // and the frame always changes with the size (header, frame height), so it does redraw.
    if (alt) stdout.write(CLEAR);
  };

  takeOverTerminal();
  if (alt) stdout.write(ENTER_ALT);
  stdout.on('resize', onResize);
  let instance: ReturnType<typeof render> | undefined;
  let restored = false;
  const handlers = SIGNALS.map((sig) => [sig, () => {
    restore();
    // Die of the same signal, as the shell expects, now that the terminal is clean.
    process.kill(process.pid, sig);
  }] as const);
  // Someone calling process.exit() mid-game: still give the terminal back (writes to a TTY
  // are synchronous, so this lands before the process ends).
  const onExit = () => restore();
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.off('resize', onResize);
    for (const [sig, h] of handlers) process.off(sig, h);
    process.off('exit', onExit);
    instance?.unmount();
    stdout.write(SHOW_CURSOR + (alt ? LEAVE_ALT : ''));
  };
  for (const [sig, h] of handlers) process.on(sig, h);
  process.on('exit', onExit);

  try {
    instance = render(
      <ThemeContext.Provider value={theme}>
        <App packs={opts.packs} progress={loaded.progress} notice={loaded.notice} locale={opts.locale} persist={persist} onPlay={opts.onPlay} openPack={opts.openPack} start={opts.start} />
      </ThemeContext.Provider>,
      // Ctrl+C reaches the app, which quits cleanly; 60 fps keeps fast typing responsive.
      { stdin, stdout, exitOnCtrlC: false, maxFps: 60, patchConsole: opts.patchConsole ?? true },
    );
    await instance.waitUntilExit();
  } finally {
    restore();
  }
  return undefined;
}
