import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App, type AppProps } from '../../src/tui/App';
import { ThemeContext, themeFromEnv } from '../../src/tui/theme';
import { emptyProgress, recordResult, updateSettings, type Progress } from '../../src/progress/store';
import { topologyFromLevel } from '../../src/tui/layout/from-level';
import type { PackView } from '../../src/tui/types';
import { mountApp, tick } from './harness';

const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', enter: '\r', esc: '\x1b', ctrlC: '\x03' };

const office = topologyFromLevel({
  devices: [
    { name: 'pc1', kind: 'host', address: '192.168.1.10/24' },
    { name: 'pc2', kind: 'host', address: '10.0.0.20/24' },
    { name: 'sw1', kind: 'switch' },
    { name: 'sw2', kind: 'switch' },
    { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '192.168.1.1/24' }, { name: 'eth1', address: '10.0.0.1/24' }] },
  ],
  links: [
    ['pc1:eth0', 'sw1:p1'],
    ['r1:eth0', 'sw1:p4'],
    ['r1:eth1', 'sw2:p4'],
    ['pc2:eth0', 'sw2:p1'],
  ],
});

const level = (id: string, title: PackView['name'], difficulty = 1) => ({
  id,
  title,
  difficulty,
  briefing: { en: `Briefing of ${id}: pc1 cannot reach pc2.`, fr: `Briefing de ${id}.` },
  topology: office,
});

const basics: PackView = {
  id: 'basics',
  name: 'Network basics',
  chapters: [
    { id: 'first-steps', title: 'First steps', levels: [level('hello-ping', 'Hello, ping'), level('two-subnets', 'Two subnets', 2), level('gateway', { en: 'A door out', fr: 'Une porte' }, 3)] },
    { id: 'switching', title: 'Switching', levels: [level('learn', 'The switch learns')] },
  ],
};
const extra: PackView = { id: 'extra', name: 'Extra pack', chapters: [{ id: 'only', title: 'Only chapter', levels: [level('x1', 'Extra one')] }] };


function start(props: Partial<AppProps> = {}, env: NodeJS.ProcessEnv = {}) {
  const all: AppProps = { packs: [basics, extra], progress: emptyProgress(), size: { columns: 100, rows: 30 }, onQuit: () => {}, ...props };
  return mountApp(all, env);
}

afterEach(() => cleanup());

describe('title menu', () => {
  it('shows the menu, the footer keys, and a frame one row shorter than the terminal', async () => {
    const app = start();
    await tick();
    const f = app.frame();
    for (const item of ['Campaign', 'Practice', 'Sandbox', 'Open a level pack…', 'Settings', 'Quit']) expect(f).toContain(item);
    expect(f).toMatch(/› Campaign/);
    expect(f.split('\n').at(-1)).toMatch(/↑↓ j k move +⏎ choose +\? this help +q ctrl\+c quit/);
    expect(f.split('\n')).toHaveLength(29);
  });

  it('moves with the arrow keys, and Enter opens; Esc and q come back', async () => {
    const app = start();
    await tick();
    await app.press(KEY.down);
    expect(app.frame()).toMatch(/› Practice/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Timed practice');
    await app.press(KEY.esc);
    expect(app.frame()).toMatch(/› Practice/);
    await app.press(KEY.down, KEY.enter);
    expect(app.frame()).toContain('The network is empty.');
    await app.press('q');
    // The cursor is where it was left.
    expect(app.frame()).toMatch(/› Sandbox/);
  });

  it('q on the title menu and Ctrl+C anywhere quit', async () => {
    const onQuit = vi.fn();
    const app = start({ onQuit });
    await tick();
    await app.press('q');
    expect(onQuit).toHaveBeenCalledTimes(1);
    await app.press(KEY.enter, KEY.ctrlC);
    expect(onQuit).toHaveBeenCalledTimes(2);
  });

  it('shows a notice about the progress file', async () => {
    const app = start({ notice: 'Your progress file was damaged (x). It is kept as /tmp/p.bak; starting with fresh progress.' });
    await tick();
    expect(app.frame()).toContain('Your progress file was damaged');
  });
});

describe('help overlay', () => {
  it('? lists every key of the current screen; ? or Esc closes it, and keys do not leak to the screen', async () => {
    const app = start();
    await tick();
    await app.press('?');
    const f = app.frame();
    expect(f).toContain('Keys: Menu');
    for (const k of ['↑↓ j k', '⏎', '1-9', '?', 'q ctrl+c']) expect(f).toContain(k);
    await app.press(KEY.down);
    await app.press(KEY.esc);
    expect(app.frame()).not.toContain('Keys:');
    expect(app.frame()).toMatch(/› Campaign/);
    await app.press(KEY.enter, KEY.enter, KEY.enter, '?');
    expect(app.frame()).toContain('Keys: Levels');
    expect(app.frame()).toContain('play (a locked level asks first)');
    await app.press('?');
    expect(app.frame()).not.toContain('Keys:');
  });
});

describe('level select', () => {
  it('goes packs → chapters → levels, with completion, stars, best time and locks', async () => {
    let progress: Progress = recordResult(emptyProgress(), 'basics', 'hello-ping', { stars: 2, points: 100, seconds: 42, steps: 3 });
    const app = start({ progress });
    await tick();
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Choose a pack');
    expect(app.frame()).toMatch(/Network basics +1\/4 solved +★ +2\/12/);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/1\. First steps +1\/3 solved/);
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toContain('netquest › Campaign › Network basics › First steps');
    expect(f).toMatch(/✓ +1 Hello, ping +●○○○○ +★★☆ +0:42/);
    expect(f).toMatch(/ 2 Two subnets +●●○○○ +☆☆☆\s*\n/);
    expect(f).toMatch(/ 3 A door out +●●●○○ +☆☆☆ +locked/);
    progress = recordResult(progress, 'basics', 'two-subnets', { stars: 3, points: 1, steps: 1 });
    app.rerender(
      <ThemeContext.Provider value={themeFromEnv({})}>
        <App packs={[basics, extra]} progress={progress} size={{ columns: 100, rows: 30 }} onQuit={() => {}} />
      </ThemeContext.Provider>,
    );
    await tick();
    // New progress from the owner (a level just solved) shows at once.
    expect(app.frame()).toMatch(/✓ +2 Two subnets +●●○○○ +★★★/);
    expect(app.frame()).toMatch(/ 3 A door out +●●●○○ +☆☆☆\s*\n/);
  });

  it('unlocks the next level when the previous one is solved, and all with “unlock all”', async () => {
    const solvedTwo = recordResult(recordResult(emptyProgress(), 'basics', 'hello-ping', { stars: 1, points: 1, steps: 1 }), 'basics', 'two-subnets', { stars: 3, points: 1, steps: 1 });
    const a = start({ progress: solvedTwo, packs: [basics] });
    await tick();
    // One pack: Campaign goes straight to its chapters.
    await a.press(KEY.enter, KEY.enter);
    expect(a.frame()).toMatch(/ 3 A door out +●●●○○ +☆☆☆\s*\n/);
    cleanup();
    const b = start({ progress: updateSettings(emptyProgress(), { unlockAll: true }), packs: [basics] });
    await tick();
    await b.press(KEY.enter, KEY.enter);
    expect(b.frame()).not.toMatch(/☆ +locked/);
  });

  it('a locked level asks “skip ahead?”; no goes back, yes opens it', async () => {
    const onPlay = vi.fn();
    const app = start({ onPlay });
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.down, KEY.enter);
    expect(app.frame()).toContain('“Two subnets” is locked: it opens once you solve “Hello, ping”.');
    expect(app.frame()).toContain('Skip ahead?');
    await app.press('n');
    expect(app.frame()).toMatch(/› .* 2 Two subnets/);
    expect(onPlay).not.toHaveBeenCalled();
    await app.press(KEY.enter, 'y');
    expect(onPlay).toHaveBeenCalledWith({ packId: 'basics', chapterId: 'first-steps', levelId: 'two-subnets' });
    expect(app.frame()).toMatch(/› .* 2 Two subnets/);
  });

  it('without onPlay, a level opens a preview at 80×24: briefing, topology drawing, and an honest note', async () => {
    const app = start({ packs: [basics], locale: 'fr', size: { columns: 80, rows: 24 } });
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    const f = app.frame();
    expect(f).toContain('Preview only: the level screen is being built.');
    expect(f).toContain('Briefing de hello-ping.');
    expect(f).toContain('│ eth0 192.168.1.1/24 │');
    expect(f).toContain('┌─┴eth0───────────┐');
    await app.press(KEY.right);
    expect(app.frame()).toContain('Hello, ping');
    await app.press(KEY.esc);
    expect(app.frame()).toMatch(/› .* 1 Hello, ping/);
  });
});

describe('settings', () => {
  it('toggles unlock all and saves through persist', async () => {
    const persist = vi.fn((p: Progress) => ({ ok: true as const, value: { progress: p } }));
    const app = start({ persist });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/› Unlock all levels +\[ \]/);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/› Unlock all levels +\[x\]/);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(persist.mock.calls[0]![0].settings).toEqual({ unlockAll: true });
    // Language cycles through the locales the packs are written in.
    await app.press(KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toMatch(/› Language +fr/);
  });

  it('says so when saving fails', async () => {
    const app = start({ persist: () => ({ ok: false as const, error: 'disk full' }) });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter, KEY.enter);
    expect(app.frame()).toContain('Not saved: disk full');
  });
});

describe('open a level pack', () => {
  it('types a path (q and ? included), shows the loader’s message, and opens a good pack', async () => {
    const openPack = vi.fn((path: string) => (path === 'packs/extra' ? extra : `${path}: no pack.yaml here`));
    const app = start({ packs: [basics], openPack });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('The folder that holds pack.yaml');
    await app.press('q', '?', KEY.enter);
    expect(app.frame()).toContain('q?: no pack.yaml here');
    await app.press('\x7f', '\x7f', ...'packs/extra', KEY.enter);
    expect(openPack).toHaveBeenLastCalledWith('packs/extra');
    expect(app.frame()).toContain('1. Only chapter');
  });

  it('a path pasted with its Enter (one chunk) is opened, not typed', async () => {
    const openPack = vi.fn(() => extra);
    const app = start({ packs: [basics], openPack });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    await app.type('packs/extra\r');
    expect(openPack).toHaveBeenCalledWith('packs/extra');
    expect(app.frame()).toContain('1. Only chapter');
  });

  it('says honestly when opening is not available', async () => {
    const app = start();
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('Opening a pack from here is coming soon');
  });
});

describe('terminal size and environment', () => {
  it('asks for a larger window below 80×24, and still quits on q', async () => {
    const onQuit = vi.fn();
    const app = start({ size: { columns: 50, rows: 12 }, onQuit });
    await tick();
    expect(app.frame().replace(/\s+/g, ' ')).toContain('Make the window larger: netquest needs 80×24, this one is 50×12.');
    await app.press('q');
    expect(onQuit).toHaveBeenCalled();
  });

  it('one column or row short of 80×24 is too small; exactly 80×24 plays', async () => {
    for (const size of [{ columns: 79, rows: 24 }, { columns: 80, rows: 23 }]) {
      const app = start({ size });
      await tick();
      expect(app.frame()).toContain('Make the window larger');
      app.unmount();
    }
    const app = start({ size: { columns: 80, rows: 24 } });
    await tick();
    expect(app.frame()).not.toContain('Make the window larger');
    expect(app.frame()).toContain('Campaign');
  });

  it('TERM=dumb: ASCII only', async () => {
    const app = start({ packs: [basics] }, { TERM: 'dumb' });
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    // eslint-disable-next-line no-control-regex
    expect(app.frame()).toMatch(/^[\x20-\x7e\n]*$/);
    expect(app.frame()).toContain('+-+eth0');
  });

  it('themes: NO_COLOR turns colours off, TERM=dumb also draws ASCII', () => {
    expect(themeFromEnv({ NO_COLOR: '1' })).toMatchObject({ color: false, ascii: false, accent: undefined });
    expect(themeFromEnv({ NO_COLOR: '' })).toMatchObject({ color: true });
    expect(themeFromEnv({ TERM: 'dumb' })).toMatchObject({ color: false, ascii: true });
  });
});
