/** Apart from the stepping model, so a screen's key help can list them without loading it. */
import type { KeyHelp } from './nav';
import type { Glyphs } from './theme';

/** The TraceStepper's keys, for a screen's footer and help overlay (what its useInput does). */
export function traceStepperKeys(g: Glyphs, opts: { readonly vimKeys?: boolean } = {}): KeyHelp[] {
  const vim = opts.vimKeys ?? true;
  return [
    { keys: `${g.left}${g.right}${vim ? ' h l' : ''} , .`, action: 'step back and forward through the frames', short: 'step', main: true },
    { keys: 'space', action: 'play or pause', short: 'play', main: true },
    { keys: '+ -', action: 'play faster or slower', short: 'speed' },
    { keys: `home end${vim ? ' g G' : ''}`, action: 'first or last step' },
    { keys: `${g.up}${g.down} j k`, action: 'scroll the headers or the ladder' },
    { keys: 'v', action: 'show the headers or the TCP ladder (both, on a wide screen)' },
  ];
}
