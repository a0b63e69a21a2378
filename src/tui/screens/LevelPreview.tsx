/**
 * Placeholder for the level screen (being built): the briefing and the network drawing,
 * saying plainly that playing happens elsewhere for now.
 */
import { memo, useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { drawTopology } from '../layout/topology';
import { TopologyView } from '../components/TopologyView';
import { formatDifficulty, formatDuration, formatStars, text, wrap } from '../model';
import { levelBest, type Progress } from '../../progress/store';
import { useTheme } from '../theme';
import { say } from '../words';
import type { LevelView, PackView } from '../types';

export interface LevelPreviewProps {
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly pack: PackView;
  readonly level: LevelView;
  readonly progress: Progress;
  readonly locale: string;
}

export const LevelPreview = memo(function LevelPreview({ active, width, height, pack, level, progress, locale }: LevelPreviewProps) {
  const t = useTheme();
  const g = t.glyphs;
  const [selected, setSelected] = useState(-1);
  const devices = level.topology.devices;
  useInput(
    (input, key) => {
      if (devices.length === 0) return;
      if (key.rightArrow || (key.tab && !key.shift)) setSelected((s) => (s + 1) % devices.length);
      else if (key.leftArrow || (key.tab && key.shift)) setSelected((s) => (s <= 0 ? devices.length - 1 : s - 1));
    },
    { isActive: active },
  );
  const briefing = useMemo(() => wrap(text(level.briefing, locale), width), [level.briefing, locale, width]);
  // Title, note, blank, briefing, blank, drawing: the drawing gets what is left.
  const shownBriefing = briefing.slice(0, Math.max(1, height - 6));
  const room = Math.max(0, height - 4 - shownBriefing.length);
  const selectedName = selected >= 0 ? devices[selected]?.name : undefined;
  const drawing = useMemo(
    () => drawTopology(level.topology, { width, maxHeight: room, ascii: t.ascii, ...(selectedName ? { selectedDevice: selectedName } : {}) }),
    [level.topology, width, room, t.ascii, selectedName],
  );
  const best = levelBest(progress, pack.id, level.id);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{text(level.title, locale)}</Text>
        <Text dimColor>{`   ${say(locale, 'preview.difficulty')} ${formatDifficulty(level.difficulty, g)}`}</Text>
        {best?.solved ? (
          <Text>
            <Text dimColor>{`   ${say(locale, 'preview.best')} `}</Text>
            <Text color={t.accent}>{formatStars(best.stars, g)}</Text>
            <Text dimColor>{` ${formatDuration(best.bestSeconds, g)}`}</Text>
          </Text>
        ) : null}
      </Text>
      <Text dimColor wrap="truncate-end">
        {say(locale, 'preview.only')}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {shownBriefing.map((line, i) => (
          <Text key={i}>{line || ' '}</Text>
        ))}
      </Box>
      {room > 1 ? (
        <Box marginTop={1}>
          <TopologyView drawing={drawing} />
        </Box>
      ) : null}
    </Box>
  );
});
