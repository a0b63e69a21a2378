/**
 * The screens: what can be on the stack, and the events that change it (the game-session
 * machine in flow/game-flow.ts applies them; App renders its snapshot).
 * Also the keys of every screen, for the footer and the help overlay, in one place so the
 * help can never disagree with what the screen does.
 */
import type { Glyphs } from './theme';
import type { LevelRef } from './types';
import { sandboxKeys } from '../sandbox/keys';
import { say, type WordKey } from './words';
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

export function screenKeys(name: ScreenName, g: Glyphs, locale = 'en'): KeyHelp[] {
  const w = (key: WordKey) => say(locale, key as never);
  const move: KeyHelp = { keys: `${g.up}${g.down} j k`, action: w('key.move'), main: true };
  const digits: KeyHelp = { keys: '1-9', action: w('key.digits') };
  const back: KeyHelp = { keys: 'esc q', action: w('key.back'), main: true };
  const help: KeyHelp = { keys: '?', action: w('key.help'), main: true };
  const ctrlC: KeyHelp = { keys: 'ctrl+c', action: w('key.quitGame') };
  switch (name) {
    case 'title':
      return [move, { keys: g.enter, action: w('key.choose'), main: true }, digits, help, { keys: 'q ctrl+c', action: w('key.quit'), main: true }];
    case 'packs':
    case 'chapters':
      return [move, { keys: g.enter, action: w('key.open'), main: true }, digits, back, help, ctrlC];
    case 'levels':
      return [move, { keys: g.enter, action: w('key.playLocked'), main: true }, digits, back, help, ctrlC];
    case 'confirm-skip':
      return [{ keys: 'y', action: w('key.skipPlay'), main: true }, { keys: 'n', action: w('key.goBack'), main: true }, move, { keys: g.enter, action: w('key.choose') }, digits, back, help, ctrlC];
    case 'level':
      return [
        { keys: `${g.up}${g.down} j k`, action: w('key.task'), short: w('key.taskShort'), main: true },
        { keys: g.enter, action: w('key.doIt'), short: w('key.doItShort'), main: true },
        { keys: `${g.left}${g.right} tab`, action: w('key.device'), short: w('key.deviceShort'), main: true },
        { keys: 'h', action: w('key.hint'), short: w('key.hintShort'), main: true },
        { keys: 'p', action: w('key.pause'), short: w('key.pauseShort'), main: true },
        { keys: 't', action: w('key.watchAfter') },
        { keys: 'S', action: w('key.solution') },
        { keys: 'b', action: w('key.briefing') },
        { keys: '1-9', action: w('key.pickRow') },
        { keys: `${g.left}${g.right} ctrl+u`, action: w('key.fieldCaret') },
        { keys: 'esc', action: w('key.fieldEsc') },
        { keys: 'y n', action: w('key.confirm') },
        back,
        help,
        ctrlC,
      ];
    case 'sandbox':
      return sandboxKeys(g, locale);
    case 'practice':
      return [
        { keys: g.enter, action: w('key.practiceEnter'), short: w('key.practiceEnterShort'), main: true },
        { keys: 'type', action: w('key.practiceType') },
        { keys: 'esc', action: w('key.practiceEsc'), short: w('key.practiceEscShort'), main: true },
        { keys: `${g.up}${g.down} j k`, action: w('key.practiceTopics') },
        { keys: 'space x', action: w('key.practiceToggle') },
        { keys: 'a', action: w('key.practiceAll') },
        { keys: `${g.left}${g.right} - +`, action: w('key.practiceMinutes') },
        { keys: 'd', action: w('key.practiceDaily') },
        { keys: `p esc ${g.enter}`, action: w('key.practiceResume') },
        { keys: 'q', action: w('key.practiceQuit') },
        { keys: '?', action: w('key.practiceHelp'), short: w('key.practiceHelpShort'), main: true },
        ctrlC,
      ];
    case 'open':
      return [{ keys: 'type', action: w('key.openPath'), main: true }, { keys: g.enter, action: w('key.openIt'), main: true }, { keys: 'esc', action: w('key.back'), main: true }, ctrlC];
    case 'settings':
      return [move, { keys: g.enter, action: w('key.change'), main: true }, digits, back, help, ctrlC];
  }
}

export function screenTitle(name: ScreenName, locale = 'en'): string {
  return say(locale, `screen.${name}`);
}
