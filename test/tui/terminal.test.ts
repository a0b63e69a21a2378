import { afterEach, describe, expect, it } from 'vitest';
import { holdKeysWhileStarting, takeOverTerminal, whyNoGame, withKeysHeld } from '../../src/tui/terminal';

const tty = () => {
  const modes: boolean[] = [];
  return { modes, stdin: { isTTY: true, setRawMode: (raw: boolean) => modes.push(raw) } };
};
const listeners = () => ({ term: process.listenerCount('SIGTERM'), hup: process.listenerCount('SIGHUP') });

afterEach(() => takeOverTerminal());

describe('holding keys while the game starts', () => {
  it('puts the terminal in raw mode at once, and gives the mode back when told', () => {
    const { modes, stdin } = tty();
    const restore = holdKeysWhileStarting(stdin);
    expect(modes).toEqual([true]);
    restore();
    expect(modes).toEqual([true, false]);
  });

  it('until the game takes over, SIGTERM and SIGHUP have a handler that restores the terminal first; then they are the game’s', () => {
    const before = listeners();
    const { stdin } = tty();
    const restore = holdKeysWhileStarting(stdin);
    expect(listeners()).toEqual({ term: before.term + 1, hup: before.hup + 1 });
    takeOverTerminal();
    expect(listeners()).toEqual(before);
    restore();
    expect(listeners()).toEqual(before);
  });

  it('withKeysHeld gives the mode back after the game, and when it fails to start', async () => {
    const { modes, stdin } = tty();
    expect(await withKeysHeld(async () => modes.length, stdin)).toBe(1);
    await expect(withKeysHeld(() => Promise.reject(new Error('no campaign')), stdin)).rejects.toThrow('no campaign');
    expect(modes).toEqual([true, false, true, false]);
  });

  it('leaves a stream that is not a terminal alone', () => {
    const modes: boolean[] = [];
    const restore = holdKeysWhileStarting({ isTTY: false, setRawMode: (raw: boolean) => modes.push(raw) });
    restore();
    expect(modes).toEqual([]);
  });
});

describe('whyNoGame', () => {
  const stdin = { isTTY: true, setRawMode: () => undefined };
  it('is happy with two terminals and no CI variable', () => {
    expect(whyNoGame(stdin, { isTTY: true }, {})).toBeUndefined();
  });
  it('names what is missing: a terminal for input, for output, or CI set', () => {
    expect(whyNoGame({ isTTY: false }, { isTTY: true }, {})).toMatch(/standard input is not one/);
    expect(whyNoGame(stdin, { isTTY: false }, {})).toMatch(/standard output is not one/);
    expect(whyNoGame(stdin, { isTTY: true }, { CI: 'true' })).toMatch(/env -u CI netquest/);
    expect(whyNoGame(stdin, { isTTY: true }, { CI: 'false' })).toBeUndefined();
  });
});
