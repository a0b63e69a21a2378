/**
 * The sandbox screen: the network drawn, the selected device inspected, a log of what was
 * done, and the actions (menu on Enter, or one key each); `s` steps through the last run with
 * the trace stepper, its frame's link lit in the drawing. The network itself lives in
 * ../../sandbox/session.ts and the actions' questions in ../../sandbox/forms.ts: this screen
 * renders them and passes keys on.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { ACTIONS, formFor, type ActionId, type Field, type Form, type SandboxIo } from '../../sandbox/forms';
import { SandboxSession, type TopologySpec } from '../../sandbox/session';
import { AnswerField } from '../components/AnswerField';
import { Menu, type MenuItem } from '../components/Menu';
import { TopologyView } from '../components/TopologyView';
import { toAscii, TraceStepper, type Schedule } from '../components/TraceStepper';
import { drawTopology } from '../layout/topology';
import { topologyFromLevel } from '../layout/from-level';
import { wrap } from '../model';
import { inspectDevice } from '../play';
import { highlightLinkIndex, type StepFocus } from '../stepping';
import type { Glyphs } from '../theme';
import { useTheme } from '../theme';
import { actionLabel, saySandbox as words } from '../../sandbox/words';

export interface SandboxProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  /** The network to start from (a level's topology); a blank one without it. */
  readonly topology?: TopologySpec | undefined;
  /** Where it came from, for the first log line ("pc-lan.yaml"). */
  readonly origin?: string | undefined;
  readonly io: SandboxIo;
  /** Esc or q on the network view. */
  readonly onExit: () => void;
  /** ? on the network view. */
  readonly onHelp?: (() => void) | undefined;
  readonly schedule?: Schedule | undefined;
  /** The player's language for the screen's words (default English). */
  readonly locale?: string | undefined;
}

/** In the trace: which run (an index into session.runs). */
type Mode = { readonly name: 'network' } | { readonly name: 'menu' } | { readonly name: 'form'; readonly form: Form; readonly values: readonly string[] } | { readonly name: 'trace'; readonly run: number };

interface LogLine {
  readonly id: number;
  readonly ok: boolean;
  readonly text: string;
}

const KEY_OF = new Map(ACTIONS.map((a) => [a.key, a.id]));

export const Sandbox = memo(function Sandbox({ active, width, height, topology, origin, io, onExit, onHelp, schedule, locale = 'en' }: SandboxProps) {
  const t = useTheme();
  const g = t.glyphs;
  // The engine's messages have arrows and ticks; a dumb terminal gets them in ASCII.
  const txt = t.ascii ? toAscii : (s: string) => s;
  const [session] = useState(() => new SandboxSession(topology, locale));
  // The session changes in place: this counter tells React that it did.
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>({ name: 'network' });
  const [selected, setSelected] = useState(0);
  const [focus, setFocus] = useState<StepFocus | undefined>();
  const nextId = useRef(0);
  const [log, setLog] = useState<readonly LogLine[]>(() => startLog(session, origin, nextId, locale));

  const names = useMemo(() => session.deviceNames(), [session, version]);
  const current = names.length ? names[Math.min(selected, names.length - 1)] : undefined;
  const say = useCallback((ok: boolean, text: string) => setLog((l) => [...l.slice(-40), { id: nextId.current++, ok, text }]), []);

  const start = useCallback(
    (id: ActionId) => {
      if (id === 'trace') {
        if (!session.lastRun()) return say(false, words(locale, 'screen.nothingSent'));
        return setMode({ name: 'trace', run: session.runs.length - 1 });
      }
      const form = formFor(id, { session, selected: current, io, locale });
      if (typeof form === 'string') {
        setMode({ name: 'network' });
        return say(false, form);
      }
      setMode({ name: 'form', form, values: [] });
    },
    [session, current, io, say, locale],
  );

  const answer = useCallback(
    (value: string) => {
      if (mode.name !== 'form') return;
      const values = [...mode.values, value];
      if (mode.form.field(values)) return setMode({ name: 'form', form: mode.form, values });
      const r = mode.form.submit(values);
      setVersion((v) => v + 1);
      setMode({ name: 'network' });
      if (!r.ok) return say(false, r.error);
      say(r.gotThrough !== false, r.message);
      if (r.step) {
        const frames = session.traceOf().filter((e) => e.kind === 'frame').length;
        say(true, frames > 0 ? words(locale, frames === 1 ? 'screen.framesOne' : 'screen.frames', { n: frames }) : words(locale, 'screen.noFrames'));
      }
    },
    [mode, say, session, locale],
  );
  const cancel = useCallback(() => setMode({ name: 'network' }), []);
  const field: Field | undefined = mode.name === 'form' ? mode.form.field(mode.values) : undefined;

  useInput(
    (input, key) => {
      if (mode.name === 'menu' || (mode.name === 'form' && field?.kind === 'choice')) {
        if (key.escape || input === 'q') cancel();
        return;
      }
      if (mode.name === 'trace') {
        // The stepper has every other key; [ and ] go to the run before or after.
        const to = input === '[' ? mode.run - 1 : input === ']' ? mode.run + 1 : mode.run;
        if (to !== mode.run && to >= 0 && to < session.runs.length) setMode({ name: 'trace', run: to });
        return;
      }
      if (mode.name !== 'network') return;
      if (key.escape || input === 'q') return onExit();
      if (input === '?') return onHelp?.();
      if (key.return) return setMode({ name: 'menu' });
      if (names.length > 0 && (key.rightArrow || input === 'l' || (key.tab && !key.shift))) return setSelected((i) => (Math.min(i, names.length - 1) + 1) % names.length);
      if (names.length > 0 && (key.leftArrow || input === 'h' || (key.tab && key.shift))) return setSelected((i) => (Math.min(i, names.length - 1) - 1 + names.length) % names.length);
      const id = KEY_OF.get(input);
      if (id) start(id);
    },
    { isActive: active && !(mode.name === 'form' && field?.kind === 'text') },
  );

  // ---- layout ----
  const topo = useMemo(() => topologyFromLevel(session.topology()), [session, version]);
  const runIndex = mode.name === 'trace' ? mode.run : session.runs.length - 1;
  const run = session.runs[runIndex];
  const runTrace = useMemo(() => session.traceOf(run), [session, run]);
  const inTrace = mode.name === 'trace';
  const drawRoom = inTrace ? (height >= 30 ? Math.floor(height * 0.4) : height >= 20 ? Math.floor(height * 0.3) : 0) : Math.max(3, Math.floor(height * 0.45));
  const drawing = useMemo(
    () =>
      drawTopology(topo, {
        width,
        maxHeight: drawRoom,
        ascii: t.ascii,
        ...(inTrace ? {} : current !== undefined ? { selectedDevice: current } : {}),
        ...(inTrace && highlightLinkIndex(topo, focus) !== undefined ? { highlightLink: highlightLinkIndex(topo, focus)! } : {}),
      }),
    [topo, width, drawRoom, t.ascii, current, inTrace, focus],
  );
  const drawn = drawRoom > 0 ? drawing.lines.slice(0, drawRoom) : [];
  const shownDrawing = drawn.length === drawing.lines.length ? drawing : { ...drawing, lines: drawn, marks: drawing.marks.filter((m) => m.row < drawn.length) };

  if (inTrace && run) {
    const stepperH = Math.max(3, height - drawn.length - 1);
    return (
      <Box flexDirection="column" width={width} height={height} overflow="hidden">
        <Text bold wrap="truncate-end">
          {txt(`${words(locale, 'screen.run', { n: runIndex + 1, count: session.runs.length })}${run.label} ${g.dash} ${run.summary}${session.runs.length > 1 ? words(locale, 'screen.otherRuns') : ''}`)}
        </Text>
        {drawn.length > 0 ? <TopologyView drawing={shownDrawing} /> : null}
        <TraceStepper trace={runTrace} width={width} height={stepperH} active={active} onExit={() => setMode({ name: 'network' })} onFocus={setFocus} locale={locale} {...(schedule ? { schedule } : {})} />
      </Box>
    );
  }

  // Below the drawing: the inspector beside the log (stacked when narrow), then the action area.
  const actionRows = mode.name === 'menu' ? Math.min(ACTIONS.length + 1, Math.max(4, Math.floor(height / 2))) : field?.kind === 'choice' ? Math.min(field.options.length + 1, Math.max(3, Math.floor(height / 3))) : field ? 3 : 1;
  const emptyHint = names.length === 0 ? wrap(words(locale, 'screen.emptyHint'), width) : [];
  const emptyRows = names.length === 0 ? 1 + emptyHint.length : 0;
  const middle = Math.max(0, height - drawn.length - emptyRows - actionRows - 1);
  const sideBySide = width >= 70;
  const inspectW = sideBySide ? Math.floor(width * 0.5) : width;
  const logW = sideBySide ? width - inspectW - 1 : width;
  const inspectRows = sideBySide ? middle : Math.ceil(middle / 2);
  const logRows = sideBySide ? middle : middle - inspectRows;
  const inspected = current ? inspectDevice(session.sim, current, inspectW, locale).slice(0, inspectRows).map(txt) : [];
  const logLines = log.flatMap((l) => wrap(txt(`${l.ok ? g.pointer : g.cross} ${l.text}`), logW - 2).map((text, i) => ({ key: `${l.id}:${i}`, ok: l.ok, text: i === 0 ? text : `  ${text}` }))).slice(-logRows);

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {names.length === 0 ? (
        <>
          <Text bold>{words(locale, 'screen.empty')}</Text>
          {emptyHint.map((l, i) => (
            <Text key={i} dimColor>
              {l}
            </Text>
          ))}
        </>
      ) : (
        <TopologyView drawing={shownDrawing} />
      )}
      <Box width={width} height={middle} flexShrink={0} flexDirection={sideBySide ? 'row' : 'column'}>
        <Box flexDirection="column" width={inspectW} height={inspectRows}>
          {inspected.map((line, i) => (
            <Text key={i} wrap="truncate-end" bold={i === 0}>
              {line || ' '}
            </Text>
          ))}
        </Box>
        {sideBySide ? <Box width={1} /> : null}
        <Box flexDirection="column" width={logW} height={logRows}>
          {logLines.map((l) => (
            <Text key={l.key} wrap="truncate-end" color={l.ok ? undefined : t.bad}>
              {l.text}
            </Text>
          ))}
        </Box>
      </Box>
      <Text> </Text>
      <ActionArea locale={locale} mode={mode} field={field} width={width} rows={actionRows} active={active} g={g} onAction={start} onAnswer={answer} onCancel={cancel} />
    </Box>
  );
});

function startLog(session: SandboxSession, origin: string | undefined, nextId: { current: number }, locale: string): LogLine[] {
  const lines: LogLine[] = [];
  const add = (ok: boolean, text: string) => lines.push({ id: nextId.current++, ok, text });
  add(true, origin ? words(locale, 'screen.opened', { origin }) : words(locale, 'screen.blank'));
  for (const p of session.problems.slice(0, 5)) add(false, words(locale, 'screen.leftOut', { path: p.path.join('.'), message: p.message }));
  return lines;
}

const ActionArea = memo(function ActionArea(props: {
  readonly locale: string;
  readonly mode: Mode;
  readonly field: Field | undefined;
  readonly width: number;
  readonly rows: number;
  readonly active: boolean;
  readonly g: Glyphs;
  readonly onAction: (id: ActionId) => void;
  readonly onAnswer: (value: string) => void;
  readonly onCancel: () => void;
}) {
  const { mode, field, width, rows, active, g, locale } = props;
  const items = useMemo((): MenuItem<ActionId>[] => ACTIONS.map((a) => ({ label: `${a.key}  ${actionLabel(a.id, locale)}`, value: a.id })), [locale]);
  const choices = useMemo((): MenuItem<string>[] => (field?.kind === 'choice' ? field.options.map((o) => ({ label: o.label, value: o.value })) : []), [field]);
  if (mode.name === 'menu') {
    return (
      <Box flexDirection="column" width={width}>
        <Text bold>{words(locale, 'screen.actions', { dash: g.dash, enter: g.enter })}</Text>
        <Menu items={items} onSelect={props.onAction} isFocused={active} limit={rows - 1} />
      </Box>
    );
  }
  if (mode.name === 'form' && field) {
    const title = words(locale, 'screen.formTitle', { form: mode.form.title, field: field.label });
    if (field.kind === 'choice') {
      const initial = field.initial !== undefined ? Math.max(0, field.options.findIndex((o) => o.value === field.initial)) : 0;
      return (
        <Box flexDirection="column" width={width}>
          <Text bold wrap="truncate-end">{words(locale, 'screen.escCancels', { title })}</Text>
          <Menu key={`${mode.values.length}`} items={choices} onSelect={props.onAnswer} isFocused={active} initialIndex={initial} limit={rows - 1} />
        </Box>
      );
    }
    return (
      <Box flexDirection="column" width={width}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
        <AnswerField key={`${mode.values.length}`} active={active} width={width} placeholder={field.placeholder} validate={field.validate} onSubmit={props.onAnswer} onCancel={props.onCancel} locale={locale} {...(locale === 'en' ? {} : { enterDoes: words(locale, 'field.sends'), escapeDoes: words(locale, 'field.cancels') })} />
      </Box>
    );
  }
  return (
    <Text dimColor wrap="truncate-end">
      {words(locale, 'screen.keys', { enter: g.enter })}
    </Text>
  );
});
