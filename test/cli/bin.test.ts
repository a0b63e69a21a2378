import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/netquest.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });

// The built bundle, as `npm install` leaves it: the real start-up path, not the sources.
describe('the installed netquest binary', () => {
  it('prints its version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits with status 2 on an unknown flag, writing to stderr', () => {
    const r = run('--nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^netquest: unknown option '--nope'/);
    expect(r.stdout).toBe('');
  });

  it('runs the demo', () => {
    const r = run('demo');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/reply from 10\.0\.0\.20/);
  });
});
