/** The TCP ladder so far, drawn by the same renderer as `netquest tcp`. */
import { memo } from 'react';
import { Box, Text } from 'ink';

export const LadderRows = memo(function LadderRows({ lines, width }: { readonly lines: readonly string[]; readonly width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
});
