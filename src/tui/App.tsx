/**
 * The game's root: header, the current screen, footer, the help overlay, and the global keys
 * (Ctrl+C quits, ? help, Esc/q back). The screen stack is the game-session machine
 * (flow/game-flow.ts, screens and keys in nav.ts), what the lists show is in
 * model.ts, saving in progress/store.ts; this file wires them to Ink.
 */
import { createElement, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { Footer, Header, HelpOverlay, TooSmall } from './components/Frame';
import { availableLocales, findLevel, levelRows, text, tooSmall, type LevelRow } from './model';
import { currentScreen, screenKey, screenKeys, screenTitle, type Screen } from './nav';
import { recordPractice, recordResult, updateSettings, type LevelResult, type PracticeResult, type Progress, type SaveOutcome, type Settings as SettingsData } from '../progress/store';
import type { Result } from '../net/result';
import { ChapterList, ConfirmSkip, LevelList, PackList } from './screens/LevelSelect';
import { LevelPreview } from './screens/LevelPreview';
import { OpenPack } from './screens/OpenPack';
import { Settings } from './screens/Settings';
import { Title, type TitleChoice } from './screens/Title';
import { useTheme } from './theme';
import { gameMachine, navOf } from './flow/game-flow';
import { useActor } from './flow/use-actor';
import type { FlowView } from './flow/level-flow';
import { levelViewKeys } from './flow/level-view-keys';
import { say } from './words';
import type { LevelRef, PackView } from './types';

// The level, practice and sandbox screens (with the engine, the verifier and the machines under
// them) load after the first frame: the title menu needs none of them, and compiling them first
// made the game start ~2× slower than a bare Ink app. `preloadScreens` loads them at once; once
// loaded they render directly, so React's Suspense fallback (held for at least 300 ms) shows
// only if a screen is opened before that.
function deferred<P extends object>(load: () => Promise<ComponentType<P>>): { readonly Screen: ComponentType<P>; readonly preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  const preload = () => load().then((c) => (loaded = c));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  const Screen = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy as unknown as ComponentType<P>, props));
  return { Screen, preload };
}
const levelScreen = deferred(() => import('./screens/LevelScreen').then((m) => m.LevelScreen));
const practiceScreen = deferred(() => import('./screens/Practice').then((m) => m.Practice));
const sandboxScreen = deferred(() =>
  Promise.all([import('./screens/Sandbox'), import('../sandbox/io')]).then(([m, files]) => {
    const io = files.nodeSandboxIo();
    return (p: Omit<ComponentProps<typeof m.Sandbox>, 'io'>) => <m.Sandbox {...p} io={io} />;
  }),
);
const LevelScreen = levelScreen.Screen;
const Practice = practiceScreen.Screen;
const Sandbox = sandboxScreen.Screen;

/** Loads the screens that come after the menu (the game calls it after its first frame; tests await it). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all([levelScreen.preload(), practiceScreen.preload(), sandboxScreen.preload()]);
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

export interface AppProps {
  readonly packs: readonly PackView[];
  readonly progress: Progress;
  /** Shown on the title screen (e.g. a damaged progress file was set aside). */
  readonly notice?: string | undefined;
  /** The player's language when the settings do not say. */
  readonly locale?: string | undefined;
  /** Fixed size instead of the terminal's (tests). */
  readonly size?: TerminalSize | undefined;
  /** Saves progress (merging with the disk); without it, changes last for the session. */
  readonly persist?: ((progress: Progress) => Result<SaveOutcome, string>) | undefined;
  /** Plays a level; without it, a preview of the level is shown. */
  readonly onPlay?: ((ref: LevelRef) => void) | undefined;
  /** Loads a pack folder: the pack, or a message saying what is wrong. */
  readonly openPack?: ((path: string) => PackView | string) | undefined;
  /** Called on quit instead of unmounting the Ink app. */
  readonly onQuit?: (() => void) | undefined;
  /** A screen to open over the title menu at start (`netquest practice` opens practice). */
  readonly start?: Screen | undefined;
}

function useTerminalSize(fixed: TerminalSize | undefined): TerminalSize {
  const { stdout } = useStdout();
  const read = useCallback((): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }), [stdout]);
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize((prev) => {
      const next = read();
      return next.columns === prev.columns && next.rows === prev.rows ? prev : next;
    });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed, read]);
  return fixed ?? size;
}

export function App(props: AppProps) {
  const { packs: givenPacks, notice, persist, onPlay, openPack, onQuit } = props;
  const theme = useTheme();
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const [game, gameActor] = useActor(gameMachine, () => ({}));
  const nav = navOf(game);
  const send = gameActor.send;
  const [progress, setProgress] = useState(props.progress);
  // The owner may hand in newer progress (a level just solved elsewhere): adopt it.
  useEffect(() => setProgress(props.progress), [props.progress]);
  const [opened, setOpened] = useState<readonly PackView[]>([]);
  const [settingsMessage, setSettingsMessage] = useState<string | undefined>();
  const [openError, setOpenError] = useState<string | undefined>();
  // Where the cursor was on each screen, to put it back on return. A ref: moving the cursor
  // must not re-render the whole app.
  const cursors = useRef(new Map<string, number>());

  const packs = useMemo(() => [...givenPacks, ...opened.filter((o) => !givenPacks.some((p) => p.id === o.id))], [givenPacks, opened]);
  const locale = progress.settings.locale ?? props.locale ?? 'en';
  const locales = useMemo(() => availableLocales(packs, props.locale ? [props.locale] : []), [packs, props.locale]);
  const screen = currentScreen(nav);
  const key = screenKey(screen);

  const quit = useCallback(() => (onQuit ? onQuit() : exit()), [onQuit, exit]);
  const back = useCallback(() => send({ type: 'back' }), []);
  const push = useCallback((s: Screen) => send({ type: 'push', screen: s }), []);
  // After the first frame, load the screens behind the menu before anyone has chosen one.
  useEffect(() => {
    const t = setTimeout(() => void preloadScreens(), 30);
    return () => clearTimeout(t);
  }, []);
  // Once, at start: the screen opens over the menu, so Esc leads to the menu.
  useEffect(() => void (props.start && push(props.start)), []);
  const remember = useCallback((_: string, index: number) => {
    if (index >= 0) cursors.current.set(key, index);
  }, [key]);
  const initialIndex = cursors.current.get(key) ?? 0;

  const small = tooSmall(size);
  const levelFound = screen.name === 'level' ? findLevel(packs, screen.ref) : undefined;
  const playable = levelFound?.level.loaded !== undefined;
  useInput((input, k) => {
    if (k.ctrl && input === 'c') return quit();
    if (small) {
      if (input === 'q') quit();
      return;
    }
    if (nav.help) {
      if (input === '?' || input === 'q' || k.escape) send({ type: 'help', open: false });
      return;
    }
    // A playable level owns its keys: its fields take every printable key, Esc cancels there.
    if (screen.name === 'level' && playable) return;
    // So does practice: its answer field takes every printable key, Esc pauses there.
    if (screen.name === 'practice') return;
    // And the sandbox: its forms take printable keys; it calls back itself on Esc and q.
    if (screen.name === 'sandbox') return;
    if (k.escape) return back();
    // The path field takes every printable key.
    if (screen.name === 'open') return;
    if (input === '?') return send({ type: 'help', open: true });
    if (input === 'q') return screen.name === 'title' ? quit() : back();
  });

  const play = useCallback(
    (ref: LevelRef, replace: boolean) => {
      if (onPlay) {
        if (replace) send({ type: 'back' });
        onPlay(ref);
      } else send({ type: replace ? 'replace' : 'push', screen: { name: 'level', ref } });
    },
    [onPlay],
  );

  const chooseTitle = useCallback(
    (c: TitleChoice) => {
      switch (c) {
        case 'campaign':
          // One pack: straight to its chapters.
          return push(packs.length === 1 ? { name: 'chapters', packId: packs[0]!.id } : { name: 'packs' });
        case 'practice':
          return push({ name: 'practice' });
        case 'sandbox':
          return push({ name: 'sandbox' });
        case 'open':
          setOpenError(undefined);
          return push({ name: 'open' });
        case 'settings':
          setSettingsMessage(undefined);
          return push({ name: 'settings' });
        case 'quit':
          return quit();
      }
    },
    [packs, push, quit],
  );

  const openPackId = useCallback((packId: string) => push({ name: 'chapters', packId }), [push]);
  const chapterPackId = screen.name === 'chapters' || screen.name === 'levels' ? screen.packId : undefined;
  const openChapter = useCallback((chapterId: string) => chapterPackId && push({ name: 'levels', packId: chapterPackId, chapterId }), [chapterPackId, push]);
  const chooseLevel = useCallback(
    (row: LevelRow) => (row.locked ? push({ name: 'confirm-skip', ref: row.ref }) : play(row.ref, false)),
    [push, play],
  );
  const answerSkip = useCallback((yes: boolean, ref: LevelRef) => (yes ? play(ref, true) : send({ type: 'back' })), [play]);

  const changeSettings = useCallback(
    (patch: Partial<SettingsData>) => {
      const next = updateSettings(progress, patch);
      setProgress(next);
      if (!persist) return;
      const saved = persist(next);
      if (saved.ok) {
        setProgress(saved.value.progress);
        setSettingsMessage(saved.value.notice);
      } else setSettingsMessage(say(locale, 'frame.notSaved', { error: saved.error }));
    },
    [progress, persist, locale],
  );

  const submitPack = useCallback(
    (path: string) => {
      if (!openPack) return;
      const r = openPack(path);
      if (typeof r === 'string') return setOpenError(r);
      setOpenError(undefined);
      setOpened((o) => [...o.filter((p) => p.id !== r.id), r]);
      send({ type: 'replace', screen: { name: 'chapters', packId: r.id } });
    },
    [openPack],
  );

  const levelRef = screen.name === 'level' ? screen.ref : undefined;
  const nextRef = useMemo(() => (levelRef ? nextLevel(packs, levelRef) : undefined), [packs, levelRef]);
  /** Shows the new progress at once, then saves it (merged with the disk); returns a line to show, if any. */
  const keep = useCallback(
    (next: Progress): string | undefined => {
      setProgress(next);
      if (!persist) return undefined;
      const saved = persist(next);
      if (!saved.ok) return say(locale, 'frame.notSaved', { error: saved.error });
      setProgress(saved.value.progress);
      return saved.value.notice;
    },
    [persist, locale],
  );
  const recordLevel = useCallback(
    (result: LevelResult): string | undefined => (levelRef ? keep(recordResult(progress, levelRef.packId, levelRef.levelId, result)) : undefined),
    [levelRef, progress, keep],
  );
  const playNext = useCallback(() => nextRef && send({ type: 'replace', screen: { name: 'level', ref: nextRef } }), [nextRef]);
  const savePractice = useCallback((result: PracticeResult): string | undefined => keep(recordPractice(progress, result)), [progress, keep]);
  const openHelp = useCallback(() => send({ type: 'help', open: true }), []);

  // The level screen says which of its parts shows (a field, the trace…): the keys follow it.
  const [levelView, setLevelView] = useState<{ view: FlowView; canWatch: boolean } | undefined>();
  const onLevelView = useCallback((view: FlowView, canWatch: boolean) => setLevelView({ view, canWatch }), []);
  const keys = useMemo(
    () =>
      screen.name === 'level' && playable && levelView
        ? levelViewKeys(levelView.view, theme.glyphs, { hasNext: nextRef !== undefined, canWatch: levelView.canWatch }, locale)
        : screenKeys(screen.name, theme.glyphs, locale),
    [screen.name, playable, levelView, theme.glyphs, nextRef, locale],
  );
  const crumbs = useMemo(() => breadcrumbs(nav.stack, packs, locale), [nav.stack, packs, locale]);

  if (small) return <TooSmall columns={size.columns} rows={size.rows} locale={locale} />;

  // One row shorter than the terminal: a frame as tall as the terminal makes Ink clear the
  // whole screen on every update (flicker).
  const frameH = size.rows - 1;
  const bodyW = size.columns - 2;
  const bodyH = frameH - 2;
  const active = !nav.help;
  const common = { active, width: bodyW, height: bodyH, progress, locale, initialIndex, onHighlight: remember };

  let body: ReactNode;
  switch (screen.name) {
    case 'title':
      body = <Title active={active} notice={notice} locale={locale} initialIndex={initialIndex} onHighlight={remember} onChoose={chooseTitle} />;
      break;
    case 'packs':
      body = <PackList {...common} packs={packs} onOpen={openPackId} />;
      break;
    case 'chapters': {
      const pack = packs.find((p) => p.id === screen.packId);
      body = pack ? <ChapterList {...common} pack={pack} onOpen={openChapter} /> : null;
      break;
    }
    case 'levels': {
      const pack = packs.find((p) => p.id === screen.packId);
      const chapter = pack?.chapters.find((c) => c.id === screen.chapterId);
      body = pack && chapter ? <LevelList {...common} pack={pack} chapter={chapter} onChoose={chooseLevel} /> : null;
      break;
    }
    case 'confirm-skip': {
      const found = findLevel(packs, screen.ref);
      const row = found && levelRows(found.pack, found.chapter, progress, locale).find((r) => r.ref.levelId === screen.ref.levelId);
      body = row ? <ConfirmSkip active={active} row={row} locale={locale} onAnswer={answerSkip} /> : null;
      break;
    }
    case 'level': {
      const found = levelFound;
      const loaded = found?.level.loaded;
      if (found && loaded) {
        body = (
          <LevelScreen
            active={active}
            width={bodyW}
            height={bodyH}
            pack={found.pack}
            level={found.level}
            loaded={loaded}
            progress={progress}
            locale={locale}
            hasNext={nextRef !== undefined}
            onBack={back}
            onHelp={openHelp}
            onNext={playNext}
            onResult={recordLevel}
            onView={onLevelView}
          />
        );
        break;
      }
      body = found ? <LevelPreview active={active} width={bodyW} height={bodyH} pack={found.pack} level={found.level} progress={progress} locale={locale} /> : null;
      break;
    }
    case 'practice':
      body = <Practice active={active} width={bodyW} height={bodyH} progress={progress} locale={locale} options={screen.options} onRecord={savePractice} onBack={back} onHelp={openHelp} />;
      break;
    case 'sandbox':
      body = <Sandbox active={active} locale={locale} width={bodyW} height={bodyH} topology={screen.topology} origin={screen.origin} onExit={back} onHelp={openHelp} />;
      break;
    case 'open':
      body = <OpenPack active={active} locale={locale} available={openPack !== undefined} error={openError} onSubmit={submitPack} />;
      break;
    case 'settings':
      body = (
        <Settings
          active={active}
          settings={progress.settings}
          locale={locale}
          locales={locales}
          message={settingsMessage}
          initialIndex={initialIndex}
          onHighlight={remember}
          onChange={changeSettings}
        />
      );
      break;
  }

  return (
    <Box flexDirection="column" width={size.columns} height={frameH}>
      <Header crumbs={crumbs} width={size.columns} locale={locale} />
      <Box flexDirection="column" flexGrow={1} paddingX={1} overflow="hidden">
        {/* Keyed by screen: each screen mounts fresh, with its remembered cursor. Kept mounted
            (hidden) under the help, so a level in play keeps its state. */}
        {nav.help ? <HelpOverlay title={screenTitle(screen.name, locale)} keys={keys} locale={locale} /> : null}
        <Box key={key} flexDirection="column" display={nav.help ? 'none' : 'flex'}>
          <Suspense fallback={<Text dimColor>{say(locale, 'frame.loading')}</Text>}>{body}</Suspense>
        </Box>
      </Box>
      <Footer keys={keys} width={size.columns} />
    </Box>
  );
}

/** The level after `ref`: the next in its chapter, else the first of the next chapter. */
export function nextLevel(packs: readonly PackView[], ref: LevelRef): LevelRef | undefined {
  const pack = packs.find((p) => p.id === ref.packId);
  if (!pack) return undefined;
  const flat = pack.chapters.flatMap((c) => c.levels.map((l) => ({ packId: pack.id, chapterId: c.id, levelId: l.id })));
  const i = flat.findIndex((r) => r.chapterId === ref.chapterId && r.levelId === ref.levelId);
  return i >= 0 ? flat[i + 1] : undefined;
}

function breadcrumbs(stack: readonly Screen[], packs: readonly PackView[], locale: string): string[] {
  const out: string[] = [];
  for (const s of stack) {
    switch (s.name) {
      case 'title':
        break;
      case 'packs':
        out.push(screenTitle('packs', locale));
        break;
      case 'chapters': {
        const pack = packs.find((p) => p.id === s.packId);
        out.push(pack ? text(pack.name, locale) : s.packId);
        break;
      }
      case 'levels': {
        const chapter = packs.find((p) => p.id === s.packId)?.chapters.find((c) => c.id === s.chapterId);
        out.push(chapter ? text(chapter.title, locale) : s.chapterId);
        break;
      }
      case 'level':
      case 'confirm-skip': {
        const found = findLevel(packs, s.ref);
        out.push(found ? text(found.level.title, locale) : s.ref.levelId);
        break;
      }
      default:
        out.push(screenTitle(s.name, locale));
    }
  }
  return out;
}
