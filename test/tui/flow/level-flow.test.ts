import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadLevelFile, type LoadedLevel } from '../../../src/levels/load';
import { flowView, levelFlowMachine, menuItems, REVEAL_AFTER_TRIES, routeHere, type LevelFlowEvent } from '../../../src/tui/flow/level-flow';
import { levelKey } from '../../../src/tui/flow/level-keys';
import { splitChunk, type KeyLike } from '../../../src/tui/typed-text';
import type { LevelResult } from '../../../src/progress/store';

function fixture(name: string): LoadedLevel {
  const r = loadLevelFile(new URL(`../../fixtures/levels/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The flow on a fake clock; `send` takes events, `keys` goes through the keymap like the screen does. */
function flowOn(name: string) {
  let now = 1_000;
  const solved: LevelResult[] = [];
  const actor = createActor(levelFlowMachine, {
    input: { loaded: fixture(name), locale: 'en', now: () => now, onSolved: (r) => (solved.push(r), undefined) },
  }).start();
  const send = (...events: LevelFlowEvent[]) => events.forEach((e) => actor.send(e));
  const key = (input: string, k: KeyLike = {}) => {
    const out = levelKey(actor.getSnapshot(), input, k, { hasNext: true });
    if (out?.kind === 'flow') actor.send(out.event);
    return out;
  };
  const type = (s: string) => [...s].forEach((ch) => key(ch));
  return {
    actor,
    send,
    key,
    type,
    solved,
    advance: (ms: number) => (now += ms),
    view: () => flowView(actor.getSnapshot()),
    timer: () => (actor.getSnapshot().value as { timer: string }).timer,
    ctx: () => actor.getSnapshot().context,
  };
}

describe('level flow: briefing, playing, result', () => {
  it('opens on the briefing with the clock idle; Enter starts play and the clock', () => {
    const f = flowOn('configure-gateway');
    expect(f.view()).toBe('briefing');
    expect(f.timer()).toBe('idle');
    f.key('', { return: true });
    expect(f.view()).toBe('tasks');
    expect(f.timer()).toBe('running');
  });

  it('plays configure-gateway to a win: the single field opens straight away, a right gateway solves it', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' });
    f.advance(5_000);
    // The goal task with one kind of change opens that change's field.
    f.key('', { return: true });
    expect(f.view()).toBe('field');
    f.type('192.168.1.1');
    expect(f.ctx().draft).toBe('192.168.1.1');
    f.key('', { return: true });
    expect(f.view()).toBe('result');
    expect(f.timer()).toBe('stopped');
    expect(f.ctx().outcome?.counted).toBe(true);
    expect(f.solved).toHaveLength(1);
    expect(f.solved[0]!.seconds).toBe(5);
    expect(f.solved[0]!.stars).toBe(3);
  });

  it('a wrong gateway is judged, explained and counted, and play goes on in the task list', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'SELECT' });
    f.type('10.0.0.1');
    f.key('', { return: true });
    expect(f.view()).toBe('tasks');
    expect(f.ctx().feedback[0]!.tone).toBe('bad');
    expect(f.ctx().session.score().wrongTries).toBe(1);
  });

  it('a malformed draft cannot be sent: Enter keeps the field open and judges nothing', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'SELECT' });
    f.type('192.168.1.');
    f.key('', { return: true });
    expect(f.view()).toBe('field');
    expect(f.ctx().session.history).toHaveLength(0);
  });

  it('keys sent faster than any redraw all land: the keymap reads the snapshot each time', () => {
    const f = flowOn('configure-gateway');
    // Enter (start), Enter (open the field) and the address, with no render in between.
    f.key('', { return: true });
    f.key('', { return: true });
    f.key('192.168.1.1');
    expect(f.ctx().draft).toBe('192.168.1.1');
    f.key('', { return: true });
    expect(f.view()).toBe('result');
  });

  it('editing the draft: backspace, caret moves, a pasted chunk with control bytes', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'SELECT' });
    f.key('192.168.1.9');
    f.key('', { backspace: true });
    f.key('1');
    f.key('', { leftArrow: true });
    f.key('', { leftArrow: true });
    f.key('0');
    expect(f.ctx().draft).toBe('192.168.10.1');
    f.key('x\x7f\x01');
    expect(f.ctx().draft).toBe('192.168.10.1');
    f.key('u', { ctrl: true });
    expect(f.ctx().draft).toBe('');
  });

  it('Esc in a field cancels back to the tasks; q typed there is text, not "back"', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'SELECT' });
    expect(f.key('q')).toEqual({ kind: 'flow', event: { type: 'TYPE', text: 'q' } });
    f.key('', { escape: true });
    expect(f.view()).toBe('tasks');
    expect(f.key('q')).toEqual({ kind: 'app', intent: 'back' });
  });
});

describe('level flow: the timer', () => {
  it('pausing stops the clock and hides nothing from the result: paused time is not counted', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' });
    f.advance(2_000);
    f.key('p');
    expect(f.view()).toBe('paused');
    expect(f.timer()).toBe('paused');
    f.advance(60_000);
    f.key('p');
    expect(f.timer()).toBe('running');
    f.advance(1_000);
    expect(f.ctx().clock.read()).toBe(3_000);
  });

  it('the help overlay pauses the clock; closing it resumes, unless the player had paused', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'HELP', open: true });
    expect(f.timer()).toBe('paused');
    f.advance(10_000);
    f.send({ type: 'HELP', open: false });
    expect(f.timer()).toBe('running');
    f.send({ type: 'PAUSE' }, { type: 'HELP', open: true }, { type: 'HELP', open: false });
    expect(f.timer()).toBe('paused');
    expect(f.ctx().clock.read()).toBe(0);
  });

  it('reading the briefing again keeps the clock running (it is part of solving)', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'BRIEFING' });
    f.advance(1_500);
    expect(f.view()).toBe('briefing');
    expect(f.ctx().clock.read()).toBe(1_500);
  });
});

describe('level flow: questions, predictions, route, hints, solution', () => {
  it('answer-subnet: a wrong answer keeps the field (with the text) for another try', () => {
    const f = flowOn('answer-subnet');
    f.send({ type: 'START' });
    // Move to the first question task.
    while (f.ctx().tasks[f.ctx().cursor]?.kind !== 'ask') f.send({ type: 'MOVE', by: 1 });
    f.send({ type: 'SELECT' });
    expect(f.view()).toBe('answer');
    const ask = f.ctx().ask!;
    const right = f.ctx().session.answerOf(ask.q.id)!;
    f.type('1.2.3.4');
    f.key('', { return: true });
    expect(f.view()).toBe('answer');
    // The wrong answer stays, selected: an arrow edits it, typing replaces it.
    expect(f.ctx()).toMatchObject({ draft: '1.2.3.4', selected: true });
    f.key('', { rightArrow: true });
    f.type('0');
    expect(f.ctx()).toMatchObject({ draft: '1.2.3.40', selected: false });
    f.key('', { return: true });
    expect(f.ctx().selected).toBe(true);
    f.type(right);
    expect(f.ctx().draft).toBe(right);
    f.key('', { return: true });
    expect(['tasks', 'result']).toContain(f.view());
    expect(f.ctx().feedback[0]!.tone).toBe('good');
    // The cursor moved on to a task still open (if any).
    const next = f.ctx().tasks[f.ctx().cursor];
    expect(next?.done === false || f.ctx().tasks.every((t) => t.done)).toBe(true);
  });

  it('predict-switch: the trace is closed until the predictions are in; a wrong guess hides the reveal until the 3rd try', () => {
    const f = flowOn('predict-switch');
    f.send({ type: 'START' }, { type: 'TRACE' });
    expect(f.view()).toBe('tasks');
    expect(f.ctx().feedback[0]!.head).toBe('Predict first');
    while (f.ctx().tasks[f.ctx().cursor]?.kind !== 'ask') f.send({ type: 'MOVE', by: 1 });
    f.send({ type: 'SELECT' });
    for (let i = 1; i <= REVEAL_AFTER_TRIES; i++) {
      f.send({ type: 'CLEAR' }, { type: 'TYPE', text: 'p9' }, { type: 'SELECT' });
      if (f.ctx().feedback[0]!.tone === 'good') return; // p9 happened to be right: nothing more to show
      expect(f.ctx().feedback[0]!.reveal !== undefined).toBe(i >= REVEAL_AFTER_TRIES);
    }
  });

  it('predict-switch: once every prediction is in, t opens the trace and Esc closes it', () => {
    const f = flowOn('predict-switch');
    f.send({ type: 'START' });
    for (const p of f.ctx().level.predictions) {
      // The reference solution holds the right predictions.
      const action = f.ctx().level.solution.find((a) => 'predict' in a && a.predict.question === p.id);
      if (action) f.ctx().session.step(action);
    }
    f.send({ type: 'TRACE' });
    expect(['trace', 'result']).toContain(f.view());
  });

  it('route-hops: the device list moves the packet; the route closes when it arrives', () => {
    const f = flowOn('route-hops');
    f.send({ type: 'START' });
    while (f.ctx().tasks[f.ctx().cursor]?.kind !== 'route') f.send({ type: 'MOVE', by: 1 });
    f.send({ type: 'SELECT' });
    expect(f.view()).toBe('route');
    const plan = f.ctx().session.routePlan()!;
    for (const hop of plan.hops) {
      const options = menuItems(f.ctx(), 'route');
      expect(options.map((o) => o.value)).not.toContain(routeHere(f.ctx()));
      const i = options.findIndex((o) => o.value === hop.device);
      expect(i).toBeGreaterThanOrEqual(0);
      f.send({ type: 'CHOOSE', index: i });
    }
    expect(['tasks', 'result']).toContain(f.view());
  });

  it('h takes a hint (counted, not a step); S asks first, n keeps playing, y shows the solution and the win does not count', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' });
    f.key('h');
    expect(f.ctx().feedback[0]!.head).toBe('Hint');
    expect(f.ctx().session.score().hints).toBe(1);
    f.key('S');
    expect(f.view()).toBe('confirmSolution');
    f.key('n');
    expect(f.view()).toBe('tasks');
    expect(f.ctx().solutionShown).toBe(false);
    f.key('S');
    f.key('y');
    expect(f.ctx().solutionShown).toBe(true);
    f.send({ type: 'SELECT' }, { type: 'TYPE', text: '192.168.1.1' }, { type: 'SELECT' });
    expect(f.view()).toBe('result');
    expect(f.ctx().outcome?.counted).toBe(false);
    expect(f.solved).toHaveLength(0);
  });
});

describe('level flow: watching the traffic', () => {
  it('configure-gateway: t shows what checking the goals sends (pc1 has no gateway: its ping goes nowhere), Esc goes back', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' });
    f.key('t');
    expect(f.view()).toBe('trace');
    expect(f.ctx().session.watchTrace().some((e) => e.kind === 'drop' && e.reason === 'no-route')).toBe(true);
    f.key('', { escape: true });
    expect(f.view()).toBe('tasks');
  });

  it('from the result, t watches the traffic of the solved network and Esc comes back to the result', () => {
    const f = flowOn('configure-gateway');
    f.send({ type: 'START' }, { type: 'SELECT' }, { type: 'TYPE', text: '192.168.1.1' }, { type: 'SELECT' });
    expect(f.view()).toBe('result');
    f.key('t');
    expect(f.view()).toBe('trace');
    // Solved: the ping now crosses the router (ARP for the gateway, then the echo request).
    expect(f.ctx().session.watchTrace().some((e) => e.kind === 'deliver' || (e.kind === 'ping' && e.outcome.status === 'reply'))).toBe(true);
    f.key('', { escape: true });
    expect(f.view()).toBe('result');
    expect(f.solved).toHaveLength(1);
  });

  it('route-hops: once carried by hand, t watches a real ping take the route', () => {
    const f = flowOn('route-hops');
    f.send({ type: 'START' });
    while (f.ctx().tasks[f.ctx().cursor]?.kind !== 'route') f.send({ type: 'MOVE', by: 1 });
    f.send({ type: 'SELECT' });
    for (const hop of f.ctx().session.routePlan()!.hops) f.send({ type: 'CHOOSE', index: menuItems(f.ctx(), 'route').findIndex((o) => o.value === hop.device) });
    f.key('t');
    expect(f.view()).toBe('trace');
    const trace = f.ctx().session.watchTrace();
    expect(trace.some((e) => e.kind === 'ping' && e.device === f.ctx().level.route!.from && e.outcome.status === 'reply')).toBe(true);
  });

  it('answer-subnet: no traffic, so t says so and stays', () => {
    const f = flowOn('answer-subnet');
    f.send({ type: 'START' });
    f.key('t');
    expect(f.view()).toBe('tasks');
    expect(f.ctx().feedback[0]!.head).toBe('Nothing to watch');
  });
});

describe('level keys: chunks read at once', () => {
  it('splits text with Enter, backspace and tab into keys; single keys and escape sequences pass whole', () => {
    expect(splitChunk('4\r', {})).toEqual([['4', {}], ['', { return: true }]]);
    expect(splitChunk('ab\x7f\t', {})).toEqual([['a', {}], ['b', {}], ['', { backspace: true }], ['', { tab: true }]]);
    expect(splitChunk('q', {})).toEqual([['q', {}]]);
    expect(splitChunk('', { upArrow: true })).toEqual([['', { upArrow: true }]]);
  });

  it('an answer typed with its Enter in one chunk is typed and sent', () => {
    const f = flowOn('configure-gateway');
    const chunk = (s: string) => splitChunk(s, {}).forEach(([input, k]) => f.key(input, k));
    chunk('\r\r192.168.1.1\r');
    expect(f.view()).toBe('result');
  });
});
