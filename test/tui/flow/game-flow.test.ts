import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { gameMachine, navOf } from '../../../src/tui/flow/game-flow';

const game = () => createActor(gameMachine).start();

describe('game session: the screen stack and the help overlay', () => {
  it('starts on the title; pushes, goes back, and never pops the title', () => {
    const a = game();
    expect(navOf(a.getSnapshot())).toEqual({ stack: [{ name: 'title' }], help: false });
    a.send({ type: 'push', screen: { name: 'settings' } });
    expect(navOf(a.getSnapshot()).stack.at(-1)).toEqual({ name: 'settings' });
    a.send({ type: 'back' });
    a.send({ type: 'back' });
    expect(navOf(a.getSnapshot())).toEqual({ stack: [{ name: 'title' }], help: false });
  });

  it('back closes the help first, and keeps the screen under it', () => {
    const a = game();
    a.send({ type: 'push', screen: { name: 'settings' } });
    a.send({ type: 'help', open: true });
    expect(navOf(a.getSnapshot()).help).toBe(true);
    a.send({ type: 'back' });
    expect(navOf(a.getSnapshot())).toEqual({ stack: [{ name: 'title' }, { name: 'settings' }], help: false });
  });

  it('replace swaps the top screen (the skip-ahead question becomes the level)', () => {
    const a = game();
    const ref = { packId: 'p', chapterId: 'c', levelId: 'l' };
    a.send({ type: 'push', screen: { name: 'confirm-skip', ref } });
    a.send({ type: 'replace', screen: { name: 'level', ref } });
    expect(navOf(a.getSnapshot()).stack).toEqual([{ name: 'title' }, { name: 'level', ref }]);
  });

  it('opening help twice or closing it when closed changes nothing', () => {
    const a = game();
    a.send({ type: 'help', open: false });
    expect(a.getSnapshot().value).toBe('browsing');
    a.send({ type: 'help', open: true });
    a.send({ type: 'help', open: true });
    expect(a.getSnapshot().value).toBe('help');
  });
});
