/**
 * The level screen: the briefing first, then the network drawing with a device inspector,
 * the task list, the action area (configure, answer, predict, carry the packet) and the
 * feedback of the last verdicts; the result screen when the level is solved.
 * All judging is the play session's (src/verify/session.ts); what to show is computed in
 * ../play.ts. The screen owns its keys (App passes them through): Esc/q go back except inside
 * a field or a choice, where Esc cancels and every printable key is typed.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { Session } from '../../verify/session';
import type { Score } from '../../verify/score';
import type { LoadedLevel } from '../../levels/load';
import { levelBest, type LevelResult, type Progress } from '../../progress/store';
import { AnswerField } from '../components/AnswerField';
import { Menu, type MenuItem } from '../components/Menu';
import { TopologyView } from '../components/TopologyView';
import { drawTopology } from '../layout/topology';
import { fit, formatDifficulty, formatDuration, formatStars, text, wrap } from '../model';
import {
  answerAction,
  answerProblem,
  buildTasks,
  configureAction,
  configureChoices,
  formatAction,
  headOf,
  inspectDevice,
  placeholderOf,
  promptOf,
  reflow,
  revealLines,
  toneOf,
  type Askable,
  type ConfigureChoice,
  type FeedbackItem,
  type FeedbackTone,
  type Task,
} from '../play';
import { useTheme, type Theme } from '../theme';
import type { LevelView, PackView } from '../types';

export interface LevelScreenProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly pack: PackView;
  readonly level: LevelView;
  readonly loaded: LoadedLevel;
  readonly progress: Progress;
  readonly locale: string;
  /** Whether there is a level after this one. */
  readonly hasNext: boolean;
  readonly onBack: () => void;
  readonly onHelp: () => void;
  readonly onNext: () => void;
  /** Records a solve; returns a line to show (e.g. the save failed), if any. */
  readonly onResult: (result: LevelResult) => string | undefined;
  /** Milliseconds, for the timer and the recorded time (tests inject it). */
  readonly clock?: () => number;
}

type Mode =
  | { readonly name: 'briefing' }
  | { readonly name: 'tasks' }
  | { readonly name: 'configure' }
  | { readonly name: 'field'; readonly choice: ConfigureChoice }
  | { readonly name: 'answer'; readonly ask: Askable }
  | { readonly name: 'route' }
  | { readonly name: 'confirm-solution' }
  | { readonly name: 'result' };

interface Outcome {
  readonly score: Score;
  readonly seconds: number;
  readonly counted: boolean;
  readonly notice: string | undefined;
}

const MAX_FEEDBACK = 12;

export const LevelScreen = memo(function LevelScreen(props: LevelScreenProps) {
  const { active, width, height, pack, level, loaded, progress, locale, hasNext, onBack, onHelp, onNext, onResult } = props;
  const t = useTheme();
  const g = t.glyphs;
  const clock = props.clock ?? Date.now;
  const [session] = useState(() => new Session(loaded, { locale }));
  const started = useRef(clock());
  // Bumped after every step: the session is mutable, what is derived from it is memoised on this.
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>({ name: 'briefing' });
  const [cursor, setCursor] = useState(0);
  const [feedback, setFeedback] = useState<readonly FeedbackItem[]>([]);
  const [solutionShown, setSolutionShown] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  // The best before this run, for "personal best" on the result screen.
  const [bestBefore] = useState(() => levelBest(progress, pack.id, level.id));
  const feedbackId = useRef(0);
  const lf = loaded.level;

  const devices = level.topology.devices;
  const [deviceIndex, setDeviceIndex] = useState(() => {
    const allowed = Object.values(lf.allow).flat().map((x) => String(x).split(':')[0]);
    const i = devices.findIndex((d) => allowed.includes(d.name));
    return i >= 0 ? i : Math.max(0, devices.findIndex((d) => d.kind === 'host'));
  });
  const selectedDevice = devices[deviceIndex]?.name;

  const choices = useMemo(() => configureChoices(lf), [lf]);
  const goals = useMemo(() => session.goals(), [session, version]);
  const tasks = useMemo(() => {
    const open = new Set(session.open().map((q) => q.id));
    return buildTasks({ level: lf, goals, open, history: session.history, routeLength: lf.route ? session.routePlan()?.hops.length : undefined, locale, arrow: t.ascii ? '->' : '→' });
  }, [session, version, lf, goals, locale, t.ascii]);
  const task: Task | undefined = tasks[Math.min(cursor, tasks.length - 1)];

  const say = useCallback((items: readonly Omit<FeedbackItem, 'id'>[]) => {
    setFeedback((f) => [...items.map((i) => ({ ...i, id: ++feedbackId.current })).reverse(), ...f].slice(0, MAX_FEEDBACK));
  }, []);

  const finish = useCallback(
    (shown: boolean) => {
      const score = session.score();
      const seconds = score.seconds ?? Math.max(0, Math.round((clock() - started.current) / 1000));
      const counted = !shown && score.stars > 0;
      const notice = counted ? onResult({ stars: score.stars, points: score.points, seconds, steps: score.steps }) : undefined;
      setOutcome({ score, seconds, counted, notice });
      setMode({ name: 'result' });
    },
    [session, clock, onResult],
  );

  /** Sends one action to the session; returns whether it was right. */
  const act = useCallback(
    (action: Parameters<Session['step']>[0], reveal?: (right: boolean) => readonly string[] | undefined) => {
      const r = session.step(action);
      const v = r.verdict;
      const right = v.result === 'correct';
      const lines = reveal?.(right);
      say([{ tone: toneOf(v), head: headOf(v), body: reflow(v.explanation), ...(lines ? { reveal: lines } : {}) }]);
      setVersion((n) => n + 1);
      if (r.solved) finish(solutionShown);
      return right;
    },
    [session, say, finish, solutionShown],
  );

  // ---- keys ----------------------------------------------------------------------------
  const moveDevice = useCallback(
    (d: 1 | -1) => {
      if (devices.length === 0) return;
      setDeviceIndex((i) => (i + d + devices.length) % devices.length);
    },
    [devices.length],
  );

  const openTask = useCallback(
    (tk: Task | undefined) => {
      if (!tk) return;
      switch (tk.kind) {
        case 'goal':
        case 'configure':
          if (choices.length === 0) return say([{ tone: 'info', head: 'Note', body: 'This level lets you change nothing: the goals hold once the questions are answered.' }]);
          if (choices.length === 1) return setMode(choices[0]!.placeholder === undefined ? { name: 'configure' } : { name: 'field', choice: choices[0]! });
          return setMode({ name: 'configure' });
        case 'ask':
          if (tk.done) {
            const reveal = tk.ask.type === 'prediction' ? revealLines(tk.ask.q, session.scenarioTrace()) : undefined;
            return say([{ tone: 'info', head: 'Already answered right', body: promptOf(tk.ask, locale), ...(reveal ? { reveal } : {}) }]);
          }
          return setMode({ name: 'answer', ask: tk.ask });
        case 'route':
          if (tk.done) return say([{ tone: 'info', head: 'Note', body: 'The packet has arrived.' }]);
          return setMode({ name: 'route' });
      }
    },
    [choices, say, session, locale],
  );

  useInput(
    (input, key) => {
      switch (mode.name) {
        case 'briefing':
          if (key.return) return setMode({ name: 'tasks' });
          if (key.escape || input === 'q') return onBack();
          if (input === '?') return onHelp();
          return;
        case 'tasks':
          if (key.escape || input === 'q') return onBack();
          if (input === '?') return onHelp();
          if (key.upArrow || input === 'k') return setCursor((c) => Math.max(0, Math.min(c, tasks.length - 1) - 1));
          if (key.downArrow || input === 'j') return setCursor((c) => Math.min(tasks.length - 1, c + 1));
          if (key.rightArrow || (key.tab && !key.shift)) return moveDevice(1);
          if (key.leftArrow || (key.tab && key.shift)) return moveDevice(-1);
          if (key.return) return openTask(task);
          if (input === 'h') return void act({ hint: {} });
          if (input === 'S') return setMode({ name: 'confirm-solution' });
          if (input === 'b') return setMode({ name: 'briefing' });
          return;
        case 'confirm-solution':
          if (input === 'y' || input === 'Y') {
            const steps = session.revealSolution();
            setSolutionShown(true);
            say([{ tone: 'info', head: 'The solution (this level no longer counts)', body: steps.map(formatAction).join('\n') }]);
            return setMode({ name: 'tasks' });
          }
          if (input === 'n' || input === 'N' || key.escape) return setMode({ name: 'tasks' });
          return;
        case 'configure':
        case 'route':
          if (key.escape) return setMode({ name: 'tasks' });
          return;
        case 'result':
          if (key.escape || input === 'q') return onBack();
          if (input === '?') return onHelp();
          return;
        default:
          // Fields handle their own keys (Esc cancels there).
          return;
      }
    },
    { isActive: active },
  );

  // ---- actions from the action area ------------------------------------------------------
  const toTasks = useCallback(() => setMode({ name: 'tasks' }), []);
  const chooseConfigure = useCallback(
    (value: string) => {
      const choice = choices[Number(value)];
      if (!choice) return;
      if (choice.placeholder === undefined) {
        const a = configureAction(choice, '');
        if (a.ok) act(a.value);
        return setMode({ name: 'tasks' });
      }
      setMode({ name: 'field', choice });
    },
    [choices, act],
  );
  const fieldChoice = mode.name === 'field' ? mode.choice : undefined;
  const validateConfigure = useCallback((v: string) => (fieldChoice && v.trim() !== '' ? (() => { const a = configureAction(fieldChoice, v); return a.ok ? undefined : a.error; })() : undefined), [fieldChoice]);
  const submitConfigure = useCallback(
    (v: string) => {
      if (!fieldChoice) return;
      const a = configureAction(fieldChoice, v);
      if (!a.ok) return;
      act(a.value);
      setMode((m) => (m.name === 'result' ? m : { name: 'tasks' }));
    },
    [fieldChoice, act],
  );
  const ask = mode.name === 'answer' ? mode.ask : undefined;
  const validateAnswer = useCallback((v: string) => (ask ? answerProblem(ask, v) : undefined), [ask]);
  const submitAnswer = useCallback(
    (v: string) => {
      if (!ask) return;
      const right = act(answerAction(ask, v), ask.type === 'prediction' ? () => revealLines(ask.q as Parameters<typeof revealLines>[0], session.scenarioTrace()) : undefined);
      if (right) setMode((m) => (m.name === 'result' ? m : { name: 'tasks' }));
    },
    [ask, act, session],
  );
  const hop = useCallback((device: string) => void act({ hop: { device } }), [act]);
  // Close the route choice when the packet has arrived.
  const routeDone = tasks.find((x) => x.kind === 'route')?.done === true;
  useEffect(() => {
    if (routeDone) setMode((m) => (m.name === 'route' ? { name: 'tasks' } : m));
  }, [routeDone]);

  // ---- layout ------------------------------------------------------------------------------
  // Side by side when the drawing fits half the width as a diagram; else the diagram across the
  // top when it fits there; else the compact list beside the tasks.
  const bodyH = height - 1;
  const layout = useMemo(() => {
    const half = Math.max(30, Math.floor(width * 0.5));
    const opts = (w: number, h: number) => ({ width: w, maxHeight: h, ascii: t.ascii, ...(selectedDevice ? { selectedDevice } : {}) });
    const side = drawTopology(level.topology, opts(half, Math.max(3, Math.floor(bodyH * 0.55) - 1)));
    if (side.mode === 'diagram') return { stacked: false, leftW: half, drawing: side };
    const top = drawTopology(level.topology, opts(width, Math.max(3, Math.floor(bodyH * 0.45) - 1)));
    if (top.mode === 'diagram' && bodyH - top.lines.length - 1 >= 14) return { stacked: true, leftW: Math.max(30, Math.floor(width * 0.45)), drawing: top };
    return { stacked: false, leftW: half, drawing: side };
  }, [level.topology, width, bodyH, t.ascii, selectedDevice]);
  const inspect = useMemo(() => (selectedDevice ? inspectDevice(session.current(), selectedDevice, layout.leftW) : []), [session, version, selectedDevice, layout.leftW]);
  const sc = useMemo(() => session.score(), [session, version]);
  const timed = lf.timeLimit !== undefined;
  const header = (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text bold>{text(level.title, locale)}</Text>
        <Text dimColor>{`  ${formatDifficulty(level.difficulty, g)}`}</Text>
        <Text>{`   steps ${sc.steps}/${lf.par}`}</Text>
        <Text dimColor>{'  wrong '}</Text>
        <Text>{String(sc.wrongTries)}</Text>
        <Text dimColor>{'  hints '}</Text>
        <Text>{String(sc.hints)}</Text>
        {solutionShown ? <Text color={t.bad}>{'  solution shown'}</Text> : null}
      </Text>
      {timed ? (
        <Box flexShrink={0} marginLeft={1}>
          <Clock clock={clock} started={started.current} limit={lf.timeLimit!} stopped={mode.name === 'result'} />
        </Box>
      ) : null}
    </Box>
  );

  if (mode.name === 'briefing') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <BriefingPanel width={width} height={height - 1} level={level} locale={locale} />
      </Box>
    );
  }
  if (mode.name === 'result' && outcome) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <ResultPanel active={active} width={width} height={height - 1} outcome={outcome} recap={text(lf.recap, locale)} best={bestBefore} hasNext={hasNext} onNext={onNext} onBack={onBack} />
      </Box>
    );
  }

  const { stacked, leftW, drawing } = layout;
  const rightW = width - leftW - 1;
  // Rows under the drawing when it runs across the top.
  const colH = stacked ? bodyH - drawing.lines.length - 1 : bodyH;

  // Right column: tasks, the action area, feedback.
  const action = actionArea();
  const actionH = action.height;
  // The selected task in full (its row may be cut), then how it stands.
  const detailLines = task && mode.name === 'tasks' ? [...(task.kind === 'route' || [...task.label].length <= rightW - 4 ? [] : wrap(task.label, rightW - 4)), ...wrap(task.detail, rightW - 4)].slice(0, 4) : [];
  const feedbackMin = Math.min(6, Math.max(2, colH - actionH - 4));
  const taskRoom = Math.max(1, colH - 1 - detailLines.length - actionH - 1 - feedbackMin);
  const shownTasks = windowAround(tasks, Math.min(cursor, tasks.length - 1), taskRoom);
  const feedbackH = Math.max(0, colH - 1 - shownTasks.items.length - detailLines.length - actionH - 1);

  function actionArea(): { height: number; node: ReactNode } {
    const w = rightW;
    switch (mode.name) {
      case 'configure': {
        const items: MenuItem<string>[] = choices.map((c, i) => ({ label: c.label, value: String(i) }));
        const limit = Math.max(1, Math.min(items.length, colH - 10));
        return {
          height: limit + 2,
          node: (
            <Box flexDirection="column" width={w}>
              <Text color={t.accent} bold>
                What do you change?
              </Text>
              <Menu items={items} onSelect={chooseConfigure} isFocused={active} limit={limit} />
              <Text dimColor>esc cancels</Text>
            </Box>
          ),
        };
      }
      case 'field': {
        const prompt = wrap(`${capitalise(mode.choice.label)}:`, w).slice(0, 2);
        return {
          height: prompt.length + 3,
          node: (
            <Box flexDirection="column" width={w}>
              <PromptLines lines={prompt} color={t.accent} />
              <AnswerField key={`${mode.choice.kind}:${mode.choice.target}`} active={active} width={w} placeholder={mode.choice.placeholder ?? ''} validate={validateConfigure} onSubmit={submitConfigure} onCancel={toTasks} />
            </Box>
          ),
        };
      }
      case 'answer': {
        const a = mode.ask;
        const prompt = wrap(promptOf(a, locale), w).slice(0, 3);
        const hex = a.type === 'question' && a.q.ask === 'field-at-offset' ? a.q.hex.replace(/\s+$/, '').split('\n') : [];
        const hexShown = hex.slice(0, Math.max(0, Math.min(hex.length, colH - 12)));
        return {
          height: prompt.length + hexShown.length + 3,
          node: (
            <Box flexDirection="column" width={w}>
              <PromptLines lines={prompt} color={t.accent} />
              {hexShown.map((l, i) => (
                <Text key={`h${i}`} dimColor>
                  {fit(l, w)}
                </Text>
              ))}
              <AnswerField key={`${a.type}:${a.q.id}`} active={active} width={w} placeholder={placeholderOf(a)} validate={validateAnswer} onSubmit={submitAnswer} onCancel={toTasks} />
            </Box>
          ),
        };
      }
      case 'route': {
        const path = tasks.find((x) => x.kind === 'route');
        const here = path && path.kind === 'route' ? (path.path.at(-1) ?? lf.route!.from) : lf.route!.from;
        const items: MenuItem<string>[] = devices.filter((d) => d.name !== here).map((d) => ({ label: d.name, value: d.name, hint: d.kind }));
        const limit = Math.max(1, Math.min(items.length, colH - 10));
        return {
          height: limit + 2,
          node: (
            <Box flexDirection="column" width={w}>
              <Text color={t.accent} bold wrap="truncate-end">{`The packet is at ${here}. Where does it go next?`}</Text>
              <Menu key={here} items={items} onSelect={hop} isFocused={active} limit={limit} />
              <Text dimColor>esc cancels</Text>
            </Box>
          ),
        };
      }
      case 'confirm-solution':
        return {
          height: 3,
          node: (
            <Box flexDirection="column" width={w}>
              {wrap('Show the solution? The level will no longer count as solved by you.', w).slice(0, 2).map((l, i) => (
                <Text key={i} color={t.bad} bold>
                  {l}
                </Text>
              ))}
              <Text>
                <Text bold>y</Text>
                <Text dimColor> show it   </Text>
                <Text bold>n</Text>
                <Text dimColor> keep playing</Text>
              </Text>
            </Box>
          ),
        };
      default:
        return { height: 0, node: null };
    }
  }

  const network = (
    <Box flexDirection="column" width={stacked ? width : leftW}>
      <Text color={t.accent} bold wrap="truncate-end">
        {`Network  ${g.left}${g.right} tab: select a device`}
      </Text>
      <TopologyView drawing={drawing} />
    </Box>
  );
  const inspectorH = stacked ? colH : bodyH - drawing.lines.length - 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {header}
      {stacked ? network : null}
      <Box height={colH}>
        <Box flexDirection="column" width={leftW} height={colH} overflow="hidden">
          {stacked ? null : network}
          <Inspector width={leftW} height={inspectorH} name={selectedDevice} lines={inspect} />
        </Box>
        <Box width={1} />
        <Box flexDirection="column" width={rightW} height={colH} overflow="hidden">
          <Text color={t.accent} bold>
            {`Tasks${shownTasks.above ? `  ${g.up}${shownTasks.above}` : ''}${shownTasks.below ? `  ${g.down}${shownTasks.below}` : ''}`}
          </Text>
          {shownTasks.items.map(({ item, index }) => (
            <TaskRow key={item.key} task={item} selected={index === Math.min(cursor, tasks.length - 1) && mode.name === 'tasks'} width={rightW} />
          ))}
          {detailLines.map((l, i) => (
            <Text key={`d${i}`} dimColor>{`    ${l}`}</Text>
          ))}
          {action.node}
          <FeedbackPanel items={feedback} width={rightW} height={feedbackH} />
        </Box>
      </Box>
    </Box>
  );
});

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The question or choice above a field, in the accent colour. */
function PromptLines({ lines, color }: { readonly lines: readonly string[]; readonly color: string | undefined }) {
  return (
    <>
      {lines.map((l, i) => (
        <Text key={i} color={color} bold>
          {l}
        </Text>
      ))}
    </>
  );
}

function windowAround<T>(items: readonly T[], at: number, room: number): { items: { item: T; index: number }[]; above: number; below: number } {
  const n = Math.max(1, room);
  const start = Math.max(0, Math.min(at - Math.floor(n / 2), items.length - n));
  const shown = items.slice(start, start + n).map((item, i) => ({ item, index: start + i }));
  return { items: shown, above: start, below: Math.max(0, items.length - start - shown.length) };
}

// ---- panels ----------------------------------------------------------------------------------

const TaskRow = memo(function TaskRow({ task, selected, width }: { readonly task: Task; readonly selected: boolean; readonly width: number }) {
  const t = useTheme();
  const g = t.glyphs;
  const mark = task.done ? g.solved : task.kind === 'goal' || (task.kind === 'ask' && task.tries > 0) ? g.cross : g.dotOff;
  const markColor = task.done ? t.good : task.kind === 'goal' || (task.kind === 'ask' && task.tries > 0) ? t.bad : undefined;
  const label = task.kind === 'route' ? `${task.label}: ${task.detail}` : task.label;
  return (
    <Text wrap="truncate-end">
      <Text color={t.accent} bold>
        {selected ? g.pointer : ' '}
      </Text>
      <Text color={markColor}>{` ${mark} `}</Text>
      <Text color={selected ? t.accent : undefined} bold={selected} dimColor={task.done && !selected}>
        {fit(label, Math.max(1, width - 4))}
      </Text>
    </Text>
  );
});

const Inspector = memo(function Inspector({ width, height, name, lines: given }: { readonly width: number; readonly height: number; readonly name: string | undefined; readonly lines: readonly string[] }) {
  const t = useTheme();
  // The first line names the device: it is the panel's title.
  const all = given.slice(1);
  const room = Math.max(0, height - 1);
  const lines = all.slice(0, room);
  const cut = all.length - lines.length;
  if (height <= 0) return null;
  return (
    <Box flexDirection="column" width={width}>
      <Text color={t.accent} bold wrap="truncate-end">
        {name ? `Device ${given[0] ?? name}` : 'Device'}
      </Text>
      {lines.map((l, i) => (
        <Text key={i} dimColor={i === lines.length - 1 && cut > 0}>
          {fit(i === lines.length - 1 && cut > 0 ? `${l.trimEnd()} (+${cut} more)` : l, width)}
        </Text>
      ))}
    </Box>
  );
});

function toneColor(t: Theme, tone: FeedbackTone): string | undefined {
  if (tone === 'good') return t.good;
  if (tone === 'bad') return t.bad;
  if (tone === 'partly') return t.color ? 'yellow' : undefined;
  return t.accent;
}

const FeedbackPanel = memo(function FeedbackPanel({ items, width, height }: { readonly items: readonly FeedbackItem[]; readonly width: number; readonly height: number }) {
  const t = useTheme();
  if (height <= 0) return null;
  const rows: { key: string; text: string; kind: 'head' | 'body' | 'reveal'; tone: FeedbackTone }[] = [];
  for (const f of items) {
    rows.push({ key: `${f.id}h`, text: f.head, kind: 'head', tone: f.tone });
    wrap(f.body, width).forEach((l, i) => rows.push({ key: `${f.id}b${i}`, text: l, kind: 'body', tone: f.tone }));
    (f.reveal ?? []).forEach((r, i) => wrap(`  ${r}`, width).forEach((l, j) => rows.push({ key: `${f.id}r${i}.${j}`, text: l, kind: 'reveal', tone: f.tone })));
    if (rows.length >= height) break;
  }
  const shown = rows.slice(0, height - 1);
  return (
    <Box flexDirection="column" width={width}>
      <Text color={t.accent} bold>
        Feedback
      </Text>
      {shown.length === 0 ? <Text dimColor>{`Pick a task with ${t.glyphs.up}${t.glyphs.down} and ${t.glyphs.enter}. h takes a hint.`}</Text> : null}
      {shown.map((r) =>
        r.kind === 'head' ? (
          <Text key={r.key} color={toneColor(t, r.tone)} bold>
            {r.text}
          </Text>
        ) : (
          <Text key={r.key} dimColor={r.kind === 'reveal'}>
            {r.text || ' '}
          </Text>
        ),
      )}
    </Box>
  );
});

const BriefingPanel = memo(function BriefingPanel({ width, height, level, locale }: { readonly width: number; readonly height: number; readonly level: LevelView; readonly locale: string }) {
  const t = useTheme();
  const lines = useMemo(() => wrap(reflow(text(level.briefing, locale)), width - 4), [level.briefing, locale, width]);
  const shown = lines.slice(0, Math.max(1, height - 5));
  const room = height - shown.length - 5;
  const drawing = useMemo(() => drawTopology(level.topology, { width, maxHeight: Math.max(0, room), ascii: t.ascii }), [level.topology, width, room, t.ascii]);
  return (
    <Box flexDirection="column" width={width}>
      <Box flexDirection="column" borderStyle={t.borderStyle} borderColor={t.accent} paddingX={1} width={width}>
        <Text color={t.accent} bold>
          Briefing
        </Text>
        {shown.map((l, i) => (
          <Text key={i}>{l || ' '}</Text>
        ))}
        <Text dimColor>{`${t.glyphs.enter} start   esc back`}</Text>
      </Box>
      {room > 2 ? <TopologyView drawing={drawing} /> : null}
    </Box>
  );
});

const ResultPanel = memo(function ResultPanel(props: {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly outcome: Outcome;
  readonly recap: string;
  readonly best: ReturnType<typeof levelBest>;
  readonly hasNext: boolean;
  readonly onNext: () => void;
  readonly onBack: () => void;
}) {
  const { active, width, height, outcome, recap, best, hasNext, onNext, onBack } = props;
  const t = useTheme();
  const g = t.glyphs;
  const s = outcome.score;
  const items = useMemo<MenuItem<'next' | 'back'>[]>(() => [...(hasNext ? [{ label: 'Next level', value: 'next' as const }] : []), { label: 'Back to the levels', value: 'back' as const }], [hasNext]);
  const choose = useCallback((v: 'next' | 'back') => (v === 'next' ? onNext() : onBack()), [onNext, onBack]);
  const recapLines = wrap(reflow(recap), width - 4).slice(0, Math.max(0, height - 14));
  const newBest = outcome.counted && (!best?.solved || s.points > best.points || s.stars > best.stars);
  const figure = (label: string, value: string, goodIf: boolean) => (
    <Text>
      <Text dimColor>{`${label} `}</Text>
      <Text color={goodIf ? t.good : undefined} bold>
        {value}
      </Text>
      {'   '}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width} borderStyle={t.borderStyle} borderColor={t.good ?? t.accent} paddingX={1}>
      <Text>
        <Text color={t.good} bold>
          {outcome.counted ? 'Solved!' : 'Solved, with the solution shown: this does not count'}
        </Text>
        {outcome.counted ? (
          <Text>
            {'   '}
            <Text color={t.accent}>{formatStars(s.stars, g)}</Text>
            <Text>{`   ${s.points} points`}</Text>
          </Text>
        ) : null}
      </Text>
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          {figure('steps', `${s.steps} (par ${s.par})`, s.steps <= s.par)}
          {figure('wrong tries', String(s.wrongTries), s.wrongTries === 0)}
          {figure('hints', String(s.hints), s.hints === 0)}
          {figure('time', `${formatDuration(outcome.seconds, g)}${s.timeLimit !== undefined ? ` / ${formatDuration(s.timeLimit, g)}` : ''}`, s.timeLimit === undefined || outcome.seconds <= s.timeLimit)}
        </Text>
      </Box>
      {recapLines.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={t.accent} bold>
            Recap
          </Text>
          {recapLines.map((l, i) => (
            <Text key={i}>{l || ' '}</Text>
          ))}
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          <Text dimColor>{'Personal best: '}</Text>
          {best?.solved ? <Text>{`${formatStars(best.stars, g)} ${best.points} points${best.bestSeconds !== undefined ? `, ${formatDuration(best.bestSeconds, g)}` : ''}`}</Text> : <Text>{g.dash} first solve</Text>}
          {newBest && best?.solved ? <Text color={t.good} bold>{'   new best!'}</Text> : null}
        </Text>
      </Box>
      {outcome.notice ? <Text dimColor wrap="truncate-end">{outcome.notice}</Text> : null}
      <Box marginTop={1} flexDirection="column">
        <Menu items={items} onSelect={choose} isFocused={active} />
      </Box>
    </Box>
  );
});

/** The timer of a timed level: its own interval, so its ticks re-render only itself. */
const Clock = memo(function Clock({ clock, started, limit, stopped }: { readonly clock: () => number; readonly started: number; readonly limit: number; readonly stopped: boolean }) {
  const t = useTheme();
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (stopped) return;
    const id = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(id);
  }, [clock, stopped]);
  const seconds = Math.max(0, Math.floor((now - started) / 1000));
  const over = seconds > limit;
  return <Text color={over ? t.bad : undefined}>{`${formatDuration(seconds, t.glyphs)} / ${formatDuration(limit, t.glyphs)}`}</Text>;
});
