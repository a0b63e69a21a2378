/**
 * The game session's screens as a state machine: a stack of screens (title, campaign,
 * chapters, levels, a level, practice, sandbox, settings…) and the help overlay over any of
 * them. App renders the top screen and sends the events; a level's own flow (briefing,
 * playing, result, its timer) is the level-flow machine the level screen runs.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { NavEvent, NavState, Screen } from '../nav';

export interface GameContext {
  readonly stack: readonly Screen[];
}

const TITLE: Screen = { name: 'title' };

export const gameMachine = setup({
  types: { context: {} as GameContext, events: {} as NavEvent },
  guards: {
    canGoBack: ({ context }) => context.stack.length > 1,
    opening: ({ event }) => event.type === 'help' && event.open,
    closing: ({ event }) => event.type === 'help' && !event.open,
  },
  actions: {
    push: assign({ stack: ({ context, event }) => (event.type === 'push' ? [...context.stack, event.screen] : context.stack) }),
    // The skip-ahead question becomes the level it asked about.
    replace: assign({ stack: ({ context, event }) => (event.type === 'replace' ? [...context.stack.slice(0, -1), event.screen] : context.stack) }),
    pop: assign({ stack: ({ context }) => context.stack.slice(0, -1) }),
  },
}).createMachine({
  id: 'game',
  context: { stack: [TITLE] },
  initial: 'browsing',
  states: {
    browsing: {
      on: {
        push: { actions: 'push' },
        replace: { actions: 'replace' },
        back: { guard: 'canGoBack', actions: 'pop' },
        help: { guard: 'opening', target: 'help' },
      },
    },
    /** The key list of the current screen over it; the screen stays mounted underneath. */
    help: {
      on: {
        back: 'browsing',
        help: { guard: 'closing', target: 'browsing' },
        push: { target: 'browsing', actions: 'push' },
        replace: { target: 'browsing', actions: 'replace' },
      },
    },
  },
});

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** The snapshot as the screens read it. */
export function navOf(s: GameSnapshot): NavState {
  return { stack: s.context.stack, help: s.matches('help') };
}
