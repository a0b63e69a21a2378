/**
 * The keys of each part of the level screen, for the footer and the help overlay. Apart from
 * the keymap (level-keys.ts) so the menu, which shows them, does not load the level flow.
 */
import type { FlowView } from './level-flow';
import { screenKeys, type KeyHelp } from '../nav';
import type { Glyphs } from '../theme';

export function levelViewKeys(view: FlowView, g: Glyphs, opts: { readonly hasNext: boolean; readonly canWatch: boolean } = { hasNext: true, canWatch: true }): KeyHelp[] {
  const help: KeyHelp = { keys: '?', action: 'this help', main: true };
  const ctrlC: KeyHelp = { keys: 'ctrl+c', action: 'quit netquest' };
  switch (view) {
    case 'tasks':
      return screenKeys('level', g);
    case 'briefing':
      return [{ keys: g.enter, action: 'start (the clock starts then), or back to the tasks', short: 'play', main: true }, { keys: 'esc q', action: 'leave the level', short: 'back', main: true }, help, ctrlC];
    case 'configure':
    case 'route':
      return [
        { keys: `${g.up}${g.down} j k`, action: 'move', main: true },
        { keys: g.enter, action: view === 'route' ? 'send the packet there' : 'change this', short: 'choose', main: true },
        { keys: '1-9', action: 'pick the n-th row', main: true },
        { keys: 'esc', action: 'cancel', main: true },
        ctrlC,
      ];
    case 'field':
    case 'answer':
      return [
        { keys: 'type', action: 'the value (every key is typed, q and ? included)', short: 'the value', main: true },
        { keys: g.enter, action: 'send it (only when well formed)', short: 'send', main: true },
        { keys: `${g.left}${g.right}`, action: 'move the caret', short: 'caret', main: true },
        { keys: 'backspace', action: 'delete before the caret' },
        { keys: 'ctrl+u', action: 'clear the field', short: 'clear', main: true },
        { keys: 'esc', action: 'cancel', main: true },
        ctrlC,
      ];
    case 'confirmSolution':
      return [{ keys: 'y', action: 'show the solution (the level then does not count)', short: 'show', main: true }, { keys: 'n esc', action: 'keep playing', main: true }, ctrlC];
    case 'trace':
      return [
        { keys: `${g.left}${g.right} h l , .`, action: 'step back and forward', short: 'step', main: true },
        { keys: 'space', action: 'play or pause', short: 'play', main: true },
        { keys: '+ -', action: 'faster or slower', short: 'speed', main: true },
        { keys: 'home end g G', action: 'first or last step' },
        { keys: `${g.up}${g.down} j k`, action: 'scroll the details' },
        { keys: 'v', action: 'headers or the TCP ladder' },
        { keys: 'esc q', action: 'back to the tasks', short: 'back', main: true },
        ctrlC,
      ];
    case 'paused':
      return [{ keys: `p ${g.enter} esc`, action: 'resume', main: true }, { keys: 'q', action: 'leave the level', short: 'back', main: true }, ctrlC];
    case 'result':
      return [
        { keys: `${g.up}${g.down} j k`, action: 'move', main: true },
        { keys: g.enter, action: 'choose', main: true },
        ...(opts.hasNext ? [{ keys: 'n', action: 'next level', main: true }] : []),
        ...(opts.canWatch ? [{ keys: 't', action: 'watch the traffic frame by frame', short: 'watch', main: true }] : []),
        { keys: 'esc q', action: 'back to the levels', short: 'back', main: true },
        help,
        ctrlC,
      ];
  }
}
