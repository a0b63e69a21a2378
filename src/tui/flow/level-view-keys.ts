/**
 * The keys of each part of the level screen, for the footer and the help overlay. Apart from
 * the keymap (level-keys.ts) so the menu, which shows them, does not load the level flow.
 */
import type { FlowView } from './level-flow';
import { screenKeys, type KeyHelp } from '../nav';
import type { Glyphs } from '../theme';
import { say, type WordKey } from '../words';

export function levelViewKeys(view: FlowView, g: Glyphs, opts: { readonly hasNext: boolean; readonly canWatch: boolean } = { hasNext: true, canWatch: true }, locale = 'en'): KeyHelp[] {
  const w = (k: WordKey) => say(locale, k as never);
  const help: KeyHelp = { keys: '?', action: w('key.help'), main: true };
  const ctrlC: KeyHelp = { keys: 'ctrl+c', action: w('key.quitGame') };
  switch (view) {
    case 'tasks':
      return screenKeys('level', g, locale);
    case 'briefing':
      return [{ keys: g.enter, action: w('key.start'), short: w('key.playShort'), main: true }, { keys: 'esc q', action: w('key.leaveLevel'), short: w('key.back'), main: true }, help, ctrlC];
    case 'configure':
    case 'route':
      return [
        { keys: `${g.up}${g.down} j k`, action: w('key.move'), main: true },
        { keys: g.enter, action: view === 'route' ? w('key.sendPacket') : w('key.changeThis'), short: w('key.choose'), main: true },
        { keys: '1-9', action: w('key.pickRowShort'), main: true },
        { keys: 'esc', action: w('key.cancel'), main: true },
        ctrlC,
      ];
    case 'field':
    case 'answer':
      return [
        { keys: 'type', action: w('key.typeValue'), short: w('key.typeValueShort'), main: true },
        { keys: g.enter, action: w('key.send'), short: w('key.sendShort'), main: true },
        { keys: `${g.left}${g.right}`, action: w('key.caret'), short: w('key.caretShort'), main: true },
        { keys: 'backspace', action: w('key.backspace') },
        { keys: 'ctrl+u', action: w('key.clear'), short: w('key.clearShort'), main: true },
        { keys: 'esc', action: w('key.cancel'), main: true },
        ctrlC,
      ];
    case 'confirmSolution':
      return [{ keys: 'y', action: w('key.showSolution'), short: w('key.showShort'), main: true }, { keys: 'n esc', action: w('key.keepPlaying'), main: true }, ctrlC];
    case 'trace':
      return [
        { keys: `${g.left}${g.right} h l , .`, action: w('key.step'), short: w('key.stepShort'), main: true },
        { keys: 'space', action: w('key.playPause'), short: w('key.playShort'), main: true },
        { keys: '+ -', action: w('key.speed'), short: w('key.speedShort'), main: true },
        { keys: 'home end g G', action: w('key.firstLast') },
        { keys: `${g.up}${g.down} j k`, action: w('key.scroll') },
        { keys: 'v', action: w('key.headersLadder') },
        { keys: 'esc q', action: w('key.backToTasks'), short: w('key.back'), main: true },
        ctrlC,
      ];
    case 'paused':
      return [{ keys: `p ${g.enter} esc`, action: w('key.resume'), main: true }, { keys: 'q', action: w('key.leaveLevel'), short: w('key.back'), main: true }, ctrlC];
    case 'result':
      return [
        { keys: `${g.up}${g.down} j k`, action: w('key.move'), main: true },
        { keys: g.enter, action: w('key.choose'), main: true },
        ...(opts.hasNext ? [{ keys: 'n', action: w('key.nextLevel'), main: true }] : []),
        ...(opts.canWatch ? [{ keys: 't', action: w('key.watch'), short: w('key.watchShort'), main: true }] : []),
        { keys: 'esc q', action: w('key.backToLevels'), short: w('key.back'), main: true },
        help,
        ctrlC,
      ];
  }
}
