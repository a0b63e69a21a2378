/**
 * Colours and glyphs, decided once from the environment: NO_COLOR turns colours off (bold and
 * dim stay: they are not colours), TERM=dumb turns colours off and box drawing into ASCII.
 * One accent colour; green and red are kept for verdicts (solved, failed).
 */
import { createContext, useContext } from 'react';

export interface Glyphs {
  readonly pointer: string;
  readonly starOn: string;
  readonly starOff: string;
  readonly solved: string;
  readonly dotOn: string;
  readonly dotOff: string;
  readonly crumb: string;
  readonly up: string;
  readonly down: string;
  readonly left: string;
  readonly right: string;
  readonly enter: string;
  readonly dash: string;
  readonly ellipsis: string;
  readonly check: [on: string, off: string];
  readonly times: string;
  /** Not met, wrong. */
  readonly cross: string;
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  /** Accent colour name, or undefined when colours are off. */
  readonly accent: string | undefined;
  readonly good: string | undefined;
  readonly bad: string | undefined;
  readonly glyphs: Glyphs;
  readonly borderStyle: 'round' | 'classic';
}

const UNICODE: Glyphs = {
  pointer: '›',
  starOn: '★',
  starOff: '☆',
  solved: '✓',
  dotOn: '●',
  dotOff: '○',
  crumb: '›',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  enter: '⏎',
  dash: '—',
  ellipsis: '…',
  check: ['[x]', '[ ]'],
  times: '×',
  cross: '✗',
};

const ASCII: Glyphs = {
  pointer: '>',
  starOn: '*',
  starOff: '.',
  solved: '+',
  dotOn: '#',
  dotOff: '.',
  crumb: '>',
  up: 'up',
  down: 'down',
  left: 'left',
  right: 'right',
  enter: 'enter',
  dash: '-',
  ellipsis: '...',
  check: ['[x]', '[ ]'],
  times: 'x',
  cross: 'x',
};

export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  const dumb = env.TERM === 'dumb';
  // no-color.org: set and not empty.
  const color = !dumb && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  return {
    color,
    ascii: dumb,
    accent: color ? 'cyan' : undefined,
    good: color ? 'green' : undefined,
    bad: color ? 'red' : undefined,
    glyphs: dumb ? ASCII : UNICODE,
    borderStyle: dumb ? 'classic' : 'round',
  };
}

export const ThemeContext = createContext<Theme>(themeFromEnv({}));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
