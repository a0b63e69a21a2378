/**
 * Whether the game can run in this terminal, checked before anything heavy is loaded: without
 * a terminal the message should come at once, not after the campaign and Ink have loaded.
 * Plain TS (no Ink), so the command line can ask first.
 */
export function whyNoGame(stdin: { isTTY?: boolean; setRawMode?: unknown }, stdout: { isTTY?: boolean }, env: NodeJS.ProcessEnv): string | undefined {
  // Ink needs raw mode for keys, and throws without it (ink#378).
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    return 'netquest: the game needs an interactive terminal, and standard input is not one. Commands like `netquest check` and `netquest play --script` work without one: see `netquest --help`.';
  }
  if (!stdout.isTTY) {
    return 'netquest: the game needs an interactive terminal, and standard output is not one (is it piped?). See `netquest --help` for commands that work in scripts.';
  }

  // Ink draws only the final frame when it thinks it runs in CI (ink#718): the game would
  // look frozen. Ink decides from process.env at import time, as is-in-ci does here.
  const ci = ['CI', 'CONTINUOUS_INTEGRATION'].find((k) => k in env && env[k] !== '0' && env[k] !== 'false');
  if (ci) {
    return `netquest: ${ci} is set in the environment, and the terminal library then draws only the last frame, so the game cannot be shown. Run it with the variable unset: env -u ${ci} netquest`;
  }
  return undefined;
}

interface RawCapable {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

/** Removes the start-up signal handlers, once the game installs its own (takeOverTerminal). */
let startupHandlers: (() => void) | undefined;

/**
 * Puts the terminal in raw mode while the game loads, until Ink takes it over. In the terminal's
 * usual (cooked) mode, keys typed during start-up are echoed over the first frame, Enter arrives
 * as a line feed the menus do not take, and Ctrl+C kills the shell around the game too; in raw
 * mode they wait, unechoed, and reach the game as keys once it listens.
 *
 * Until the game takes over (`takeOverTerminal`, from startTui), SIGTERM and SIGHUP give the
 * terminal back before the process dies of them. Returns what gives the terminal its mode back:
 * call it when the game has ended, or will not start after all.
 */
export function holdKeysWhileStarting(stdin: RawCapable): () => void {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return () => {};
  const setRaw = stdin.setRawMode.bind(stdin);
  setRaw(true);
  const handlers = (['SIGTERM', 'SIGHUP'] as const).map((sig) => {
    const h = () => {
      setRaw(false);
      // once(): the handler is gone now, so this dies of the signal as the shell expects.
      process.kill(process.pid, sig);
    };
    process.once(sig, h);
    return [sig, h] as const;
  });
  startupHandlers = () => {
    for (const [sig, h] of handlers) process.off(sig, h);
  };
  return () => {
    takeOverTerminal();
    setRaw(false);
  };
}

/** Runs `start` (loading the game, then playing it) with keys held from now on, and gives the terminal its mode back after. */
export async function withKeysHeld<T>(start: () => Promise<T>, stdin: RawCapable = process.stdin): Promise<T> {
  const restore = holdKeysWhileStarting(stdin);
  try {
    return await start();
  } finally {
    restore();
  }
}

/** The game is starting: its own signal handlers (and Ink, the keys) take over from start-up's. */
export function takeOverTerminal(): void {
  startupHandlers?.();
  startupHandlers = undefined;
}
