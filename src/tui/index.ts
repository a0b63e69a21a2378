/** The game's screens: what the CLI needs to start them, and the pieces the level screen will reuse. */
export { startTui, type StartTuiOptions } from './start';
export { App, type AppProps, type TerminalSize } from './App';
export { packViewFromLoaded, type LoadedPackLike } from './packs';
export { drawTopology, findLink, type Drawing, type DrawOptions, type Topology } from './layout/topology';
export { topologyFromLevel } from './layout/from-level';
export { themeFromEnv, ThemeContext, type Theme } from './theme';
export type { ChapterView, LevelRef, LevelView, PackView, Text } from './types';
