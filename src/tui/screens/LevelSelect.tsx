/** Packs → chapters → levels, with completion, stars, best times and locks. */
import { memo, useCallback, useMemo } from 'react';
import { Box, Text, useInput } from 'ink';
import { Menu, type MenuItem } from '../components/Menu';
import { chapterCompletion, fit, padStartColumns, formatDifficulty, formatDuration, formatStars, levelRows, packCompletion, text, type Completion, type LevelRow } from '../model';
import type { Progress } from '../../progress/store';
import { useTheme, type Theme } from '../theme';
import { say } from '../words';
import type { ChapterView, LevelRef, PackView } from '../types';

interface ListProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly progress: Progress;
  readonly locale: string;
  readonly initialIndex: number;
  readonly onHighlight: (value: string, index: number) => void;
}

/** "3/12 solved  ★ 7/36", aligned. */
function completionText(c: Completion, t: Theme, locale: string): string {
  return `${`${c.solved}/${c.total}`.padStart(7)} ${fit(say(locale, 'select.solved'), 6)}   ${t.glyphs.starOn} ${`${c.stars}/${c.total * 3}`.padEnd(7)}`;
}

const COMPLETION_WIDTH = 7 + 10 + 2 + 7;

function CompletionRow({ label, c, width, selected, locale }: { label: string; c: Completion; width: number; selected: boolean; locale: string }) {
  const t = useTheme();
  const done = c.total > 0 && c.solved === c.total;
  return (
    <Text>
      <Text color={selected ? t.accent : undefined} bold={selected}>
        {fit(label, Math.max(8, width - COMPLETION_WIDTH - 2), t.glyphs.ellipsis)}
      </Text>
      {'  '}
      <Text color={done ? t.good : undefined} dimColor={!done}>
        {completionText(c, t, locale)}
      </Text>
    </Text>
  );
}

export const PackList = memo(function PackList({ packs, onOpen, ...p }: ListProps & { readonly packs: readonly PackView[]; readonly onOpen: (packId: string) => void }) {
  const rowW = p.width - 2;
  const items = useMemo<MenuItem<string>[]>(
    () =>
      packs.map((pack) => {
        const label = text(pack.name, p.locale);
        const c = packCompletion(pack, p.progress);
        return { value: pack.id, label, content: (selected: boolean) => <CompletionRow label={label} c={c} width={rowW} selected={selected} locale={p.locale} /> };
      }),
    [packs, p.progress, p.locale, rowW],
  );
  if (packs.length === 0) {
    return (
      <Box flexDirection="column">
        <Text>{say(p.locale, 'select.noPacks')}</Text>
        <Text dimColor>{say(p.locale, 'select.noPacksHint')}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{say(p.locale, 'select.choosePack')}</Text>
      <Menu items={items} isFocused={p.active} initialIndex={p.initialIndex} onHighlight={p.onHighlight} onSelect={onOpen} limit={p.height - 1} />
    </Box>
  );
});

export const ChapterList = memo(function ChapterList({ pack, onOpen, ...p }: ListProps & { readonly pack: PackView; readonly onOpen: (chapterId: string) => void }) {
  const rowW = p.width - 2;
  const items = useMemo<MenuItem<string>[]>(
    () =>
      pack.chapters.map((chapter, i) => {
        const label = `${i + 1}. ${text(chapter.title, p.locale)}`;
        const c = chapterCompletion(pack, chapter, p.progress);
        return { value: chapter.id, label, content: (selected: boolean) => <CompletionRow label={label} c={c} width={rowW} selected={selected} locale={p.locale} /> };
      }),
    [pack, p.progress, p.locale, rowW],
  );
  return (
    <Box flexDirection="column">
      <Text bold>{text(pack.name, p.locale)}</Text>
      <Menu items={items} isFocused={p.active} initialIndex={p.initialIndex} onHighlight={p.onHighlight} onSelect={onOpen} limit={p.height - 1} />
    </Box>
  );
});

// Level table columns: status, number, title, difficulty, stars, best time.
const DIFF_W = 5;
const STARS_W = 5;
const BEST_W = 7;
const RIGHT_W = 2 + DIFF_W + 2 + STARS_W + 2 + BEST_W;
const LEFT_W = 1 + 1 + 2 + 1;

function titleWidth(width: number): number {
  // Keep the columns near the titles on a wide terminal.
  return Math.max(8, Math.min(width - 2 - LEFT_W - RIGHT_W, 48));
}

function LevelLine({ row, width, selected, locale }: { row: LevelRow; width: number; selected: boolean; locale: string }) {
  const t = useTheme();
  const g = t.glyphs;
  const tw = titleWidth(width);
  const status = row.solved ? <Text color={t.good}>{g.solved}</Text> : <Text> </Text>;
  const title = fit(row.title, tw, g.ellipsis);
  const best = row.locked ? say(locale, 'select.locked') : row.solved ? formatDuration(row.bestSeconds, g) : '';
  return (
    <Text>
      {status}
      <Text dimColor>{` ${String(row.number).padStart(2)} `}</Text>
      <Text color={selected ? t.accent : undefined} bold={selected} dimColor={row.locked && !selected}>
        {title}
      </Text>
      <Text dimColor>{`  ${formatDifficulty(row.difficulty, g).padEnd(DIFF_W)}  `}</Text>
      <Text color={row.stars > 0 ? t.accent : undefined} dimColor={row.stars === 0}>
        {formatStars(row.stars, g).padEnd(STARS_W)}
      </Text>
      <Text dimColor>{`  ${padStartColumns(best, BEST_W)}`}</Text>
    </Text>
  );
}

export const LevelList = memo(function LevelList({
  pack,
  chapter,
  onChoose,
  ...p
}: ListProps & { readonly pack: PackView; readonly chapter: ChapterView; readonly onChoose: (row: LevelRow) => void }) {
  const t = useTheme();
  const rows = useMemo(() => levelRows(pack, chapter, p.progress, p.locale), [pack, chapter, p.progress, p.locale]);
  const items = useMemo<MenuItem<string>[]>(
    () => rows.map((row) => ({ value: row.ref.levelId, label: row.title, content: (selected: boolean) => <LevelLine row={row} width={p.width} selected={selected} locale={p.locale} /> })),
    [rows, p.width, p.locale],
  );
  const choose = useCallback((id: string) => onChoose(rows.find((r) => r.ref.levelId === id)!), [rows, onChoose]);
  const tw = titleWidth(p.width);
  const w = (k: 'select.colLevel' | 'select.colDiff' | 'select.colStars' | 'select.colBest') => say(p.locale, k);
  const heading = `  ${' '.repeat(LEFT_W)}${fit(w('select.colLevel'), tw)}  ${fit(w('select.colDiff'), DIFF_W)}  ${fit(w('select.colStars'), STARS_W)}  ${padStartColumns(w('select.colBest'), BEST_W)}`;
  const c = chapterCompletion(pack, chapter, p.progress);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{text(chapter.title, p.locale)}</Text>
        <Text dimColor>{`  ${completionText(c, t, p.locale).trim()}`}</Text>
      </Text>
      <Text dimColor>{heading}</Text>
      <Menu items={items} isFocused={p.active} initialIndex={p.initialIndex} onHighlight={p.onHighlight} onSelect={choose} limit={p.height - 2} />
    </Box>
  );
});

type Answer = 'no' | 'yes';

export const ConfirmSkip = memo(function ConfirmSkip({
  active,
  row,
  locale = 'en',
  onAnswer,
}: {
  readonly active: boolean;
  readonly row: LevelRow;
  readonly locale?: string;
  readonly onAnswer: (yes: boolean, ref: LevelRef) => void;
}) {
  const items = useMemo<MenuItem<Answer>[]>(
    () => [
      { value: 'no', label: say(locale, 'select.skipNo') },
      { value: 'yes', label: say(locale, 'select.skipYes') },
    ],
    [locale],
  );
  useInput(
    (input) => {
      if (input === 'y') onAnswer(true, row.ref);
      else if (input === 'n') onAnswer(false, row.ref);
    },
    { isActive: active },
  );
  const select = useCallback((v: Answer) => onAnswer(v === 'yes', row.ref), [onAnswer, row.ref]);
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">{say(locale, 'select.isLocked', { title: row.title, after: row.after ?? say(locale, 'select.levelBefore') })}</Text>
      <Text bold>{say(locale, 'select.skipAhead')}</Text>
      <Box marginTop={1}>
        <Menu items={items} isFocused={active} onSelect={select} />
      </Box>
    </Box>
  );
});
