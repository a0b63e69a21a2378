/**
 * Steps through a trace frame by frame: the step counter and the player, the hop and what the
 * frame is, the decisions around it, and below either the headers layer by layer or (for TCP)
 * the ladder so far — side by side when the screen is wide. The model is ../stepping.ts; this
 * component only keeps the cursor, runs the player's timer and renders.
 *
 * Keys (while `active`): ← → h l , . step · home end g G first/last · space play/pause ·
 * + - speed · ↑ ↓ j k scroll the details · v headers/ladder · esc q `onExit`.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { TraceEvent } from '../../net/sim/trace';
import { describeEvent, formatSimTime } from '../../net/sim/describe';
import { LADDER_MIN_WIDTH, renderLadder } from '../../machines/tcp/ladder';
import { wrap } from '../model';
import {
  buildSteps,
  headerLayers,
  headerLines,
  initialStepper,
  ladderAt,
  speedLabel,
  stepFocus,
  stepHop,
  stepperReducer,
  stepTitle,
  tickMs,
  type Step,
  type StepFocus,
  type StepperEvent,
  type StepperState,
} from '../stepping';
import { useTheme, type Glyphs } from '../theme';
import { HeaderRows } from './Headers';
import { sayLevel as say } from '../level-words';
import { LadderRows } from './Ladder';

/** Runs `fn` after `ms`; returns what cancels it. Injected by tests to play without waiting. */
export type Schedule = (fn: () => void, ms: number) => () => void;

const realSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export interface TraceStepperProps {
  /** The events to step through (a whole run, or the part of it revealed so far). */
  readonly trace: readonly TraceEvent[];
  /** Columns and rows the stepper may use; it never draws more. */
  readonly width: number;
  readonly height: number;
  /** Takes keys only while true (false under a help overlay or when another panel has focus). */
  readonly active: boolean;
  /** Where the cursor starts, and goes back to when `trace` changes (default: the first step). */
  readonly start?: 'first' | 'last';
  /** Esc or q. Without it those keys do nothing here. */
  readonly onExit?: () => void;
  /** The current step changed: its link and ends (undefined for a frameless step), to highlight in the drawing. */
  readonly onFocus?: (focus: StepFocus | undefined, step: Step | undefined) => void;
  readonly schedule?: Schedule;
  /**
   * h l g G step and jump as in vim (default true). A screen that gives h or g another meaning
   * (a hint) turns them off; the arrows, , . home end still step.
   */
  readonly vimKeys?: boolean;
  /** The player's language for the stepper's own words (the engine's descriptions are English). */
  readonly locale?: string;
}

type View = 'headers' | 'ladder';
/** Wide enough to show headers and a ladder side by side. */
const SIDE_BY_SIDE = 110;

export const TraceStepper = memo(function TraceStepper({ trace, width, height, active, start = 'first', onExit, onFocus, schedule = realSchedule, vimKeys = true, locale = 'en' }: TraceStepperProps) {
  const t = useTheme();
  const g = t.glyphs;
  const steps = useMemo(() => buildSteps(trace), [trace]);
  const count = steps.length;
  const [state, setState] = useState<StepperState>(() => initialStepper(count, start));
  const [scroll, setScroll] = useState(0);
  const [view, setView] = useState<View>('headers');
  // A different trace starts the stepper afresh. Told apart by its events, not the array's
  // identity, so a parent that slices the same run again on each render does not reset it.
  const identity = `${trace.length}`;
  const seen = useRef<{ id: string; first: TraceEvent | undefined; last: TraceEvent | undefined }>({ id: identity, first: trace[0], last: trace[trace.length - 1] });
  useEffect(() => {
    const was = seen.current;
    if (was.id === identity && was.first === trace[0] && was.last === trace[trace.length - 1]) return;
    seen.current = { id: identity, first: trace[0], last: trace[trace.length - 1] };
    setState(initialStepper(steps.length, start));
    setScroll(0);
  }, [identity, trace, steps, start]);

  const cursor = Math.min(state.cursor, Math.max(0, count - 1));
  const step = steps[cursor];
  const send = (e: StepperEvent) => setState((s) => stepperReducer(s, e, count));

  // The player: one step per tick while playing.
  useEffect(() => {
    if (!state.playing) return;
    return schedule(() => setState((s) => stepperReducer(s, { type: 'tick' }, count)), tickMs(state));
  }, [state, count, schedule]);

  useEffect(() => setScroll(0), [cursor]);
  const focusRef = useRef(onFocus);
  focusRef.current = onFocus;
  useEffect(() => {
    focusRef.current?.(stepFocus(step), step);
  }, [step]);

  const ladder = useMemo(() => (count > 0 ? ladderAt(trace, steps, cursor) : undefined), [trace, steps, cursor, count]);
  const sideBySide = ladder !== undefined && width >= SIDE_BY_SIDE;
  const shown: View = ladder === undefined ? 'headers' : view;

  // ---- rows: status, what the frame is, the events, the details ----
  const arrow = t.ascii ? '->' : g.right;
  // The engine writes arrows and dashes; a dumb terminal gets ASCII.
  const txt = t.ascii ? toAscii : (x: string) => x;
  // Time since the trace began: a run in the sandbox starts whenever the clock had got to.
  const status = `${say(locale, 'step.status', { n: count === 0 ? 0 : cursor + 1, count })}${step ? ` ${g.dash} t+${formatSimTime(stepTime(step) - (trace[0]?.t ?? 0))}` : ''}`;
  const player = state.playing ? `${t.ascii ? '>' : '▶'} ${say(locale, 'step.playing', { speed: speedLabel(state, locale) })}` : `${t.ascii ? '||' : '⏸'} ${say(locale, 'step.paused', { speed: speedLabel(state, locale) })}`;
  const hop = step ? stepHop(step, arrow) : undefined;
  const what = step ? `${hop ? `${hop}  ` : ''}${stepTitle(step)}` : say(locale, 'step.empty');
  const whatLines = wrap(txt(what), width).slice(0, 2);
  const events = step ? [...step.before.map((e) => ({ mark: t.ascii ? '-' : '·', e })), ...step.after.map((e) => ({ mark: arrow, e }))] : [];
  const eventLines = events.flatMap(({ mark, e }) => wrap(txt(`${mark} ${describeEvent(e)}`), width).map((l, i) => (i === 0 ? l : `  ${l}`)));
  const rest = Math.max(0, height - 1 - whatLines.length);
  // The decisions around the frame get up to half of what is left; the details the remainder.
  const eventRoom = Math.min(eventLines.length, Math.max(1, Math.floor(rest / 2)));
  const cut = eventLines.length > eventRoom;
  const shownEvents = cut ? [...eventLines.slice(0, Math.max(0, eventRoom - 1)), `${g.ellipsis} ${say(locale, 'step.moreLines', { n: eventLines.length - eventRoom + 1 })}`] : eventLines;
  const detailH = Math.max(0, rest - shownEvents.length - 1);

  // The ladder takes up to 45% of a wide screen, so its labels are not cut.
  const ladderW = sideBySide ? Math.max(LADDER_MIN_WIDTH + 12, Math.floor(width * 0.45)) : width;
  const headerW = sideBySide ? width - ladderW - 2 : width;
  const hLines = useMemo(() => (step?.frame ? headerLines(headerLayers(step.frame.frame), headerW) : []), [step, headerW]);
  const lLines = useMemo(
    () =>
      ladder
        ? renderLadder(ladder.rows, {
            width: Math.max(LADDER_MIN_WIDTH, ladderW),
            leftName: ladder.leftName,
            rightName: ladder.rightName,
            ascii: t.ascii,
            ...(ladder.initialLeft ? { initialLeft: ladder.initialLeft } : {}),
            ...(ladder.initialRight ? { initialRight: ladder.initialRight } : {}),
          })
        : [],
    [ladder, ladderW, t.ascii],
  );
  // Headers scroll from the top; the ladder shows its newest rows unless scrolled back.
  const mainLines = shown === 'headers' ? hLines.length : lLines.length;
  const maxScroll = Math.max(0, mainLines - detailH);
  const top = Math.min(scroll, maxScroll);
  const hWindow = shown === 'headers' || sideBySide ? hLines.slice(shown === 'headers' ? top : 0, (shown === 'headers' ? top : 0) + detailH) : [];
  const ladderTop = shown === 'ladder' ? Math.max(0, lLines.length - detailH - top) : Math.max(0, lLines.length - detailH);
  const lWindow = shown === 'ladder' || sideBySide ? lLines.slice(ladderTop, ladderTop + detailH) : [];

  useInput(
    (input, key) => {
      if (key.rightArrow || input === '.' || (vimKeys && input === 'l')) return send({ type: 'next' });
      if (key.leftArrow || input === ',' || (vimKeys && input === 'h')) return send({ type: 'prev' });
      if (key.home || (vimKeys && input === 'g')) return send({ type: 'first' });
      if (key.end || (vimKeys && input === 'G')) return send({ type: 'last' });
      if (input === ' ') return send({ type: 'toggle-play' });
      if (input === '+' || input === '=') return send({ type: 'faster' });
      if (input === '-' || input === '_') return send({ type: 'slower' });
      if (key.downArrow || input === 'j') return setScroll((s) => Math.min(s + 1, maxScroll));
      if (key.upArrow || input === 'k') return setScroll((s) => Math.max(0, Math.min(s, maxScroll) - 1));
      if (input === 'v' && ladder) {
        setScroll(0);
        return setView((v) => (v === 'headers' ? 'ladder' : 'headers'));
      }
      if ((key.escape || input === 'q') && onExit) onExit();
    },
    { isActive: active },
  );

  const barText = detailBar({ shown, sideBySide, hasLadder: ladder !== undefined, frame: step?.frame !== undefined, length: step?.frame?.length, top, total: mainLines, room: detailH, g, locale });

  return (
    <Box flexDirection="column" width={width} height={Math.max(1, height)} overflow="hidden">
      <Box width={width} justifyContent="space-between">
        <Text bold wrap="truncate-end">
          {status}
        </Text>
        <Text dimColor>{` ${player}`}</Text>
      </Box>
      {whatLines.map((l, i) => (
        <Text key={`w${i}`} bold wrap="truncate-end">
          {l}
        </Text>
      ))}
      {rest > 0
        ? shownEvents.map((l, i) => (
            <Text key={`e${i}`} wrap="truncate-end">
              {l}
            </Text>
          ))
        : null}
      {detailH > 0 ? (
        <>
          <Text dimColor wrap="truncate-end">
            {barText}
          </Text>
          <Box width={width}>
            {hWindow.length > 0 || (shown === 'headers' && !sideBySide) ? <HeaderRows lines={hWindow} width={headerW} /> : null}
            {sideBySide ? <Box width={2} /> : null}
            {lWindow.length > 0 ? <LadderRows lines={lWindow} width={ladderW} /> : null}
          </Box>
        </>
      ) : null}
    </Box>
  );
});

const ASCII_FOR: Record<string, string> = { '→': '->', '─': '-', '▶': '>', '◀': '<', '│': '|', '←': '<-', '↔': '<->', '—': '-', '–': '-', '…': '...', '·': '-', '✗': 'x', '✓': '+', '×': 'x', 'µ': 'u' };

/** For TERM=dumb: the engine's arrows and dashes in ASCII, anything else unknown as '?'. */
export function toAscii(s: string): string {
  return Array.from(s, (c) => (c >= ' ' && c <= '~' ? c : (ASCII_FOR[c] ?? '?'))).join('');
}

function stepTime(step: Step): number {
  return step.frame?.t ?? step.before[0]?.t ?? 0;
}

function detailBar(o: { shown: View; sideBySide: boolean; hasLadder: boolean; frame: boolean; length: number | undefined; top: number; total: number; room: number; g: Glyphs; locale: string }): string {
  const { g, locale } = o;
  const headers = `${say(locale, 'step.headers')}${o.length !== undefined ? say(locale, 'step.bytes', { n: o.length }) : ''}`;
  const what = o.sideBySide
    ? `${headers} | ${say(locale, 'step.ladder')}`
    : o.shown === 'headers'
      ? `${headers}${o.hasLadder ? say(locale, 'step.vLadder') : ''}`
      : `${say(locale, 'step.ladder')}${say(locale, 'step.vHeaders')}`;
  const more = o.total > o.room ? `   ${g.up}${g.down} ${o.shown === 'ladder' ? say(locale, 'step.earlier') : say(locale, 'step.rows', { from: o.top + 1, to: Math.min(o.total, o.top + o.room), total: o.total })}` : '';
  if (!o.frame && o.shown === 'headers' && !o.sideBySide) return `${g.dash.repeat(2)} ${say(locale, 'step.noFrame')}${o.hasLadder ? say(locale, 'step.vLadder') : ''}`;
  return `${g.dash.repeat(2)} ${what}${more}`;
}
