/** A frame's headers layer by layer: each layer's title, then its fields as "name value". */
import { memo } from 'react';
import { Box, Text } from 'ink';
import { FIELD_GAP, type HeaderLine } from '../stepping';
import { useTheme } from '../theme';

export const HeaderRows = memo(function HeaderRows({ lines, width }: { readonly lines: readonly HeaderLine[]; readonly width: number }) {
  const t = useTheme();
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) =>
        line.kind === 'title' ? (
          <Text key={i} bold color={t.accent} wrap="truncate-end">
            {line.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            {'  '}
            {line.fields.map((f, k) => (
              <Text key={k}>
                {k > 0 ? ' '.repeat(FIELD_GAP) : ''}
                <Text dimColor>{f.name}</Text> <Text bold>{f.value}</Text>
              </Text>
            ))}
          </Text>
        ),
      )}
    </Box>
  );
});
