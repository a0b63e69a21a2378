/**
 * The level flow as a state machine: briefing → playing (tasks, a choice, a field, the route,
 * the trace, paused) → result, beside a timer region (idle → running ⇄ paused → stopped).
 * The level screen renders a snapshot and sends events; every decision about what a key does
 * in a given state, when a step is judged and when the level is over is made here.
 *
 * The verifier's Session is mutable and lives in the context: judging a step is an action,
 * and what the screen shows of the session (tasks, feedback) is recomputed into the context
 * right after, so a snapshot is all a renderer needs.
 * Plain TypeScript (no Ink): tests drive it with events and a fake clock.
 */
import { and, assign, not, raise, setup, stateIn, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { LoadedLevel } from '../../levels/load';
import type { Action } from '../../levels/schema';
import type { LevelResult } from '../../progress/store';
import type { Score } from '../../verify/score';
import { Session } from '../../verify/session';
import {
  answerAction,
  answerProblem,
  buildTasks,
  configureAction,
  configureChoices,
  formatAction,
  headOf,
  promptOf,
  reflow,
  revealLines,
  toneOf,
  type Askable,
  type ConfigureChoice,
  type FeedbackItem,
  type LevelFile,
  type Task,
} from '../play';
import { sayLevel as words } from '../level-words';
import { PlayClock } from './play-clock';
import { cleanTyped } from '../typed-text';

export const MAX_FEEDBACK = 12;
/** Wrong tries at a prediction after which the trace is shown anyway, so nobody is stuck. */
export const REVEAL_AFTER_TRIES = 3;

export interface LevelFlowInput {
  readonly loaded: LoadedLevel;
  readonly locale: string;
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number;
  /** Joins a route's hops (ASCII terminals get ->). */
  readonly arrow?: string;
  /** Called once when the level is solved and counts; returns a line to show (e.g. the save failed). */
  readonly onSolved?: (result: LevelResult) => string | undefined;
}

export interface Outcome {
  readonly score: Score;
  readonly seconds: number;
  /** Solved without the solution shown, with at least one star: recorded as a solve. */
  readonly counted: boolean;
  readonly notice: string | undefined;
}

export interface LevelFlowContext {
  readonly session: Session;
  readonly clock: PlayClock;
  readonly level: LevelFile;
  readonly locale: string;
  readonly arrow: string;
  readonly onSolved: LevelFlowInput['onSolved'];
  readonly choices: readonly ConfigureChoice[];
  readonly devices: readonly string[];
  /** Derived from the session after every step. */
  readonly tasks: readonly Task[];
  /** Bumped after every step: what renderers memoise on. */
  readonly version: number;
  readonly cursor: number;
  readonly device: number;
  /** The highlighted row of the open choice list (configure, route, result). */
  readonly menu: number;
  /** The text being typed in the open field, and the caret in it. */
  readonly draft: string;
  readonly caret: number;
  /** The draft is a rejected answer, shown selected: typing replaces it, arrows edit it. */
  readonly selected: boolean;
  readonly choice: ConfigureChoice | undefined;
  readonly ask: Askable | undefined;
  readonly feedback: readonly FeedbackItem[];
  readonly feedbackId: number;
  readonly solutionShown: boolean;
  /** Where a judged step returns to when the level is not over. */
  readonly returnTo: 'tasks' | 'answer' | 'route';
  readonly outcome: Outcome | undefined;
}

export type LevelFlowEvent =
  | { readonly type: 'START' }
  | { readonly type: 'BRIEFING' }
  | { readonly type: 'MOVE'; readonly by: number }
  | { readonly type: 'CHOOSE'; readonly index: number }
  | { readonly type: 'DEVICE'; readonly by: number }
  | { readonly type: 'SELECT' }
  | { readonly type: 'CANCEL' }
  | { readonly type: 'TYPE'; readonly text: string }
  | { readonly type: 'ERASE' }
  | { readonly type: 'CARET'; readonly by: number }
  | { readonly type: 'CLEAR' }
  | { readonly type: 'HINT' }
  | { readonly type: 'ASK_SOLUTION' }
  | { readonly type: 'CONFIRM'; readonly yes: boolean }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'RESUME' }
  | { readonly type: 'HELP'; readonly open: boolean }
  | { readonly type: 'TRACE' }
  | { readonly type: 'CLOSE_TRACE' }
  /** Raised by the flow when the result shows: stops the timer. */
  | { readonly type: 'SOLVED' };

type Ctx = LevelFlowContext;
type Item = Omit<FeedbackItem, 'id'>;

// ---- derived views -----------------------------------------------------------------------------

export function currentTask(c: Ctx): Task | undefined {
  return c.tasks[Math.min(c.cursor, c.tasks.length - 1)];
}

/** Where the packet of a route level is now. */
export function routeHere(c: Ctx): string {
  const route = c.tasks.find((t) => t.kind === 'route');
  return (route?.kind === 'route' ? route.path.at(-1) : undefined) ?? c.level.route?.from ?? '';
}

/** The rows of the choice list open in `state` (configure, route, result). */
export function menuItems(c: Ctx, state: 'configure' | 'route'): readonly { readonly label: string; readonly value: string; readonly hint?: string }[] {
  if (state === 'configure') return c.choices.map((ch, i) => ({ label: ch.label, value: String(i) }));
  const here = routeHere(c);
  return c.devices.filter((d) => d !== here).map((d) => ({ label: d, value: d }));
}

/** Why the text typed so far cannot be sent (undefined when it can, or is still empty). */
export function draftProblem(c: Ctx): string | undefined {
  if (c.draft.trim() === '') return undefined;
  if (c.choice) {
    const a = configureAction(c.choice, c.draft, c.locale);
    return a.ok ? undefined : a.error;
  }
  if (c.ask) return answerProblem(c.ask, c.draft, c.locale);
  return undefined;
}

function sendable(c: Ctx): boolean {
  return c.draft.trim() !== '' && draftProblem(c) === undefined;
}

function tasksOf(session: Session, level: LevelFile, locale: string, arrow: string): Task[] {
  const open = new Set(session.open().map((q) => q.id));
  return buildTasks({ level, goals: session.goals(), open, history: session.history, routeLength: level.route ? session.routePlan()?.hops.length : undefined, locale, arrow });
}

function firstDevice(level: LevelFile, devices: readonly string[], kinds: readonly string[]): number {
  // Start on a device the player may change, else the first host.
  const allowed = Object.values(level.allow).flat().map((x) => String(x).split(':')[0]);
  const i = devices.findIndex((d) => allowed.includes(d));
  return i >= 0 ? i : Math.max(0, kinds.indexOf('host'));
}

function say(c: Ctx, items: readonly Item[]): Pick<Ctx, 'feedback' | 'feedbackId'> {
  let id = c.feedbackId;
  const added = items.map((i) => ({ ...i, id: ++id })).reverse();
  return { feedback: [...added, ...c.feedback].slice(0, MAX_FEEDBACK), feedbackId: id };
}

/** Judges one step and folds the verdict into the context. */
function judge(c: Ctx, action: Action, returnTo: (right: boolean) => Ctx['returnTo'], reveal?: (right: boolean, tries: number) => readonly string[] | undefined): Partial<Ctx> {
  const r = c.session.step(action);
  const v = r.verdict;
  const right = v.result === 'correct';
  const tasks = tasksOf(c.session, c.level, c.locale, c.arrow);
  const asked = c.ask ? tasks.find((t) => t.kind === 'ask' && t.ask.q.id === c.ask!.q.id) : undefined;
  const lines = reveal?.(right, asked?.kind === 'ask' ? asked.tries : 0);
  return {
    ...say(c, [{ tone: toneOf(v), head: headOf(v, c.locale), body: reflow(v.explanation), ...(lines ? { reveal: lines } : {}) }]),
    tasks,
    version: c.version + 1,
    returnTo: returnTo(right),
    cursor: right ? nextOpenTask(tasks, c.cursor) : c.cursor,
  };
}

/** After a task is done, the cursor moves on to the next one still open (wrapping), if any. */
export function nextOpenTask(tasks: readonly Task[], from: number): number {
  if (tasks[from] && !tasks[from]!.done) return from;
  for (let k = 1; k <= tasks.length; k++) {
    const i = (from + k) % tasks.length;
    if (!tasks[i]!.done) return i;
  }
  return Math.min(from, tasks.length - 1);
}

const clampMenu = (n: number, by: number, len: number) => (len === 0 ? 0 : Math.max(0, Math.min(len - 1, n + by)));

// ---- the machine -------------------------------------------------------------------------------

/** What a text field (a change's value, an answer) does with keys, besides sending. */
const EDITING = {
  TYPE: { actions: 'typeText' },
  ERASE: { actions: 'erase' },
  CARET: { actions: 'moveCaret' },
  CLEAR: { actions: 'clearDraft' },
  CANCEL: { target: 'tasks', actions: 'dropField' },
} as const;

export const levelFlowMachine = setup({
  types: {
    context: {} as LevelFlowContext,
    events: {} as LevelFlowEvent,
    input: {} as LevelFlowInput,
  },
  guards: {
    solved: ({ context }) => context.session.solved(),
    backToAnswer: ({ context }) => context.returnTo === 'answer',
    backToRoute: ({ context }) => context.returnTo === 'route',
    sendable: ({ context }) => sendable(context),
    choiceIsNoFieldAt: ({ context, event }) => {
      const i = event.type === 'CHOOSE' ? event.index : context.menu;
      return context.choices[i]?.placeholder === undefined;
    },
    choiceExists: ({ context, event }) => context.choices[event.type === 'CHOOSE' ? event.index : context.menu] !== undefined,
    routeOptionExists: ({ context, event }) => menuItems(context, 'route')[event.type === 'CHOOSE' ? event.index : context.menu] !== undefined,
    taskNothingToChange: ({ context }) => {
      const t = currentTask(context);
      return (t?.kind === 'goal' || t?.kind === 'configure') && context.choices.length === 0;
    },
    taskOneField: ({ context }) => {
      const t = currentTask(context);
      return (t?.kind === 'goal' || t?.kind === 'configure') && context.choices.length === 1 && context.choices[0]!.placeholder !== undefined;
    },
    taskConfigure: ({ context }) => {
      const t = currentTask(context);
      return t?.kind === 'goal' || t?.kind === 'configure';
    },
    taskAskDone: ({ context }) => {
      const t = currentTask(context);
      return t?.kind === 'ask' && t.done;
    },
    taskAsk: ({ context }) => currentTask(context)?.kind === 'ask',
    taskRouteDone: ({ context }) => {
      const t = currentTask(context);
      return t?.kind === 'route' && t.done;
    },
    taskRoute: ({ context }) => currentTask(context)?.kind === 'route',
    noTraffic: ({ context }) => context.session.watchTrace().length === 0,
    predictionsOpen: ({ context }) => context.level.predictions.some((p) => context.session.open().some((q) => q.id === p.id)),
    helpClosed: ({ event }) => event.type === 'HELP' && !event.open,
    helpOpened: ({ event }) => event.type === 'HELP' && event.open,
  },
  actions: {
    startClock: ({ context }) => context.clock.start(),
    stopClock: ({ context }) => context.clock.stop(),
    solvedRaised: raise({ type: 'SOLVED' }),
    clearDraft: assign({ draft: '', caret: 0, selected: false }),
    resetMenu: assign({ menu: 0 }),
    moveCursor: assign({ cursor: ({ context, event }) => (event.type === 'MOVE' ? clampMenu(Math.min(context.cursor, context.tasks.length - 1), event.by, context.tasks.length) : context.cursor) }),
    moveDevice: assign({
      device: ({ context, event }) => {
        const n = context.devices.length;
        return event.type === 'DEVICE' && n > 0 ? (((context.device + event.by) % n) + n) % n : context.device;
      },
    }),
    moveMenu: assign({
      menu: ({ context, event }, params: { len: number }) => (event.type === 'MOVE' ? clampMenu(context.menu, event.by, params.len) : context.menu),
    }),
    typeText: assign(({ context, event }) => {
      if (event.type !== 'TYPE') return {};
      const text = cleanTyped(event.text);
      if (context.selected) return { draft: text, caret: text.length, selected: false };
      return { draft: context.draft.slice(0, context.caret) + text + context.draft.slice(context.caret), caret: context.caret + text.length };
    }),
    erase: assign(({ context }) => {
      if (context.selected) return { draft: '', caret: 0, selected: false };
      return context.caret === 0 ? {} : { draft: context.draft.slice(0, context.caret - 1) + context.draft.slice(context.caret), caret: context.caret - 1 };
    }),
    moveCaret: assign(({ context, event }) => ({ selected: false, caret: event.type === 'CARET' ? Math.max(0, Math.min(context.draft.length, context.caret + event.by)) : context.caret })),
    takeChoice: assign(({ context, event }) => ({ choice: context.choices[event.type === 'CHOOSE' ? event.index : context.menu], ask: undefined, draft: '', caret: 0, selected: false })),
    takeOnlyChoice: assign(({ context }) => ({ choice: context.choices[0], ask: undefined, draft: '', caret: 0, selected: false })),
    takeAsk: assign(({ context }) => {
      const t = currentTask(context);
      return { ask: t?.kind === 'ask' ? t.ask : undefined, choice: undefined, draft: '', caret: 0, selected: false };
    }),
    dropField: assign({ choice: undefined, ask: undefined, draft: '', caret: 0, selected: false }),
    noteNothingToChange: assign(({ context }) => say(context, [{ tone: 'info', head: words(context.locale, 'fb.note'), body: words(context.locale, 'note.nothingToChange') }])),
    noteAskDone: assign(({ context }) => {
      const t = currentTask(context);
      if (t?.kind !== 'ask') return {};
      const reveal = t.ask.type === 'prediction' ? revealLines(t.ask.q, context.session.scenarioTrace(), 3, context.locale) : undefined;
      return say(context, [{ tone: 'info', head: words(context.locale, 'note.answered'), body: promptOf(t.ask, context.locale), ...(reveal ? { reveal } : {}) }]);
    }),
    noteRouteDone: assign(({ context }) => say(context, [{ tone: 'info', head: words(context.locale, 'fb.note'), body: words(context.locale, 'note.arrived') }])),
    noteNoTraffic: assign(({ context }) => say(context, [{ tone: 'info', head: words(context.locale, 'note.nothingToWatch'), body: words(context.locale, 'note.allQuestions') }])),
    notePredictFirst: assign(({ context }) => say(context, [{ tone: 'info', head: words(context.locale, 'note.predictFirst'), body: words(context.locale, 'note.predictFirstBody') }])),
    judgeChoiceWithoutField: assign(({ context, event }) => {
      const choice = context.choices[event.type === 'CHOOSE' ? event.index : context.menu];
      const a = choice ? configureAction(choice, '', context.locale) : undefined;
      return a?.ok ? judge(context, a.value, () => 'tasks') : { returnTo: 'tasks' as const };
    }),
    judgeField: assign(({ context }) => {
      const a = context.choice ? configureAction(context.choice, context.draft, context.locale) : undefined;
      if (!a?.ok) return {};
      return { ...judge(context, a.value, () => 'tasks'), draft: '', caret: 0, choice: undefined };
    }),
    judgeAnswer: assign(({ context }) => {
      const ask = context.ask;
      if (!ask) return {};
      const reveal =
        ask.type === 'prediction'
          ? (right: boolean, tries: number) => (right || tries >= REVEAL_AFTER_TRIES ? revealLines(ask.q, context.session.scenarioTrace(), 3, context.locale) : undefined)
          : undefined;
      const out = judge(context, answerAction(ask, context.draft), (right) => (right ? 'tasks' : 'answer'), reveal);
      // A wrong answer stays, selected: the next key replaces it, an arrow edits it.
      return out.returnTo === 'tasks' ? { ...out, ask: undefined, draft: '', caret: 0, selected: false } : { ...out, selected: true };
    }),
    judgeHop: assign(({ context, event }) => {
      const item = menuItems(context, 'route')[event.type === 'CHOOSE' ? event.index : context.menu];
      if (!item) return {};
      const out = judge(context, { hop: { device: item.value } }, () => 'route');
      const arrived = out.tasks?.find((t) => t.kind === 'route')?.done === true;
      return { ...out, returnTo: arrived ? 'tasks' : 'route', menu: 0 };
    }),
    judgeHint: assign(({ context }) => judge(context, { hint: {} }, () => 'tasks')),
    showSolution: assign(({ context }) => {
      const steps = context.session.revealSolution();
      return { solutionShown: true, ...say(context, [{ tone: 'info', head: words(context.locale, 'note.solution'), body: steps.map(formatAction).join('\n') }]) };
    }),
    finish: assign(({ context }) => {
      const score = context.session.score();
      const seconds = score.seconds ?? Math.max(0, Math.round(context.clock.read() / 1000));
      const counted = !context.solutionShown && score.stars > 0;
      const notice = counted ? context.onSolved?.({ stars: score.stars, points: score.points, seconds, steps: score.steps }) : undefined;
      return { outcome: { score, seconds, counted, notice }, menu: 0 };
    }),
  },
}).createMachine({
  id: 'level',
  type: 'parallel',
  context: ({ input }) => {
    const clock = new PlayClock(input.now);
    const session = new Session(input.loaded, { locale: input.locale, clock: () => clock.read() });
    const level = input.loaded.level;
    const devices = level.topology.devices.map((d) => d.name);
    const arrow = input.arrow ?? '→';
    return {
      session,
      clock,
      level,
      locale: input.locale,
      arrow,
      onSolved: input.onSolved,
      choices: configureChoices(level, input.locale),
      devices,
      tasks: tasksOf(session, level, input.locale, arrow),
      version: 0,
      cursor: 0,
      device: firstDevice(level, devices, level.topology.devices.map((d) => d.kind)),
      menu: 0,
      draft: '',
      caret: 0,
      selected: false,
      choice: undefined,
      ask: undefined,
      feedback: [],
      feedbackId: 0,
      solutionShown: false,
      returnTo: 'tasks',
      outcome: undefined,
    };
  },
  states: {
    flow: {
      initial: 'briefing',
      states: {
        briefing: {
          on: { START: 'playing' },
        },
        playing: {
          initial: 'tasks',
          states: {
            tasks: {
              on: {
                MOVE: { actions: 'moveCursor' },
                DEVICE: { actions: 'moveDevice' },
                HINT: { target: 'judged', actions: 'judgeHint' },
                ASK_SOLUTION: 'confirmSolution',
                BRIEFING: '#level.flow.briefing',
                PAUSE: 'paused',
                TRACE: [{ guard: 'predictionsOpen', actions: 'notePredictFirst' }, { guard: 'noTraffic', actions: 'noteNoTraffic' }, { target: 'trace' }],
                SELECT: [
                  { guard: 'taskNothingToChange', actions: 'noteNothingToChange' },
                  { guard: 'taskOneField', target: 'field', actions: 'takeOnlyChoice' },
                  { guard: 'taskConfigure', target: 'configure' },
                  { guard: 'taskAskDone', actions: 'noteAskDone' },
                  { guard: 'taskAsk', target: 'answer', actions: 'takeAsk' },
                  { guard: 'taskRouteDone', actions: 'noteRouteDone' },
                  { guard: 'taskRoute', target: 'route' },
                ],
              },
            },
            configure: {
              entry: 'resetMenu',
              on: {
                MOVE: { actions: { type: 'moveMenu', params: ({ context }) => ({ len: context.choices.length }) } },
                CANCEL: 'tasks',
                SELECT: [
                  { guard: 'choiceIsNoFieldAt', target: 'judged', actions: 'judgeChoiceWithoutField' },
                  { guard: 'choiceExists', target: 'field', actions: 'takeChoice' },
                ],
                CHOOSE: [
                  { guard: 'choiceIsNoFieldAt', target: 'judged', actions: 'judgeChoiceWithoutField' },
                  { guard: 'choiceExists', target: 'field', actions: 'takeChoice' },
                ],
              },
            },
            field: {
              on: { ...EDITING, SELECT: { guard: 'sendable', target: 'judged', actions: 'judgeField' } },
            },
            answer: {
              on: { ...EDITING, SELECT: { guard: 'sendable', target: 'judged', actions: 'judgeAnswer' } },
            },
            route: {
              entry: 'resetMenu',
              on: {
                MOVE: { actions: { type: 'moveMenu', params: ({ context }) => ({ len: menuItems(context, 'route').length }) } },
                CANCEL: 'tasks',
                SELECT: { guard: 'routeOptionExists', target: 'judged', actions: 'judgeHop' },
                CHOOSE: { guard: 'routeOptionExists', target: 'judged', actions: 'judgeHop' },
              },
            },
            confirmSolution: {
              on: {
                CONFIRM: [{ guard: ({ event }) => event.yes, target: 'judged', actions: 'showSolution' }, { target: 'tasks' }],
                CANCEL: 'tasks',
              },
            },
            trace: {
              on: { CLOSE_TRACE: 'tasks', CANCEL: 'tasks' },
            },
            paused: {
              on: { RESUME: 'tasks', CANCEL: 'tasks' },
            },
            /** A step was judged: the result when the level is over, else back where the step came from. */
            judged: {
              always: [
                { guard: 'solved', target: '#level.flow.result' },
                { guard: 'backToAnswer', target: 'answer' },
                { guard: 'backToRoute', target: 'route' },
                { target: 'tasks' },
              ],
            },
          },
        },
        result: {
          entry: ['finish', 'solvedRaised'],
          initial: 'summary',
          states: {
            summary: {
              on: {
                MOVE: { actions: { type: 'moveMenu', params: { len: 2 } } },
                TRACE: [{ guard: 'noTraffic', actions: 'noteNoTraffic' }, { target: 'trace' }],
              },
            },
            /** Watching what really happened, once the level is done. */
            trace: {
              on: { CLOSE_TRACE: 'summary', CANCEL: 'summary' },
            },
          },
        },
      },
    },
    timer: {
      initial: 'idle',
      states: {
        idle: { on: { START: 'running' } },
        running: {
          entry: 'startClock',
          exit: 'stopClock',
          on: {
            PAUSE: { guard: stateIn('#level.flow.playing.tasks'), target: 'paused' },
            HELP: { guard: 'helpOpened', target: 'paused' },
            SOLVED: 'stopped',
          },
        },
        paused: {
          on: {
            RESUME: 'running',
            CANCEL: { guard: stateIn('#level.flow.playing.paused'), target: 'running' },
            // The help closing resumes the clock, unless the player had paused the game.
            HELP: { guard: and(['helpClosed', not(stateIn('#level.flow.playing.paused'))]), target: 'running' },
            SOLVED: 'stopped',
          },
        },
        stopped: { type: 'final' },
      },
    },
  },
});

export type LevelFlowActor = ActorRefFrom<typeof levelFlowMachine>;
export type LevelFlowSnapshot = SnapshotFrom<typeof levelFlowMachine>;

/** The flow state the screen shows, as one name. */
export type FlowView = 'briefing' | 'tasks' | 'configure' | 'field' | 'answer' | 'route' | 'confirmSolution' | 'trace' | 'paused' | 'result';

export function flowView(s: LevelFlowSnapshot): FlowView {
  const v = (s.value as { flow: string | { playing: string } | { result: string } }).flow;
  if (typeof v === 'string') return v as FlowView;
  if ('result' in v) return v.result === 'trace' ? 'trace' : 'result';
  return (v.playing === 'judged' ? 'tasks' : v.playing) as FlowView;
}

/** Whether the level is over (the result, or the trace watched from it). */
export function isOver(s: LevelFlowSnapshot): boolean {
  return s.matches({ flow: 'result' });
}
