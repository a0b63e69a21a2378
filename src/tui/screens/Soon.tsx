/** Honest placeholders for what is not built yet. */
import { memo } from 'react';
import { Box, Text } from 'ink';

const TEXT = {
  practice: ['Practice is coming soon: it is not built yet.', 'The Campaign is playable now.'],
  sandbox: ['Sandbox is coming soon: it is not built yet.', 'Meanwhile, `netquest demo` runs the network engine from the command line.'],
} as const;

export const Soon = memo(function Soon({ what }: { readonly what: keyof typeof TEXT }) {
  const [first, second] = TEXT[what];
  return (
    <Box flexDirection="column">
      <Text bold>{first}</Text>
      <Text dimColor>{second}</Text>
    </Box>
  );
});
