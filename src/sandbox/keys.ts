/** The sandbox screen's keys, for the footer and the help overlay: what Sandbox.tsx and the trace stepper do. */
import type { KeyHelp } from '../tui/nav';
import { traceStepperKeys } from '../tui/stepper-keys';
import type { Glyphs } from '../tui/theme';
import { ACTIONS } from './actions';
import { say, type WordKey } from '../tui/words';

export function sandboxKeys(g: Glyphs, locale = 'en'): KeyHelp[] {
  const w = (k: WordKey) => say(locale, k as never);
  const key = (id: string) => ACTIONS.find((a) => a.id === id)!.key;
  const group = (ids: readonly string[], action: string, extra: Partial<KeyHelp> = {}): KeyHelp => ({ keys: ids.map(key).join(' '), action, ...extra });
  const stepper = traceStepperKeys(g);
  return [
    { keys: g.enter, action: w('key.sbActions'), short: w('key.sbActionsShort'), main: true },
    { keys: `${g.left}${g.right} tab`, action: w('key.device'), short: w('key.deviceShort'), main: true },
    group(['ping', 'udp'], w('key.sbPing'), { main: true, short: 'ping' }),
    group(['tcp-open', 'tcp-close'], w('key.sbTcp')),
    group(['trace'], w('key.sbTrace'), { main: true, short: w('key.stepShort') }),
    group(['address', 'gateway'], w('key.sbAddress')),
    group(['route-add', 'route-del', 'listen'], w('key.sbRoutes')),
    group(['add', 'connect'], w('key.sbAdd')),
    group(['pcap', 'level'], w('key.sbFiles')),
    { keys: `${stepper[0]!.keys} space + -`, action: w('key.sbTraceStep') },
    { keys: `home end ${g.up}${g.down} v`, action: w('key.sbTraceMove') },
    { keys: '[ ]', action: w('key.sbTraceRuns') },
    { keys: 'esc q', action: w('key.sbBack'), short: w('key.back'), main: true },
    { keys: '?', action: w('key.help'), main: true },
    { keys: 'ctrl+c', action: w('key.quitGame') },
  ];
}
