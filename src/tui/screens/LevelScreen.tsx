/**
 * The level screen: the briefing first, then the network drawing with a device inspector,
 * the task list, the action area (configure, answer, predict, carry the packet) and the
 * feedback of the last verdicts; the result screen when the level is solved.
 * What happens is the level flow's (../flow/level-flow.ts, an XState machine holding the
 * verifier's Session and the play clock); this component renders its snapshot and turns keys
 * into its events (../flow/level-keys.ts). The screen owns its keys (App passes them through).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { LoadedLevel } from '../../levels/load';
import { levelBest, type LevelResult, type Progress } from '../../progress/store';
import type { TraceEvent } from '../../net/sim/trace';
import { ChoiceList } from '../components/ChoiceList';
import { TraceStepper } from '../components/TraceStepper';
import { highlightLinkIndex, type StepFocus } from '../stepping';
import { DraftField } from '../components/DraftField';
import { TopologyView } from '../components/TopologyView';
import { drawTopology } from '../layout/topology';
import { fit, formatDifficulty, formatDuration, formatStars, text, wrap } from '../model';
import { currentTask, draftProblem, flowView, levelFlowMachine, menuItems, routeHere, type FlowView, type Outcome } from '../flow/level-flow';
import { levelKey, resultChoices } from '../flow/level-keys';
import { splitChunk } from '../typed-text';
import { useActor } from '../flow/use-actor';
import { hexRows, inspectDevice, placeholderOf, promptOf, reflow, type FeedbackItem, type FeedbackTone, type Task } from '../play';
import { useTheme, type Theme } from '../theme';
import { sayLevel as say, type LevelWordKey } from '../level-words';
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
  /** Milliseconds on a monotonic clock, for the timer and the recorded time (tests inject it). */
  readonly clock?: () => number;
  /** Told which part of the level shows (tasks, a field, the trace…), for the footer and help. */
  readonly onView?: (view: FlowView, canWatch: boolean) => void;
}

export const LevelScreen = memo(function LevelScreen(props: LevelScreenProps) {
  const { active, width, height, pack, level, loaded, progress, locale, hasNext, onBack, onHelp, onNext } = props;
  const t = useTheme();
  const g = t.glyphs;
  const w = (k: LevelWordKey) => say(locale, k as never);
  // The latest onResult, read when the level is solved (the flow is created once).
  const onResult = useRef(props.onResult);
  onResult.current = props.onResult;
  const [snap, actor] = useActor(levelFlowMachine, () => ({
    input: { loaded, locale, now: props.clock ?? (() => performance.now()), arrow: t.ascii ? '->' : '→', onSolved: (r: LevelResult) => onResult.current(r) },
  }));
  const c = snap.context;
  const view = flowView(snap);
  // The best before this run, for "personal best" on the result screen.
  const [bestBefore] = useState(() => levelBest(progress, pack.id, level.id));
  const lf = loaded.level;
  const devices = level.topology.devices;
  const selectedDevice = devices[c.device]?.name;
  const task: Task | undefined = currentTask(c);

  const onView = props.onView;
  const canWatch = view === 'result' && c.session.watchTrace().length > 0;
  useEffect(() => onView?.(view, canWatch), [onView, view, canWatch]);

  // The help overlay (App's) pauses the play clock.
  useEffect(() => {
    actor.send({ type: 'HELP', open: !active });
  }, [actor, active]);

  const intents = useRef({ onBack, onHelp, onNext, hasNext });
  intents.current = { onBack, onHelp, onNext, hasNext };
  useInput(
    (chunk, chunkKey) => {
      for (const [input, key] of splitChunk(chunk, chunkKey)) {
        // Read the flow now, not as of the last render: keys typed in a burst all land.
        const out = levelKey(actor.getSnapshot(), input, key, { hasNext: intents.current.hasNext });
        if (!out) continue;
        if (out.kind === 'flow') {
          actor.send(out.event);
          continue;
        }
        // Leaving the level (or opening the help) ends the chunk: the rest was typed for this screen.
        if (out.intent === 'back') return intents.current.onBack();
        if (out.intent === 'help') return intents.current.onHelp();
        return intents.current.onNext();
      }
    },
    { isActive: active },
  );

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
    // A network too big for half the screen (four routers' addresses at 80×24): a diagram of up
    // to 9 rows across the top still beats a list, leaving 10 rows for the tasks below.
    const tall = drawTopology(level.topology, opts(width, 9));
    if (tall.mode === 'diagram' && bodyH - tall.lines.length - 1 >= 10) return { stacked: true, leftW: Math.max(30, Math.floor(width * 0.45)), drawing: tall };
    return { stacked: false, leftW: half, drawing: side };
  }, [level.topology, width, bodyH, t.ascii, selectedDevice]);
  const inspect = useMemo(() => (selectedDevice ? inspectDevice(c.session.current(), selectedDevice, layout.leftW, locale) : []), [c.session, c.version, selectedDevice, layout.leftW, locale]);
  const sc = useMemo(() => c.session.score(), [c.session, c.version]);
  const timed = lf.timeLimit !== undefined;
  const paused = (snap.value as { timer: string }).timer !== 'running';
  const header = (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text bold>{text(level.title, locale)}</Text>
        <Text dimColor>{`  ${formatDifficulty(level.difficulty, g)}`}</Text>
        <Text>{`   ${say(locale, 'head.steps', { steps: sc.steps, par: lf.par })}`}</Text>
        <Text dimColor>{`  ${w('head.wrong')} `}</Text>
        <Text>{String(sc.wrongTries)}</Text>
        <Text dimColor>{`  ${w('head.hints')} `}</Text>
        <Text>{String(sc.hints)}</Text>
        {c.solutionShown ? <Text color={t.bad}>{`  ${w('head.solutionShown')}`}</Text> : null}
      </Text>
      {timed ? (
        <Box flexShrink={0} marginLeft={1}>
          <Clock read={() => c.clock.read()} limit={lf.timeLimit!} ticking={!paused} locale={locale} />
        </Box>
      ) : null}
    </Box>
  );

  if (view === 'briefing') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <BriefingPanel width={width} height={height - 1} level={level} locale={locale} again={c.clock.read() > 0} />
      </Box>
    );
  }
  if (view === 'result' && c.outcome) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <ResultPanel locale={locale} width={width} height={height - 1} outcome={c.outcome} recap={text(lf.recap, locale)} best={bestBefore} hasNext={hasNext} selected={c.menu} canWatch={canWatch} />
      </Box>
    );
  }
  if (view === 'paused') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <Box flexDirection="column" borderStyle={t.borderStyle} borderColor={t.accent} paddingX={1} width={width}>
          <Text color={t.accent} bold>
            {w('pause.title')}
          </Text>
          <Text wrap="wrap">{w('pause.body')}</Text>
          <Text dimColor>{say(locale, 'pause.keys', { keys: `p ${g.enter} esc` })}</Text>
        </Box>
      </Box>
    );
  }
  if (view === 'trace') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {header}
        <WatchPanel locale={locale} width={width} height={height - 1} active={active} level={level} trace={c.session.watchTrace()} />
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
  const detailLines = task && view === 'tasks' ? [...(task.kind === 'route' || [...task.label].length <= rightW - 4 ? [] : wrap(task.label, rightW - 4)), ...wrap(task.detail, rightW - 4)].slice(0, 4) : [];
  const feedbackMin = Math.min(6, Math.max(2, colH - actionH - 4));
  const taskRoom = Math.max(1, colH - 1 - detailLines.length - actionH - 1 - feedbackMin);
  const shownTasks = windowAround(c.tasks, Math.min(c.cursor, c.tasks.length - 1), taskRoom);
  const feedbackH = Math.max(0, colH - 1 - shownTasks.items.length - detailLines.length - actionH - 1);

  function actionArea(): { height: number; node: ReactNode } {
    const w = rightW;
    switch (view) {
      case 'configure':
      case 'route': {
        const items = menuItems(c, view);
        // The list gets the room first (the feedback shrinks): at least 3 rows, so a choice is never a keyhole.
        const limit = Math.max(Math.min(3, items.length), Math.min(items.length, colH - 7));
        const title = view === 'configure' ? say(locale, 'act.whatChange') : say(locale, 'act.packetAt', { here: routeHere(c) });
        return {
          height: limit + 2 + (limit < items.length ? 1 : 0),
          node: (
            <Box flexDirection="column" width={w}>
              <Text color={t.accent} bold wrap="truncate-end">
                {title}
              </Text>
              <ChoiceList items={items} selected={c.menu} width={w} limit={limit} />
              <Text dimColor>{say(locale, 'act.choiceKeys', { enter: g.enter })}</Text>
            </Box>
          ),
        };
      }
      case 'field': {
        const choice = c.choice!;
        const prompt = wrap(say(locale, 'act.fieldPrompt', { label: capitalise(choice.label) }), w).slice(0, 2);
        return {
          height: prompt.length + 3,
          node: (
            <Box flexDirection="column" width={w}>
              <PromptLines lines={prompt} color={t.accent} />
              <DraftField value={c.draft} caret={c.caret} width={w} placeholder={choice.placeholder ?? ''} problem={draftProblem(c)} locale={locale} />
            </Box>
          ),
        };
      }
      case 'answer': {
        const a = c.ask!;
        const prompt = wrap(promptOf(a, locale), w).slice(0, 3);
        const hex = a.type === 'question' && a.q.ask === 'field-at-offset' ? hexRows(a.q.hex, w) : [];
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
              <DraftField value={c.draft} caret={c.caret} width={w} placeholder={placeholderOf(a, locale)} problem={draftProblem(c)} selected={c.selected} locale={locale} />
            </Box>
          ),
        };
      }
      case 'confirmSolution':
        return {
          height: 3,
          node: (
            <Box flexDirection="column" width={w}>
              {wrap(say(locale, 'act.confirmSolution'), w).slice(0, 2).map((l, i) => (
                <Text key={i} color={t.bad} bold>
                  {l}
                </Text>
              ))}
              <Text>
                <Text bold>y</Text>
                <Text dimColor>{` ${say(locale, 'act.showIt')}   `}</Text>
                <Text bold>n</Text>
                <Text dimColor>{` ${say(locale, 'act.keepPlaying')}`}</Text>
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
        {say(locale, 'panel.network', { keys: `${g.left}${g.right} tab` })}
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
          <Inspector locale={locale} width={leftW} height={inspectorH} name={selectedDevice} lines={inspect} />
        </Box>
        <Box width={1} />
        <Box flexDirection="column" width={rightW} height={colH} overflow="hidden">
          <Text color={t.accent} bold>
            {`${w('panel.tasks')}${shownTasks.above ? `  ${g.up}${shownTasks.above}` : ''}${shownTasks.below ? `  ${g.down}${shownTasks.below}` : ''}`}
          </Text>
          {shownTasks.items.map(({ item, index }) => (
            <TaskRow key={item.key} task={item} selected={index === Math.min(c.cursor, c.tasks.length - 1) && view === 'tasks'} width={rightW} />
          ))}
          {detailLines.map((l, i) => (
            <Text key={`d${i}`} dimColor>{`    ${l}`}</Text>
          ))}
          {action.node}
          <FeedbackPanel locale={locale} items={c.feedback} width={rightW} height={feedbackH} />
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

const Inspector = memo(function Inspector({ locale, width, height, name, lines: given }: { readonly locale: string; readonly width: number; readonly height: number; readonly name: string | undefined; readonly lines: readonly string[] }) {
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
        {name ? say(locale, 'panel.deviceNamed', { name: given[0] ?? name }) : say(locale, 'panel.device')}
      </Text>
      {lines.map((l, i) => (
        <Text key={i} dimColor={i === lines.length - 1 && cut > 0}>
          {fit(i === lines.length - 1 && cut > 0 ? `${l.trimEnd()} ${say(locale, 'panel.more', { n: cut })}` : l, width)}
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

const FeedbackPanel = memo(function FeedbackPanel({ locale, items, width, height }: { readonly locale: string; readonly items: readonly FeedbackItem[]; readonly width: number; readonly height: number }) {
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
        {say(locale, 'panel.feedback')}
      </Text>
      {shown.length === 0 ? <Text dimColor wrap="truncate-end">{say(locale, 'panel.pickTask', { updown: `${t.glyphs.up}${t.glyphs.down}`, enter: t.glyphs.enter })}</Text> : null}
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

const BriefingPanel = memo(function BriefingPanel({ width, height, level, locale, again }: { readonly width: number; readonly height: number; readonly level: LevelView; readonly locale: string; readonly again: boolean }) {
  const t = useTheme();
  const lines = useMemo(() => wrap(reflow(text(level.briefing, locale)), width - 4), [level.briefing, locale, width]);
  const shown = lines.slice(0, Math.max(1, height - 5));
  const room = height - shown.length - 5;
  const drawing = useMemo(() => drawTopology(level.topology, { width, maxHeight: Math.max(0, room), ascii: t.ascii }), [level.topology, width, room, t.ascii]);
  return (
    <Box flexDirection="column" width={width}>
      <Box flexDirection="column" borderStyle={t.borderStyle} borderColor={t.accent} paddingX={1} width={width}>
        <Text color={t.accent} bold>
          {say(locale, 'panel.briefing')}
        </Text>
        {shown.map((l, i) => (
          <Text key={i}>{l || ' '}</Text>
        ))}
        <Text dimColor>{say(locale, again ? 'panel.briefingAgain' : 'panel.briefingStart', { enter: t.glyphs.enter })}</Text>
      </Box>
      {room > 2 ? <TopologyView drawing={drawing} /> : null}
    </Box>
  );
});

const ResultPanel = memo(function ResultPanel(props: {
  readonly locale: string;
  readonly width: number;
  readonly height: number;
  readonly outcome: Outcome;
  readonly recap: string;
  readonly best: ReturnType<typeof levelBest>;
  readonly hasNext: boolean;
  /** The highlighted choice (next level, back). */
  readonly selected: number;
  /** Some traffic ran in this level, so `t` shows it. */
  readonly canWatch: boolean;
}) {
  const { locale, width, height, outcome, recap, best, hasNext, selected, canWatch } = props;
  const w = (k: LevelWordKey) => say(locale, k as never);
  const t = useTheme();
  const g = t.glyphs;
  const s = outcome.score;
  const items = resultChoices(hasNext, locale);
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
          {outcome.counted ? w('result.solved') : w('result.solvedShown')}
        </Text>
        {outcome.counted ? (
          <Text>
            {'   '}
            <Text color={t.accent}>{formatStars(s.stars, g)}</Text>
            <Text>{`   ${say(locale, 'result.points', { points: s.points })}`}</Text>
          </Text>
        ) : null}
      </Text>
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          {figure(w('result.steps'), say(locale, 'result.stepsValue', { steps: s.steps, par: s.par }), s.steps <= s.par)}
          {figure(w('result.wrongTries'), String(s.wrongTries), s.wrongTries === 0)}
          {figure(w('result.hints'), String(s.hints), s.hints === 0)}
          {figure(w('result.time'), `${formatDuration(outcome.seconds, g)}${s.timeLimit !== undefined ? ` / ${formatDuration(s.timeLimit, g)}` : ''}`, s.timeLimit === undefined || outcome.seconds <= s.timeLimit)}
        </Text>
      </Box>
      {recapLines.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={t.accent} bold>
            {w('result.recap')}
          </Text>
          {recapLines.map((l, i) => (
            <Text key={i}>{l || ' '}</Text>
          ))}
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          <Text dimColor>{w('result.personalBest')}</Text>
          {best?.solved ? <Text>{`${formatStars(best.stars, g)} ${say(locale, 'result.points', { points: best.points })}${best.bestSeconds !== undefined ? `, ${formatDuration(best.bestSeconds, g)}` : ''}`}</Text> : <Text>{`${g.dash} ${w('result.firstSolve')}`}</Text>}
          {newBest && best?.solved ? <Text color={t.good} bold>{`   ${w('result.newBest')}`}</Text> : null}
        </Text>
      </Box>
      {outcome.notice ? <Text dimColor wrap="truncate-end">{outcome.notice}</Text> : null}
      <Box marginTop={1} flexDirection="column">
        <ChoiceList items={items} selected={Math.min(selected, items.length - 1)} width={width - 4} limit={items.length} />
        {canWatch ? <Text dimColor wrap="truncate-end">{w('result.watch')}</Text> : null}
      </Box>
    </Box>
  );
});

/** The timer of a timed level: its own interval, so its ticks re-render only itself. */
const Clock = memo(function Clock({ read, limit, ticking, locale }: { readonly read: () => number; readonly limit: number; readonly ticking: boolean; readonly locale: string }) {
  const t = useTheme();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [ticking]);
  const seconds = Math.max(0, Math.floor(read() / 1000));
  const over = seconds > limit;
  return <Text color={over ? t.bad : undefined}>{`${formatDuration(seconds, t.glyphs)} / ${formatDuration(limit, t.glyphs)}${ticking ? '' : say(locale, 'clock.paused')}${over ? say(locale, 'clock.over') : ''}`}</Text>;
});

/**
 * Watching the traffic: the network with the current frame's link marked, and under it the
 * stepper (frames one by one, headers layer by layer, the TCP ladder). Esc goes back (the
 * level's keymap); every other key is the stepper's.
 */
const WatchPanel = memo(function WatchPanel(props: { readonly locale: string; readonly width: number; readonly height: number; readonly active: boolean; readonly level: LevelView; readonly trace: readonly TraceEvent[] }) {
  const { width, height, active, level, trace } = props;
  const t = useTheme();
  const [focus, setFocus] = useState<StepFocus | undefined>();
  const onFocus = useCallback((f: StepFocus | undefined) => setFocus(f), []);
  // The drawing gets at most 40% of the rows, and only when it draws as a diagram there;
  // the stepper needs the rest for the headers.
  const drawing = useMemo(() => {
    const d = drawTopology(level.topology, { width, maxHeight: Math.max(0, Math.floor(height * 0.4)), ascii: t.ascii, highlightLink: highlightLinkIndex(level.topology, focus) });
    return d.mode === 'diagram' && d.lines.length > 0 ? d : undefined;
  }, [level.topology, width, height, t.ascii, focus]);
  const stepperH = height - (drawing ? drawing.lines.length : 0) - 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {drawing ? <TopologyView drawing={drawing} /> : null}
      <TraceStepper trace={trace} width={width} height={stepperH} active={active} onFocus={onFocus} locale={props.locale} />
      <Text dimColor>{say(props.locale, 'panel.escBack')}</Text>
    </Box>
  );
});
