import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The real game in a real terminal: the built bin/netquest.js inside tmux at 100×30, driven by
 * keystrokes, read from the screen. CI installs tmux (.ci/run); without it, outside CI, skip.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.CI) throw new Error('tmux is required in CI: .ci/run should have installed it');

const bin = fileURLToPath(new URL('../../bin/netquest.js', import.meta.url));
const session = `nq-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);

async function waitFor(text: RegExp, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the screen never showed ${text}:\n${last}`);
}

async function keys(...k: string[]) {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe.skipIf(!hasTmux)('the game in a terminal (end to end)', () => {
  it('opens the campaign, plays the first level to the end, quits, and keeps the progress', { timeout: 90_000 }, async () => {
    const data = mkdtempSync(join(tmpdir(), 'nq-e2e-'));
    // CI=true would make Ink draw only the last frame: the player never runs with it.
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `env -u CI -u CONTINUOUS_INTEGRATION XDG_DATA_HOME=${data} ${process.execPath} ${bin}`);
    try {
      await waitFor(/Campaign/);
      await keys('Enter');
      await waitFor(/Clients, servers and layers/);
      await keys('Enter');
      await waitFor(/A browser and a server/);
      await keys('Enter');
      await waitFor(/Briefing/);
      await keys('Enter');
      await waitFor(/Tasks/);
      // After a right answer the cursor moves on to the next open question by itself.
      for (const [i, answer] of ['7', '7', '1'].entries()) {
        await keys('Enter', answer, 'Enter');
        await waitFor(i < 2 ? /Right: / : /Solved!/);
      }
      const result = await waitFor(/Solved!/);
      expect(result).toMatch(/★★★/);
      await keys('Down', 'Enter');
      await waitFor(/Level/);
      expect(screen()).toMatch(/A browser and a server\s+●○○○○\s+★★★/);
      await keys('C-c');
      const end = Date.now() + 10_000;
      while (Date.now() < end && spawnSync('tmux', ['-L', session, 'has-session', '-t', session]).status === 0) await new Promise((r) => setTimeout(r, 100));
      const file = join(data, 'netquest', 'progress.json');
      expect(existsSync(file)).toBe(true);
      const progress = JSON.parse(readFileSync(file, 'utf8'));
      expect(Object.values(progress.packs)[0]).toMatchObject({ 'browser-and-server': { solved: true, stars: 3 } });
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
    }
  });
});
