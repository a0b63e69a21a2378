/** Mounting the app for screen tests, and waiting for it to settle after each key. */
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { expect } from 'vitest';
import { App, preloadScreens, type AppProps } from '../../src/tui/App';
import { ThemeContext, themeFromEnv } from '../../src/tui/theme';

// The screens behind the menu load lazily in the game; loaded here once, so a test's first
// keypress into a level does not wait for their compilation.
await preloadScreens();

let frameCount = () => 0;

/**
 * Lets Ink read a key (a lone Esc is flushed on the next tick), re-render and run the new
 * screen's effects (its useInput subscribes in one): waits until no new frame comes for a
 * few milliseconds, so a loaded machine only makes a test slower, not flaky.
 */
export async function tick(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  let quiet = 0;
  let seen = -1;
  for (let i = 0; i < 100 && quiet < 2; i++) {
    await new Promise((r) => setTimeout(r, 4));
    const n = frameCount();
    quiet = n === seen ? quiet + 1 : 0;
    seen = n;
  }
}

/**
 * Renders any screen inside the theme; `press` sends keys one by one, `type` sends text in one
 * chunk (as a paste), `frame` is the screen without colours.
 */
export function mount(element: ReactElement, env: NodeJS.ProcessEnv = {}) {
  const r = render(<ThemeContext.Provider value={themeFromEnv(env)}>{element}</ThemeContext.Provider>);
  frameCount = () => r.frames.length;
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  const type = async (s: string) => {
    r.stdin.write(s);
    await tick();
  };
  // eslint-disable-next-line no-control-regex
  const frame = () => (r.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...r, press, type, frame };
}

/** The whole game: title, campaign, levels… */
export function mountApp(props: AppProps, env: NodeJS.ProcessEnv = {}) {
  return mount(<App {...props} />, env);
}

/** No line wider than the terminal in columns (a Chinese character takes two), the frame no taller. */
export function fitsColumns(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(stringWidth(l), `too wide: ${l}`).toBeLessThanOrEqual(columns);
}
