/** The chrome around every screen: a one-line header, a one-line footer of main keys, help. */
import { memo } from 'react';
import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../model';
import type { KeyHelp } from '../nav';
import { useTheme } from '../theme';
import { say } from '../words';

export const Header = memo(function Header({ crumbs, width, locale = 'en' }: { readonly crumbs: readonly string[]; readonly width: number; readonly locale?: string }) {
  const t = useTheme();
  const trail = crumbs.length ? ` ${t.glyphs.crumb} ${crumbs.join(` ${t.glyphs.crumb} `)}` : '';
  return (
    // The right-hand part moves with the width, so a resize always changes the frame
    // (Ink only redraws a changed frame; the resize handler has just cleared the screen).
    <Box width={width} justifyContent="space-between">
      <Box flexShrink={1}>
        <Text wrap="truncate-end">
          <Text color={t.accent} bold>
            netquest
          </Text>
          <Text dimColor>{trail}</Text>
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text dimColor>{say(locale, 'frame.help')}</Text>
      </Box>
    </Box>
  );
});

export const Footer = memo(function Footer({ keys, width }: { readonly keys: readonly KeyHelp[]; readonly width: number }) {
  const main = keys.filter((k) => k.main);
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {main.map((k, i) => (
          <Text key={k.keys}>
            {i > 0 ? '   ' : ''}
            <Text bold>{k.keys}</Text>
            <Text dimColor>{` ${k.short ?? k.action}`}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
});

export const HelpOverlay = memo(function HelpOverlay({ title, keys, locale = 'en' }: { readonly title: string; readonly keys: readonly KeyHelp[]; readonly locale?: string }) {
  const t = useTheme();
  const w = Math.max(...keys.map((k) => [...k.keys].length));
  return (
    <Box flexDirection="column" borderStyle={t.borderStyle} borderColor={t.accent} paddingX={1} alignSelf="flex-start">
      <Text bold>{say(locale, 'frame.keysTitle', { title })}</Text>
      {keys.map((k) => (
        <Text key={k.keys}>
          <Text color={t.accent} bold>
            {k.keys.padEnd(w)}
          </Text>
          {`  ${k.action}`}
        </Text>
      ))}
      <Text dimColor>{say(locale, 'frame.closeHelp')}</Text>
    </Box>
  );
});

export const TooSmall = memo(function TooSmall({ columns, rows, locale = 'en' }: { readonly columns: number; readonly rows: number; readonly locale?: string }) {
  const x = useTheme().glyphs.times;
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="wrap">{say(locale, 'frame.tooSmall', { need: `${MIN_COLUMNS}${x}${MIN_ROWS}`, have: `${columns}${x}${rows}` })}</Text>
      <Text dimColor wrap="wrap">
        {say(locale, 'frame.qQuits')}
      </Text>
    </Box>
  );
});
