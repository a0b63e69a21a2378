/** Apart from the stepping model, so a screen's key help can list them without loading it. */
import type { KeyHelp } from './nav';
import type { Glyphs } from './theme';
import { say } from './words';

/** The TraceStepper's keys, for a screen's footer and help overlay (what its useInput does). */
export function traceStepperKeys(g: Glyphs, opts: { readonly vimKeys?: boolean } = {}, locale = 'en'): KeyHelp[] {
  const vim = opts.vimKeys ?? true;
  return [
    { keys: `${g.left}${g.right}${vim ? ' h l' : ''} , .`, action: say(locale, 'key.stepFrames'), short: say(locale, 'key.stepShort'), main: true },
    { keys: 'space', action: say(locale, 'key.playPause'), short: say(locale, 'key.playShort'), main: true },
    { keys: '+ -', action: say(locale, 'key.speed'), short: say(locale, 'key.speedShort') },
    { keys: `home end${vim ? ' g G' : ''}`, action: say(locale, 'key.firstLast') },
    { keys: `${g.up}${g.down} j k`, action: say(locale, 'key.scroll') },
    { keys: 'v', action: say(locale, 'key.headersOrLadder') },
  ];
}
