/** The sandbox screen's keys, for the footer and the help overlay: what Sandbox.tsx and the trace stepper do. */
import type { KeyHelp } from '../tui/nav';
import { traceStepperKeys } from '../tui/stepper-keys';
import type { Glyphs } from '../tui/theme';
import { ACTIONS } from './actions';

export function sandboxKeys(g: Glyphs): KeyHelp[] {
  const key = (id: string) => ACTIONS.find((a) => a.id === id)!.key;
  const group = (ids: readonly string[], action: string, extra: Partial<KeyHelp> = {}): KeyHelp => ({ keys: ids.map(key).join(' '), action, ...extra });
  const stepper = traceStepperKeys(g);
  return [
    { keys: g.enter, action: 'the list of actions (each also has its own key)', short: 'actions', main: true },
    { keys: `${g.left}${g.right} tab`, action: 'select a device: the inspector shows it', short: 'device', main: true },
    group(['ping', 'udp'], 'ping; send a UDP datagram', { main: true, short: 'ping' }),
    group(['tcp-open', 'tcp-close'], 'open a TCP connection; close one'),
    group(['trace'], 'step through the last run, frame by frame', { main: true, short: 'step' }),
    group(['address', 'gateway'], 'set an interface address; a host\'s gateway'),
    group(['route-add', 'route-del', 'listen'], 'add or remove a static route; open a port (TCP, UDP)'),
    group(['add', 'connect'], 'add a device; plug a cable'),
    group(['pcap', 'level'], 'write a pcap file; save the network as a level file'),
    { keys: `${stepper[0]!.keys} space + -`, action: 'in the trace: step, play or pause, speed' },
    { keys: `home end ${g.up}${g.down} v`, action: 'in the trace: first/last, scroll, headers/ladder' },
    { keys: '[ ]', action: 'in the trace: the run before or after' },
    { keys: 'esc q', action: 'back (cancels a form, leaves the trace)', short: 'back', main: true },
    { keys: '?', action: 'this help', main: true },
    { keys: 'ctrl+c', action: 'quit netquest' },
  ];
}
