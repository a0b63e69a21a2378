/**
 * `netquest sandbox [file]`: the sandbox on its own, with the game's header, footer and help
 * overlay, and the same care for the terminal as the game (start.tsx): refuse politely
 * without one, and give it back as found on quit, Ctrl+C, signals and exceptions.
 * (The game's own menu opens the same Sandbox screen inside App.)
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, render, useApp, useInput, useStdout } from 'ink';
import { sandboxKeys } from '../../sandbox/keys';
import type { SandboxIo } from '../../sandbox/forms';
import type { TopologySpec } from '../../sandbox/session';
import { Footer, Header, HelpOverlay, TooSmall } from '../components/Frame';
import { tooSmall } from '../model';
import { ThemeContext, themeFromEnv, useTheme } from '../theme';
import { Sandbox } from './Sandbox';

export interface SandboxRootProps {
  readonly topology?: TopologySpec | undefined;
  readonly origin?: string | undefined;
  readonly io: SandboxIo;
  /** Fixed size instead of the terminal's (tests). */
  readonly size?: { readonly columns: number; readonly rows: number } | undefined;
  readonly onQuit?: (() => void) | undefined;
}

export function SandboxRoot({ topology, origin, io, size: fixed, onQuit }: SandboxRootProps) {
  const t = useTheme();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const read = useCallback(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }), [stdout]);
  const [measured, setMeasured] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setMeasured(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed, read]);
  const size = fixed ?? measured;
  const [help, setHelp] = useState(false);
  const quit = useCallback(() => (onQuit ? onQuit() : exit()), [onQuit, exit]);
  const small = tooSmall(size);
  useInput((input, k) => {
    if (k.ctrl && input === 'c') return quit();
    if (small && input === 'q') return quit();
    if (help && (input === '?' || input === 'q' || k.escape)) setHelp(false);
  });
  if (small) return <TooSmall columns={size.columns} rows={size.rows} />;
  const keys = sandboxKeys(t.glyphs);
  // One row shorter than the terminal, as in App: a full-height frame makes Ink clear the screen on every update.
  const frameH = size.rows - 1;
  return (
    <Box flexDirection="column" width={size.columns} height={frameH}>
      <Header crumbs={['Sandbox', ...(origin ? [origin] : [])]} width={size.columns} />
      <Box flexDirection="column" flexGrow={1} paddingX={1} overflow="hidden">
        {help ? <HelpOverlay title="Sandbox" keys={keys} /> : null}
        <Box flexDirection="column" display={help ? 'none' : 'flex'}>
          <Sandbox active={!help} width={size.columns - 2} height={frameH - 2} topology={topology} origin={origin} io={io} onExit={quit} onHelp={() => setHelp(true)} />
        </Box>
      </Box>
      <Footer keys={keys} width={size.columns} />
    </Box>
  );
}

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the sandbox until the player leaves it; a message (and the terminal untouched) when there is no terminal to run in. */
export async function startSandboxTui(props: Omit<SandboxRootProps, 'size' | 'onQuit'>, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function' || !stdout.isTTY) {
    return 'netquest: the sandbox needs an interactive terminal, and this is not one (is it piped?). `netquest capture` and `netquest demo --pcap` write traffic without one: see `netquest --help`.';
  }
  // Ink draws only the last frame when it thinks it runs in CI (ink#718): the sandbox would look frozen.
  const ci = ['CI', 'CONTINUOUS_INTEGRATION'].find((k) => k in env && env[k] !== '0' && env[k] !== 'false');
  if (ci) return `netquest: ${ci} is set in the environment, and the terminal library then draws only the last frame. Run it with the variable unset: env -u ${ci} netquest sandbox`;
  const alt = env.TERM !== 'dumb';
  let instance: ReturnType<typeof render> | undefined;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    for (const [sig, h] of handlers) process.off(sig, h);
    process.off('exit', restore);
    instance?.unmount();
    stdout.write(SHOW_CURSOR + (alt ? LEAVE_ALT : ''));
  };
  const handlers = SIGNALS.map((sig) => [sig, () => {
    restore();
    process.kill(process.pid, sig);
  }] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  process.on('exit', restore);
  if (alt) stdout.write(ENTER_ALT);
  try {
    instance = render(
      <ThemeContext.Provider value={themeFromEnv(env)}>
        <SandboxRoot {...props} />
      </ThemeContext.Provider>,
      { stdin, stdout, exitOnCtrlC: false, maxFps: 60, patchConsole: true },
    );
    await instance.waitUntilExit();
  } finally {
    restore();
  }
  return undefined;
}
