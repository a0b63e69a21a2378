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
