/**
 * Timed practice: setup (topics, minutes, which questions), the drill (countdown, score, streak,
 * the question, an inline-validated answer field, the verdict of the last answer), pause, and
 * the summary against personal bests. The session itself is src/practice/session.ts; this
 * screen only renders it and sends it the player's keys and the clock's readings.
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { PracticeField } from '../components/PracticeField';
import { fit, wrap } from '../model';
import { useTheme, type Theme } from '../theme';
import type { PracticeResult, Progress } from '../../progress/store';
import { dailySeed, TOPICS, type Topic } from '../../practice/generators';
import { DEFAULT_MINUTES, MINUTE_CHOICES, type PracticeOptions } from '../../practice/options';
import { answer, finish, multiplier, pause, remainingMs, resume, startSession, summarize, tick, type SessionState, type SessionSummary } from '../../practice/session';
import { improvements, isoDate, practiceResult, savedBoxes, type Improvements } from '../../practice/stats';
import { sayPractice as say, topicBlurb } from '../../practice/words';
import { columns, padStartColumns } from '../model';
import { language } from '../say';

export interface PracticeProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly progress: Progress;
  /** The player's language for the screen's words. */
  readonly locale?: string | undefined;
  readonly options?: PracticeOptions | undefined;
  /** A monotonic clock in milliseconds (default: performance.now). */
  readonly clock?: (() => number) | undefined;
  readonly today?: (() => Date) | undefined;
  /** How often the countdown is redrawn and the end of time noticed, ms. */
  readonly tickMs?: number | undefined;
  /** For a session not replaying a seed (default: Math.random). */
  readonly randomSeed?: (() => number) | undefined;
  /** Saves a finished session; returns a notice for the player (e.g. not saved). */
  readonly onRecord: (result: PracticeResult) => string | undefined;
  readonly onBack: () => void;
  readonly onHelp: () => void;
}

type Stage =
  | { readonly name: 'setup' }
  | { readonly name: 'drill'; readonly session: SessionState; readonly before: Progress }
  | { readonly name: 'summary'; readonly summary: SessionSummary; readonly early: boolean; readonly changes: Improvements; readonly notice: string | undefined };

const defaultClock = () => performance.now();
/** Cuts with an ellipsis, without padding. */
const cut = (s: string, width: number) => fit(s, width).trimEnd();
const defaultToday = () => new Date();
const defaultRandomSeed = () => Math.floor(Math.random() * 0x7fffffff);

export const Practice = memo(function Practice(props: PracticeProps) {
  const { active, width, height, progress, options, onRecord, onBack, onHelp } = props;
  const locale = props.locale ?? 'en';
  const clock = props.clock ?? defaultClock;
  const today = props.today ?? defaultToday;
  const randomSeed = props.randomSeed ?? defaultRandomSeed;
  const [topics, setTopics] = useState<readonly Topic[]>(options?.topics?.length ? options.topics : TOPICS);
  const [minutes, setMinutes] = useState(options?.minutes ?? DEFAULT_MINUTES);
  const [seedMode] = useState<PracticeOptions['seed']>(options?.seed);
  const [daily, setDaily] = useState(options?.seed === 'daily');
  const [stage, setStage] = useState<Stage>({ name: 'setup' });

  const start = useCallback(() => {
    if (topics.length === 0) return;
    const fixed = daily ? dailySeed(today()) : typeof seedMode === 'number' ? seedMode : undefined;
    // A replayed seed starts from fresh boxes, so the same answers give the same questions anywhere;
    // otherwise the saved boxes bring weak topics back more often.
    const boxes = fixed === undefined ? savedBoxes(progress, topics) : {};
    const session = startSession({ topics, minutes, seed: fixed ?? randomSeed(), boxes, locale }, clock());
    setStage({ name: 'drill', session, before: progress });
  }, [topics, minutes, daily, seedMode, progress, clock, today, randomSeed, locale]);

  const end = useCallback(
    (s: SessionState, before: Progress) => {
      const summary = summarize(s, clock());
      const result = practiceResult(summary, today(), before);
      const changes = improvements(summary, before, result);
      const notice = summary.answered > 0 ? onRecord(result) : undefined;
      setStage({ name: 'summary', summary, early: remainingMs(s, clock()) > 0, changes, notice });
    },
    [clock, onRecord, today],
  );

  // Stable for the drill's timer: the current stage is read from a ref, not a closure.
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const onDrillChange = useCallback(
    (session: SessionState) => {
      const st = stageRef.current;
      if (st.name !== 'drill') return;
      if (session.phase === 'finished') end(session, st.before);
      else setStage({ ...st, session });
    },
    [end],
  );

  switch (stage.name) {
    case 'setup':
      return (
        <Setup
          active={active}
          width={width}
          height={height}
          progress={progress}
          topics={topics}
          minutes={minutes}
          seedLine={daily ? say(locale, 'seedDaily', { date: isoDate(today()) }) : typeof seedMode === 'number' ? say(locale, 'seedFixed', { seed: seedMode }) : say(locale, 'seedRandom')}
          locale={locale}
          onTopics={setTopics}
          onMinutes={setMinutes}
          onDaily={() => setDaily((d) => !d)}
          onStart={start}
          onBack={onBack}
          onHelp={onHelp}
        />
      );
    case 'drill':
      return (
        <Drill locale={locale}
          active={active}
          width={width}
          session={stage.session}
          clock={clock}
          tickMs={props.tickMs ?? 250}
          onChange={onDrillChange}
          onHelp={onHelp}
        />
      );
    case 'summary':
      return <Summary locale={locale} active={active} width={width} stage={stage} onAgain={() => setStage({ name: 'setup' })} onBack={onBack} onHelp={onHelp} />;
  }
});

// ---- setup -------------------------------------------------------------------------------

interface SetupProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly progress: Progress;
  readonly topics: readonly Topic[];
  readonly minutes: number;
  readonly seedLine: string;
  readonly locale: string;
  readonly onTopics: (t: readonly Topic[]) => void;
  readonly onMinutes: (m: number) => void;
  readonly onDaily: () => void;
  readonly onStart: () => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
}

function Setup(p: SetupProps) {
  const t = useTheme();
  const [cursor, setCursor] = useState(0);
  const toggle = (topic: Topic) => p.onTopics(p.topics.includes(topic) ? p.topics.filter((x) => x !== topic) : TOPICS.filter((x) => x === topic || p.topics.includes(x)));
  const stepMinutes = (dir: 1 | -1) => {
    const i = MINUTE_CHOICES.findIndex((m) => m >= p.minutes);
    const at = i < 0 ? MINUTE_CHOICES.length - 1 : i;
    p.onMinutes(MINUTE_CHOICES[Math.max(0, Math.min(MINUTE_CHOICES.length - 1, MINUTE_CHOICES[at] === p.minutes || dir < 0 ? at + dir : at))]!);
  };
  useInput(
    (input, key) => {
      if (key.escape || input === 'q') return p.onBack();
      if (input === '?') return p.onHelp();
      if (key.upArrow || input === 'k') return setCursor((c) => Math.max(0, c - 1));
      if (key.downArrow || input === 'j') return setCursor((c) => Math.min(TOPICS.length - 1, c + 1));
      if (input === ' ' || input === 'x') return toggle(TOPICS[cursor]!);
      if (input === 'a') return p.onTopics(p.topics.length === TOPICS.length ? [] : TOPICS);
      if (key.leftArrow || input === '-') return stepMinutes(-1);
      if (key.rightArrow || input === '+') return stepMinutes(1);
      if (input === 'd') return p.onDaily();
      if (key.return) return p.onStart();
    },
    { isActive: p.active },
  );
  const saved = p.progress.practice?.topics ?? {};
  const nameW = Math.max(...TOPICS.map((x) => x.length));
  return (
    <Box flexDirection="column" width={p.width}>
      <Text bold color={t.accent}>
        {say(p.locale, 'practiceTitle')}
      </Text>
      <Text dimColor>{fit(say(p.locale, 'setupTopics'), p.width)}</Text>
      {TOPICS.map((topic, i) => {
        const on = p.topics.includes(topic);
        const s = Object.hasOwn(saved, topic) ? saved[topic] : undefined;
        const stats = s && s.attempts > 0 ? say(p.locale, 'setupStats', { box: s.box, pct: Math.round((100 * s.correct) / s.attempts), n: s.attempts }) : '';
        // The blurb gives way to the saved figures, which sit in their own column.
        const blurbW = p.width - (2 + 4 + nameW + 2) - (stats ? 22 : 0);
        const selected = i === cursor;
        return (
          <Text key={topic} wrap="truncate-end">
            <Text color={t.accent} bold>
              {selected ? `${t.glyphs.pointer} ` : '  '}
            </Text>
            <Text bold={selected} color={selected ? t.accent : undefined}>{`${t.glyphs.check[on ? 0 : 1]} ${topic.padEnd(nameW)}`}</Text>
            <Text dimColor>{`  ${stats ? fit(topicBlurb(topic, p.locale), blurbW) : topicBlurb(topic, p.locale)}${stats ? `  ${stats}` : ''}`}</Text>
          </Text>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        <Text>
          <Text bold>{say(p.locale, 'setupMinutes', { minutes: p.minutes })}</Text>
          <Text dimColor>{`   ${say(p.locale, 'setupChange', { lr: `${t.glyphs.left}${t.glyphs.right}` })}`}</Text>
        </Text>
        <Text wrap="truncate-end">
          <Text bold>{say(p.locale, 'setupSeed')}</Text>
          <Text>{` ${p.seedLine}`}</Text>
          <Text dimColor>{`   ${say(p.locale, 'setupDaily')}`}</Text>
        </Text>
      </Box>
      <Box marginTop={1}>{p.topics.length === 0 ? <Text color={t.bad}>{`${t.glyphs.cross} ${say(p.locale, 'setupNone')}`}</Text> : <Text bold>{say(p.locale, 'setupStart', { enter: t.glyphs.enter })}</Text>}</Box>
    </Box>
  );
}

// ---- the drill -----------------------------------------------------------------------------

interface DrillProps {
  readonly active: boolean;
  readonly width: number;
  readonly session: SessionState;
  readonly clock: () => number;
  readonly tickMs: number;
  readonly onChange: (s: SessionState) => void;
  readonly onHelp: () => void;
  readonly locale: string;
}

function clockText(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function Drill({ active, width, session, clock, tickMs, onChange, onHelp, locale }: DrillProps) {
  const t = useTheme();
  const [, redraw] = useState(0);
  // The countdown shows whole seconds: redraw only when that changes.
  const shown = useRef(-1);
  // The latest session for the timer and key handlers, which outlive a render.
  const latest = useRef(session);
  latest.current = session;
  const running = session.phase === 'running';

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      const next = tick(latest.current, clock());
      if (next !== latest.current) return onChange(next);
      const secs = Math.ceil(remainingMs(next, clock()) / 1000);
      if (secs !== shown.current) redraw((n) => n + 1);
    }, tickMs);
    return () => clearInterval(id);
  }, [running, clock, tickMs, onChange]);

  // The help overlay (or anything else taking the keys) stops the clock.
  useEffect(() => {
    if (!active && latest.current.phase === 'running') onChange(pause(latest.current, clock()));
  }, [active, clock, onChange]);

  useInput(
    (input, key) => {
      const s = latest.current;
      if (input === 'q') return onChange(finish(s, clock()));
      if (input === '?') return onHelp();
      if (input === 'p' || key.escape || key.return) return onChange(resume(s, clock()));
    },
    { isActive: active && session.phase === 'paused' },
  );

  const submit = useCallback((raw: string) => onChange(answer(latest.current, raw, clock())), [onChange, clock]);
  const pauseNow = useCallback(() => onChange(pause(latest.current, clock())), [onChange, clock]);

  const now = clock();
  const q = session.current.question;
  const left = remainingMs(session, now);
  shown.current = Math.ceil(left / 1000);
  const accuracy = session.answered > 0 ? `${Math.round((100 * session.correct) / session.answered)}%` : '–';
  const status = [
    `${t.glyphs.times === 'x' ? say(locale, 'statusTime') : '⏱'} ${clockText(left)}`,
    say(locale, 'statusScore', { score: session.score }),
    `${say(locale, 'statusStreak', { streak: session.streak })} ${t.glyphs.times}${multiplier(session.streak)}`,
    `${say(locale, 'statusAnswered', { n: session.answered })} · ${accuracy}`,
    say(locale, 'statusLevel', { level: session.current.level + 1 }),
  ].join('   ');
  const last = session.last;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {status}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {session.phase === 'paused' ? (
          <>
            <Text bold>{say(locale, 'paused')}</Text>
            <Text dimColor>{say(locale, 'pausedKeys', { enter: t.glyphs.enter })}</Text>
          </>
        ) : (
          <>
            <Text wrap="truncate-end">
              <Text color={t.accent} bold>{`[${q.topic}] `}</Text>
              <Text>{q.context[0] ?? ''}</Text>
            </Text>
            {q.context.slice(1).map((line, i) => (
              <Text key={i} wrap="truncate-end">
                {line}
              </Text>
            ))}
            {q.choices ? <Choices choices={q.choices} width={width} /> : null}
            <Box marginTop={1}>
              <Text bold wrap="truncate-end">
                {q.ask}
              </Text>
            </Box>
            <PracticeField key={session.current.k} active={active && running} width={width} placeholder={q.placeholder} validate={q.validate} onSubmit={submit} onPause={pauseNow} enterDoes={say(locale, 'fieldChecks')} escapeDoes={say(locale, 'fieldPauses')} locale={locale} />
          </>
        )}
      </Box>
      {last ? <Verdict width={width} last={last} t={t} locale={locale} /> : null}
    </Box>
  );
}

/** On one line when they fit, else one a line. */
function Choices({ choices, width }: { readonly choices: readonly string[]; readonly width: number }) {
  const numbered = choices.map((c, i) => `${i + 1}) ${c}`);
  const line = numbered.join('   ');
  if (columns(line) <= width) return <Text>{line}</Text>;
  return (
    <>
      {numbered.map((c) => (
        <Text key={c} wrap="truncate-end">
          {c}
        </Text>
      ))}
    </>
  );
}

function Verdict({ width, last, t, locale }: { readonly width: number; readonly last: NonNullable<SessionState['last']>; readonly t: Theme; readonly locale: string }) {
  if (last.verdict.correct) {
    return (
      <Box marginTop={1}>
        <Text color={t.good} bold>{`${t.glyphs.solved} ${say(locale, 'right', { points: last.points })}`}</Text>
      </Box>
    );
  }
  // Chinese runs the explanation on after the full stop; English leaves a space.
  const gap = language(locale) === 'zh-CN' ? '' : ' ';
  const lines = wrap(`${say(locale, 'wrongWas', { given: cut(last.given, 24), expected: last.verdict.expected })}${gap}${last.verdict.explanation}`, width - 2).slice(0, 3);
  return (
    <Box marginTop={1} flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} color={i === 0 ? t.bad : undefined}>
          {`${i === 0 ? t.glyphs.cross : ' '} ${line}`}
        </Text>
      ))}
    </Box>
  );
}

// ---- summary -----------------------------------------------------------------------------

function Summary({ locale, active, width, stage, onAgain, onBack, onHelp }: { readonly locale: string; readonly active: boolean; readonly width: number; readonly stage: Extract<Stage, { name: 'summary' }>; readonly onAgain: () => void; readonly onBack: () => void; readonly onHelp: () => void }) {
  const t = useTheme();
  useInput(
    (input, key) => {
      if (key.escape || input === 'q') return onBack();
      if (input === '?') return onHelp();
      if (key.return) return onAgain();
    },
    { isActive: active },
  );
  const { summary: s, changes } = stage;
  const title = say(locale, stage.early ? 'summaryEnded' : 'summaryTitle', { topics: cut(s.topics.join(', '), Math.max(20, width - 20)), minutes: s.minutes });
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const show = { score: (x: number) => String(x), accuracy: pct, perMinute: (x: number) => x.toFixed(1) };
  const label = { score: say(locale, 'figScore'), accuracy: say(locale, 'figAccuracy'), perMinute: say(locale, 'figPerMinute') };
  const labelW = Math.max(...Object.values(label).map((l) => columns(l)));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={t.accent} wrap="truncate-end">
        {title}
      </Text>
      {s.answered === 0 ? (
        <Text>{say(locale, 'nothingAnswered')}</Text>
      ) : (
        <>
          <Box marginTop={1} flexDirection="column">
            {changes.figures.map((f) => (
              <Text key={f.figure} wrap="truncate-end">
                <Text bold>{`${fit(label[f.figure], labelW)}  ${show[f.figure](f.now).padStart(5)}`}</Text>
                {f.record ? (
                  <Text color={t.good}>{`  ${t.glyphs.solved} ${f.best === undefined ? say(locale, 'firstBest') : `${say(locale, 'newBest')} (${say(locale, 'bestWas', { best: show[f.figure](f.best) })})`}`}</Text>
                ) : (
                  <Text dimColor>{`  ${say(locale, 'bestWas', { best: show[f.figure](f.best ?? 0) })}`}</Text>
                )}
              </Text>
            ))}
            <Text dimColor>{`${say(locale, 'bestStreak', { n: s.bestStreak })} · ${say(locale, 'answeredRight', { answered: s.answered, correct: s.correct })}`}</Text>
          </Box>
          <Box marginTop={1} flexDirection="column">
            <Text dimColor>{`${fit(say(locale, 'colTopic'), 15)}  ${padStartColumns(say(locale, 'colRight'), 6)}    ${padStartColumns(say(locale, 'colBefore'), 6)} → ${fit(say(locale, 'colNow'), 4)}${' '.repeat(10)}  ${say(locale, 'colBox')}`}</Text>
            {changes.topics.map((c) => {
              const now = c.correct / c.attempts;
              const trend = c.before === undefined ? '' : now > c.before + 0.005 ? ` ${t.glyphs.up} ${say(locale, 'better')}` : now < c.before - 0.005 ? ` ${t.glyphs.down}` : ' =';
              return (
                <Text key={c.topic} wrap="truncate-end">
                  {`${c.topic.padEnd(15)}  ${`${c.correct}/${c.attempts}`.padStart(6)}    ${(c.before === undefined ? '–' : pct(c.before)).padStart(6)} → ${pct(now).padEnd(4)}${trend.padEnd(10)}  ${c.box}`}
                </Text>
              );
            })}
          </Box>
        </>
      )}
      {stage.notice ? <Text color={t.bad} wrap="truncate-end">{stage.notice}</Text> : null}
      <Box marginTop={1}>
        <Text dimColor>{say(locale, 'summaryKeys', { enter: t.glyphs.enter })}</Text>
      </Box>
    </Box>
  );
}
