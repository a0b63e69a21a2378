/** Renders a topology drawing: plain lines, with the marked runs in the accent colour. */
import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Drawing, Mark } from '../layout/topology';
import { useTheme } from '../theme';

const Line = memo(function Line({ text, marks }: { readonly text: string; readonly marks: readonly Mark[] }) {
  const t = useTheme();
  if (marks.length === 0) return <Text>{text || ' '}</Text>;
  const chars = [...text];
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.col - b.col)) {
    if (m.col > at) parts.push(chars.slice(at, m.col).join(''));
    const run = chars.slice(m.col, m.col + m.length).join('');
    // A link is the frame in flight: accent and bold. The selected device: inverse, which
    // reads without colour too.
    parts.push(
      m.kind === 'link' ? (
        <Text key={m.col} color={t.accent} bold>
          {run}
        </Text>
      ) : (
        <Text key={m.col} color={t.accent} inverse={!t.color}>
          {run}
        </Text>
      ),
    );
    at = m.col + m.length;
  }
  if (at < chars.length) parts.push(chars.slice(at).join(''));
  return <Text>{parts}</Text>;
});

const NO_MARKS: readonly Mark[] = [];

export const TopologyView = memo(function TopologyView({ drawing }: { readonly drawing: Drawing }) {
  const byRow = new Map<number, Mark[]>();
  for (const m of drawing.marks) {
    const list = byRow.get(m.row) ?? [];
    list.push(m);
    byRow.set(m.row, list);
  }
  return (
    <Box flexDirection="column">
      {drawing.lines.map((line, i) => (
        <Line key={i} text={line} marks={byRow.get(i) ?? NO_MARKS} />
      ))}
    </Box>
  );
});
