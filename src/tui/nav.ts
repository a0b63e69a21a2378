/**
 * The screens: what can be on the stack, and the events that change it (the game-session
 * machine in flow/game-flow.ts applies them; App renders its snapshot).
 * Also the keys of every screen, for the footer and the help overlay, in one place so the
 * help can never disagree with what the screen does.
 */
import type { Glyphs } from './theme';
import type { LevelRef } from './types';
import { sandboxKeys } from '../sandbox/keys';
import type { TopologySpec } from '../sandbox/session';
import type { PracticeOptions } from '../practice/options';

export type Screen =
  | { readonly name: 'title' }
  | { readonly name: 'packs' }
  | { readonly name: 'chapters'; readonly packId: string }
  | { readonly name: 'levels'; readonly packId: string; readonly chapterId: string }
  | { readonly name: 'confirm-skip'; readonly ref: LevelRef }
  | { readonly name: 'level'; readonly ref: LevelRef }
  /** Free exploring: a blank network, or a level's (its topology, and where it came from). */
  | { readonly name: 'sandbox'; readonly topology?: TopologySpec; readonly origin?: string }
  /** Timed practice; the command line may preset topics, minutes and seed. */
  | { readonly name: 'practice'; readonly options?: PracticeOptions }
  | { readonly name: 'open' }
  | { readonly name: 'settings' };

export type ScreenName = Screen['name'];

export interface NavState {
  readonly stack: readonly Screen[];
  readonly help: boolean;
}

export type NavEvent =
  | { readonly type: 'push'; readonly screen: Screen }
  /** Replaces the top screen (the skip-ahead question becomes the level). */
  | { readonly type: 'replace'; readonly screen: Screen }
  | { readonly type: 'back' }
  | { readonly type: 'help'; readonly open: boolean };

export function currentScreen(state: NavState): Screen {
  return state.stack[state.stack.length - 1]!;
}

/** A stable key for a screen, to remember the cursor when coming back to it. */
export function screenKey(s: Screen): string {
  switch (s.name) {
    case 'chapters':
      return `chapters:${s.packId}`;
    case 'levels':
      return `levels:${s.packId}:${s.chapterId}`;
    case 'confirm-skip':
    case 'level':
      return `${s.name}:${s.ref.packId}:${s.ref.chapterId}:${s.ref.levelId}`;
    default:
      return s.name;
  }
}

// ---- keys ------------------------------------------------------------------------------

export interface KeyHelp {
  readonly keys: string;
  readonly action: string;
  /** A shorter action for the footer. */
  readonly short?: string;
  /** Shown in the footer too. */
  readonly main?: boolean;
}

export function screenKeys(name: ScreenName, g: Glyphs): KeyHelp[] {
  const move: KeyHelp = { keys: `${g.up}${g.down} j k`, action: 'move', main: true };
  const digits: KeyHelp = { keys: '1-9', action: 'choose the n-th item' };
  const back: KeyHelp = { keys: 'esc q', action: 'back', main: true };
  const help: KeyHelp = { keys: '?', action: 'this help', main: true };
  const ctrlC: KeyHelp = { keys: 'ctrl+c', action: 'quit netquest' };
  switch (name) {
    case 'title':
      return [move, { keys: g.enter, action: 'choose', main: true }, digits, help, { keys: 'q ctrl+c', action: 'quit', main: true }];
    case 'packs':
    case 'chapters':
      return [move, { keys: g.enter, action: 'open', main: true }, digits, back, help, ctrlC];
    case 'levels':
      return [move, { keys: g.enter, action: 'play (a locked level asks first)', main: true }, digits, back, help, ctrlC];
    case 'confirm-skip':
      return [{ keys: 'y', action: 'skip ahead and play it', main: true }, { keys: 'n', action: 'go back', main: true }, move, { keys: g.enter, action: 'choose' }, digits, back, help, ctrlC];
    case 'level':
      return [
        { keys: `${g.up}${g.down} j k`, action: 'choose a task', short: 'task', main: true },
        { keys: g.enter, action: 'do it: configure, answer, predict, move the packet (after the briefing: start)', short: 'do it', main: true },
        { keys: `${g.left}${g.right} tab`, action: 'select a device: the inspector shows it', short: 'device', main: true },
        { keys: 'h', action: 'take a hint (costs points)', short: 'hint', main: true },
        { keys: 'p', action: 'pause: the clock stops and the network is hidden', short: 'pause', main: true },
        { keys: 't', action: 'watch the traffic step by step (after your predictions are in)' },
        { keys: 'S', action: 'show the solution (asks first; the level then does not count)' },
        { keys: 'b', action: 'read the briefing again (the clock keeps running)' },
        { keys: '1-9', action: 'in a choice: pick the n-th row' },
        { keys: `${g.left}${g.right} ctrl+u`, action: 'in a field: move the caret; clear the field' },
        { keys: 'esc', action: 'in a field or a choice: cancel it (q is then typed)' },
        { keys: 'y n', action: 'answer the confirmation' },
        back,
        help,
        ctrlC,
      ];
    case 'sandbox':
      return sandboxKeys(g);
    case 'practice':
      return [
        { keys: g.enter, action: 'setup: start · drill: check the answer · summary: practise again', short: 'start/check', main: true },
        { keys: 'type', action: 'drill: your answer (a choice by its number or its words)' },
        { keys: 'esc', action: 'drill: pause (the clock stops) · setup, summary: back', short: 'pause/back', main: true },
        { keys: `${g.up}${g.down} j k`, action: 'setup: move between topics' },
        { keys: 'space x', action: 'setup: include or leave out the topic' },
        { keys: 'a', action: 'setup: all topics or none' },
        { keys: `${g.left}${g.right} - +`, action: 'setup: fewer or more minutes' },
        { keys: 'd', action: "setup: today's questions, the same for everyone" },
        { keys: `p esc ${g.enter}`, action: 'paused: resume' },
        { keys: 'q', action: 'paused: end the session now · setup, summary: back' },
        { keys: '?', action: 'this help (in the drill: pause first)', short: 'help', main: true },
        ctrlC,
      ];
    case 'open':
      return [{ keys: 'type', action: 'the path of a pack folder (with pack.yaml)', main: true }, { keys: g.enter, action: 'open it', main: true }, { keys: 'esc', action: 'back', main: true }, ctrlC];
    case 'settings':
      return [move, { keys: g.enter, action: 'change (saved at once)', main: true }, digits, back, help, ctrlC];
  }
}

export function screenTitle(name: ScreenName): string {
  switch (name) {
    case 'title':
      return 'Menu';
    case 'packs':
      return 'Campaign';
    case 'chapters':
      return 'Chapters';
    case 'levels':
      return 'Levels';
    case 'confirm-skip':
      return 'Skip ahead?';
    case 'level':
      return 'Level';
    case 'sandbox':
      return 'Sandbox';
    case 'practice':
      return 'Practice';
    case 'open':
      return 'Open a level pack';
    case 'settings':
      return 'Settings';
  }
}
