/**
 * A play session: the level, the player's steps so far, and the verifier's judgement of
 * each. Every verdict comes from the simulation and the machines, never an answer list.
 * Headless play, `check`, the TUI and the tests all drive levels through this class.
 */
import type { LoadedLevel } from '../levels/load';
import { buildTopology } from '../levels/build';
import { localize } from '../levels/text';
import type { Action, Goal, Prediction, Question } from '../levels/schema';
import type { Simulation } from '../net/sim/simulation';
import type { TraceEvent } from '../net/sim/trace';
import { judgeAnswer, rightAnswer } from './answers';
import { applyConfigure, isConfigure, notAllowed, type ConfigureAction } from './configure';
import { checkGoal, describeGoal, type GoalResult } from './goals';
import { message } from './messages';
import { judgePrediction, runScenario } from './predictions';
import { judgeHop, planRoute, type RoutePlan } from './route';
import { score, type Score } from './score';
import { startBackground } from './background';
import { POINTS, type Verdict } from './verdict';
import { levelMemo } from './level-memo';

export interface StepReport {
  readonly index: number;
  readonly action: Action;
  readonly verdict: Verdict;
  readonly solved: boolean;
}

export interface SessionOptions {
  readonly locale?: string;
  /** Milliseconds on a monotonic clock (injectable for tests). */
  readonly clock?: () => number;
}

export class Session {
  private readonly config: ConfigureAction[] = [];
  private readonly correct = new Set<string>();
  private hopIndex = 0;
  private steps = 0;
  private wrongTries = 0;
  private hintsTaken = 0;
  private solutionShown = false;
  private readonly started: number;
  private finishedAt: number | undefined;
  private cachedNetwork: Simulation | undefined;
  private cachedTrace: readonly TraceEvent[] | undefined;
  private cachedPlan: RoutePlan | undefined;
  readonly history: StepReport[] = [];
  readonly locale: string;
  private readonly clock: () => number;

  constructor(
    readonly loaded: LoadedLevel,
    opts: SessionOptions = {},
  ) {
    this.locale = opts.locale ?? 'en';
    this.clock = opts.clock ?? (() => performance.now());
    this.started = this.clock();
  }

  get level() {
    return this.loaded.level;
  }

  /** A fresh copy of the player's network: the level's topology with the player's configuration. */
  network(): Simulation {
    const sim = buildTopology(this.level).sim;
    for (const a of this.config) applyConfigure(sim, a, this.locale);
    startBackground(sim, this.level.background);
    return sim;
  }

  /** The player's network, kept for display; rebuilt when the configuration changes. */
  current(): Simulation {
    return (this.cachedNetwork ??= this.network());
  }

  /** The scenario's trace on the player's network (what predictions are judged against). */
  scenarioTrace(): readonly TraceEvent[] {
    if (!this.cachedTrace) {
      const ran = levelMemo(this.level, `scenario ${this.configKey()}`, () => {
        const sim = this.network();
        runScenario(sim, this.level.scenario);
        return { sim, trace: sim.trace as readonly TraceEvent[] };
      });
      this.cachedTrace = ran.trace;
      this.scenarioSim = ran.sim;
    }
    return this.cachedTrace;
  }

  /** The player's configuration so far, as a key: the network's behaviour depends on nothing else. */
  private configKey(): string {
    return JSON.stringify(this.config);
  }
  private scenarioSim: Simulation | undefined;

  /**
   * The traffic to step through on the player's network: the scenario when the level has one,
   * else what checking the goals sends (their pings, datagrams and connections) and, in a route
   * level, a ping along the route, on one network.
   */
  watchTrace(): readonly TraceEvent[] {
    if (this.level.scenario.length > 0) return this.scenarioTrace();
    if (!this.cachedWatch) {
      const sim = this.network();
      for (const g of this.level.goals) if (!('answers' in g)) checkGoal(sim, g, false, this.locale);
      // A carry-the-packet level: watch a real ping take the path the player chose hop by hop.
      if (this.level.route) runScenario(sim, [{ ping: { from: this.level.route.from, to: this.level.route.to } }]);
      this.cachedWatch = sim.trace;
    }
    return this.cachedWatch;
  }
  private cachedWatch: readonly TraceEvent[] | undefined;

  goals(): GoalResult[] {
    const answersRight = this.level.questions.every((q) => this.correct.has(q.id));
    // Each goal runs on a fresh network, so the results change only with the configuration
    // and the answers. Kept until then: `solved()` asks after every step, `score()` too
    // (recomputing was most of `netquest check`'s time).
    if (this.cachedGoals?.answersRight !== answersRight) {
      const results = levelMemo(this.level, `goals ${answersRight} ${this.locale} ${this.configKey()}`, () => this.level.goals.map((g: Goal) => checkGoal(this.network(), g, answersRight, this.locale)));
      this.cachedGoals = { answersRight, results };
    }
    return [...this.cachedGoals.results];
  }
  private cachedGoals: { readonly answersRight: boolean; readonly results: readonly GoalResult[] } | undefined;

  routePlan(): RoutePlan | undefined {
    if (!this.level.route) return undefined;
    const route = this.level.route;
    return (this.cachedPlan ??= levelMemo(this.level, `plan ${this.locale} ${this.configKey()}`, () => planRoute(this.network(), route, this.locale)));
  }

  /** Questions and predictions not yet answered correctly, in the level's order. */
  open(): (Question | Prediction)[] {
    return [...this.level.questions, ...this.level.predictions].filter((q) => !this.correct.has(q.id));
  }

  solved(): boolean {
    if (this.open().length > 0) return false;
    const plan = this.routePlan();
    if (plan && this.hopIndex < plan.hops.length) return false;
    return this.goals().every((g) => g.met);
  }

  step(action: Action): StepReport {
    const verdict = this.judge(action);
    const counts = !('hint' in action);
    if (counts) this.steps++;
    if (verdict.result === 'incorrect') this.wrongTries++;
    const solved = this.solved();
    if (solved && this.finishedAt === undefined) this.finishedAt = this.clock();
    const report = { index: this.history.length, action, verdict, solved };
    this.history.push(report);
    return report;
  }

  private judge(action: Action): Verdict {
    if ('hint' in action) return this.hint();
    if (isConfigure(action)) {
      const refused = notAllowed(this.level, action, this.locale);
      if (refused) return { result: 'incorrect', points: 0, concept: 'rules', explanation: message('sentence-end', { text: refused }, this.locale) };
      const before = this.goals().filter((g) => g.met).length;
      const probe = this.network();
      const applied = applyConfigure(probe, action, this.locale);
      if (!applied.ok) return { ...applied.verdict, points: 0 };
      this.config.push(action);
      this.cachedNetwork = probe;
      this.cachedTrace = undefined;
      this.cachedGoals = undefined;
      this.cachedWatch = undefined;
      this.cachedPlan = undefined;
      const goals = this.goals();
      const met = goals.filter((g) => g.met).length;
      const total = goals.length;
      const progress = total > 0 ? message('goals-met', { met, total }, this.locale) : '';
      const undone = met < before ? message('goal-undone', {}, this.locale) : '';
      const open = goals.find((g) => !g.met);
      const next = open ? message('goal-still-to-do', { goal: describeGoal(open.goal, this.locale), detail: open.detail }, this.locale) : '';
      return {
        result: met < before ? 'partly-correct' : 'correct',
        points: met < before ? POINTS.partly : POINTS.correct,
        concept: 'configuration',
        explanation: `${message('sentence-end', { text: applied.note }, this.locale)}${progress}${undone}${next}`,
        goals: { met, total },
      };
    }
    if ('answer' in action) {
      const q = this.level.questions.find((x) => x.id === action.answer.question);
      if (!q) return { result: 'incorrect', points: 0, concept: 'rules', explanation: message('no-such-question', { id: action.answer.question }, this.locale) };
      const v = judgeAnswer(q, this.current(), action.answer.value, this.locale);
      if (v.result === 'correct') this.correct.add(q.id);
      return v;
    }
    if ('predict' in action) {
      const p = this.level.predictions.find((x) => x.id === action.predict.question);
      if (!p) return { result: 'incorrect', points: 0, concept: 'rules', explanation: message('no-such-prediction', { id: action.predict.question }, this.locale) };
      const trace = this.scenarioTrace();
      const v = judgePrediction(p, this.scenarioSim!, trace, action.predict.value, this.locale);
      if (v.result === 'correct') this.correct.add(p.id);
      return v;
    }
    const plan = this.routePlan();
    if (!plan) return { result: 'incorrect', points: 0, concept: 'rules', explanation: message('level-has-no-route', {}, this.locale) };
    const v = judgeHop(plan, this.hopIndex, action.hop.device, this.locale);
    if (v.result === 'correct') this.hopIndex++;
    return v;
  }

  /** The next hint, costing points; when hints run out, says so. */
  hint(): Verdict {
    const hints = this.level.hints;
    if (this.hintsTaken >= hints.length) return { result: 'info', points: 0, concept: 'hint', explanation: message('no-more-hints', {}, this.locale) };
    const text = localize(hints[this.hintsTaken], this.locale);
    this.hintsTaken++;
    return { result: 'info', points: POINTS.hint, concept: 'hint', explanation: text };
  }

  /** Shows the reference solution. The level then no longer counts as solved by the player. */
  revealSolution(): readonly Action[] {
    this.solutionShown = true;
    return this.level.solution;
  }

  /** The right answer to a question or prediction (for the reveal after a wrong try, or the result screen). */
  answerOf(id: string): string | undefined {
    const q = this.level.questions.find((x) => x.id === id);
    if (q) return rightAnswer(q, this.current(), this.locale);
    return undefined;
  }

  score(): Score {
    const seconds = this.finishedAt !== undefined ? (this.finishedAt - this.started) / 1000 : (this.clock() - this.started) / 1000;
    const timed = this.level.timeLimit !== undefined ? { seconds: Math.round(seconds), timeLimit: this.level.timeLimit } : {};
    const overTime = this.level.timeLimit !== undefined && seconds > this.level.timeLimit;
    return score({ steps: this.steps, par: this.level.par, wrongTries: this.wrongTries, hints: this.hintsTaken, ...timed }, this.solved() && !this.solutionShown && !overTime);
  }
}
