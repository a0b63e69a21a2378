/**
 * What a key means on the level screen, read from the flow's current snapshot at the moment
 * the key arrives (never from a render's closure): keys typed faster than the screen redraws,
 * or in the instant a field opens, land in the state they were typed in.
 */
import { sayLevel } from '../level-words';
import { flowView, menuItems, type LevelFlowEvent, type LevelFlowSnapshot } from './level-flow';
import type { KeyLike } from '../typed-text';

export type AppIntent = 'back' | 'help' | 'next';

export type KeyOutcome = { readonly kind: 'flow'; readonly event: LevelFlowEvent } | { readonly kind: 'app'; readonly intent: AppIntent } | undefined;

const flow = (event: LevelFlowEvent): KeyOutcome => ({ kind: 'flow', event });
const app = (intent: AppIntent): KeyOutcome => ({ kind: 'app', intent });

function listKeys(input: string, key: KeyLike, length: number): KeyOutcome {
  if (key.upArrow || input === 'k') return flow({ type: 'MOVE', by: -1 });
  if (key.downArrow || input === 'j') return flow({ type: 'MOVE', by: 1 });
  if (key.return) return flow({ type: 'SELECT' });
  if (key.escape) return flow({ type: 'CANCEL' });
  if (/^[1-9]$/.test(input) && Number(input) <= length) return flow({ type: 'CHOOSE', index: Number(input) - 1 });
  return undefined;
}

export function levelKey(s: LevelFlowSnapshot, input: string, key: KeyLike, opts: { readonly hasNext: boolean }): KeyOutcome {
  switch (flowView(s)) {
    case 'briefing':
      if (key.return) return flow({ type: 'START' });
      if (key.escape || input === 'q') return app('back');
      if (input === '?') return app('help');
      return undefined;
    case 'tasks':
      if (key.escape || input === 'q') return app('back');
      if (input === '?') return app('help');
      if (key.upArrow || input === 'k') return flow({ type: 'MOVE', by: -1 });
      if (key.downArrow || input === 'j') return flow({ type: 'MOVE', by: 1 });
      if (key.rightArrow || (key.tab && !key.shift) || input === 'l') return flow({ type: 'DEVICE', by: 1 });
      if (key.leftArrow || (key.tab && key.shift)) return flow({ type: 'DEVICE', by: -1 });
      if (key.return) return flow({ type: 'SELECT' });
      if (input === 'h') return flow({ type: 'HINT' });
      if (input === 'S') return flow({ type: 'ASK_SOLUTION' });
      if (input === 'b') return flow({ type: 'BRIEFING' });
      if (input === 'p') return flow({ type: 'PAUSE' });
      if (input === 't') return flow({ type: 'TRACE' });
      return undefined;
    case 'configure':
      return listKeys(input, key, menuItems(s.context, 'configure').length);
    case 'route':
      return listKeys(input, key, menuItems(s.context, 'route').length);
    case 'field':
    case 'answer':
      if (key.escape) return flow({ type: 'CANCEL' });
      if (key.return) return flow({ type: 'SELECT' });
      if (key.backspace || key.delete) return flow({ type: 'ERASE' });
      if (key.leftArrow) return flow({ type: 'CARET', by: -1 });
      if (key.rightArrow) return flow({ type: 'CARET', by: 1 });
      if (key.ctrl && input === 'u') return flow({ type: 'CLEAR' });
      if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow) return undefined;
      return input ? flow({ type: 'TYPE', text: input }) : undefined;
    case 'confirmSolution':
      if (input === 'y' || input === 'Y') return flow({ type: 'CONFIRM', yes: true });
      if (input === 'n' || input === 'N' || key.escape) return flow({ type: 'CONFIRM', yes: false });
      return undefined;
    case 'paused':
      if (input === 'p' || key.return || key.escape) return flow({ type: 'RESUME' });
      if (input === 'q') return app('back');
      return undefined;
    case 'trace':
      // The stepper owns the other keys (step, play, speed).
      if (key.escape || input === 'q') return flow({ type: 'CLOSE_TRACE' });
      return undefined;
    case 'result': {
      if (key.escape || input === 'q') return app('back');
      if (input === '?') return app('help');
      if (input === 'n' && opts.hasNext) return app('next');
      if (input === 't') return flow({ type: 'TRACE' });
      if (key.upArrow || input === 'k') return flow({ type: 'MOVE', by: -1 });
      if (key.downArrow || input === 'j') return flow({ type: 'MOVE', by: 1 });
      if (key.return) return app(resultChoices(opts.hasNext)[Math.min(s.context.menu, resultChoices(opts.hasNext).length - 1)]!.value);
      return undefined;
    }
  }
}

export function resultChoices(hasNext: boolean, locale = 'en'): readonly { readonly label: string; readonly value: 'next' | 'back' }[] {
  return [...(hasNext ? [{ label: sayLevel(locale, 'result.next'), value: 'next' as const }] : []), { label: sayLevel(locale, 'result.back'), value: 'back' as const }];
}
