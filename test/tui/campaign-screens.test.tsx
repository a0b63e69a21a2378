/**
 * Every campaign level's screens at 80×24, the smallest terminal the game accepts, and at a
 * large 160×48: the briefing and the level screen fit (no line wider than the terminal, the
 * frame no taller), the briefing is shown whole, and the network is drawn as a diagram, not
 * as the list the drawing falls back to when nothing else fits.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadPack, type LoadedLevel } from '../../src/levels/load';
import { packViewFromLoaded } from '../../src/tui/packs';
import { emptyProgress } from '../../src/progress/store';
import { topologyFromLevel } from '../../src/tui/layout/from-level';
import { drawTopology } from '../../src/tui/layout/topology';
import { fitsColumns, mountApp, tick } from './harness';

const pack = loadPack(fileURLToPath(new URL('../../levels', import.meta.url)));
if (!pack.ok) throw new Error(`the campaign does not load: ${JSON.stringify(pack.error)}`);
const campaign = pack.value;
const levels: { chapter: string; level: LoadedLevel }[] = campaign.chapters.flatMap((c) => c.levels.map((level) => ({ chapter: c.id, level })));

const ENTER = '\r';

/** The app with a pack of just this level, so title → campaign → chapter → level is three Enters. */
async function openBriefing(level: LoadedLevel, columns: number, rows: number, locale = 'en') {
  const view = packViewFromLoaded({ pack: { id: campaign.pack.id, name: campaign.pack.name }, chapters: [{ id: 'c', title: 'c', levels: [level] }] });
  const app = mountApp({ packs: [view], progress: emptyProgress(), size: { columns, rows }, locale, onQuit: () => {} });
  await tick();
  await app.press(ENTER, ENTER, ENTER);
  return app;
}

function fits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect([...l].length, `too wide: ${l}`).toBeLessThanOrEqual(columns);
}

/** Collapses the box borders and line breaks so wrapped text can be searched. */
const flat = (frame: string) => frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

/**
 * The network is a diagram: no "links:" heading of the list view, every device named, and
 * every link's ends drawn as port labels on a line (boxes: ┴p1, p1┤, ├eth1; tree: eth1──eth0)
 * or listed under the drawing as "also linked".
 */
function drawnAsDiagram(frame: string, level: LoadedLevel): void {
  expect(frame).not.toMatch(/^\s*links:\s*$/m);
  const topo = topologyFromLevel(level.level.topology);
  for (const d of topo.devices) expect(frame).toMatch(new RegExp(`(^|[^a-zA-Z0-9])${d.name}([^a-zA-Z0-9]|$)`, 'm'));
  // A link the drawing cannot route (a second link between rows of boxes) is listed under it.
  const also = frame.split(/^\s*also linked:\s*$/m)[1] ?? '';
  for (const l of topo.links) {
    if (also.includes(`${l.a.device}:${l.a.port} ─ ${l.b.device}:${l.b.port}`)) continue;
    for (const p of [l.a.port, l.b.port]) {
      if (p === '') continue;
      expect(frame, `port ${p} of ${l.a.device}-${l.b.device} not drawn`).toMatch(new RegExp(`[┴├┬┐─│]${p}|${p}[─┤]`));
    }
  }
}

afterEach(() => cleanup());

describe.each([
  [80, 24],
  [160, 48],
])('every campaign level at %i×%i', (columns, rows) => {
  it.each(levels.map((l) => [`${l.chapter}/${l.level.level.id}`, l.level] as const))('%s: the briefing whole, then the level screen, fit and draw the network', { timeout: 30_000 }, async (_name, level) => {
    const app = await openBriefing(level, columns, rows);
    const briefing = app.frame();
    expect(briefing).toContain('Briefing');
    fits(briefing, columns, rows);
    const words = level.level.briefing;
    const en = typeof words === 'string' ? words : (words as Record<string, string>)['en'] ?? Object.values(words as Record<string, string>)[0]!;
    // Its last words are on screen: the briefing was not cut.
    expect(flat(briefing)).toContain(en.trim().replace(/\s+/g, ' ').split(' ').slice(-4).join(' '));
    await app.press(ENTER);
    const screen = app.frame();
    expect(screen).toContain('Tasks');
    fits(screen, columns, rows);
    drawnAsDiagram(screen, level);
  });
});

// In Chinese (two columns a character) at the smallest size: the chrome, the level's own
// Chinese texts and the help overlay still fit.
describe('every campaign level in zh-CN at 80×24', () => {
  it.each(levels.map((l) => [`${l.chapter}/${l.level.level.id}`, l.level] as const))('%s: the briefing, the level screen and its help fit', { timeout: 30_000 }, async (_name, level) => {
    const app = await openBriefing(level, 80, 24, 'zh-CN');
    expect(app.frame()).toContain('任务简报');
    fitsColumns(app.frame(), 80, 24);
    await app.press(ENTER);
    expect(app.frame()).toContain('任务');
    fitsColumns(app.frame(), 80, 24);
    await app.press('?');
    expect(app.frame()).toContain('按键：关卡');
    fitsColumns(app.frame(), 80, 24);
  });
});
