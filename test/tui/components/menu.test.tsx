import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Menu, type MenuItem } from '../../../src/tui/components/Menu';
import { menuKey, menuStart, visibleRows, type MenuCursor } from '../../../src/tui/components/menu-cursor';

const KEY = { up: '\x1b[A', down: '\x1b[B', enter: '\r' };
const tick = () => new Promise((r) => setTimeout(r, 20));
const items: MenuItem<string>[] = ['campaign', 'practice', 'sandbox', 'open', 'settings'].map((v) => ({ label: v, value: v }));

function mount(limit?: number, initialIndex?: number) {
  const picked: string[] = [];
  const highlighted: [string, number][] = [];
  const r = render(<Menu items={items} isFocused onSelect={(v) => picked.push(v)} onHighlight={(v, i) => highlighted.push([v, i])} {...(limit ? { limit } : {})} {...(initialIndex ? { initialIndex } : {})} />);
  return { r, picked, highlighted };
}

afterEach(cleanup);

describe('Menu', () => {
  it('takes keys that arrive in one read one after another: Down then Enter picks the second item', async () => {
    const { r, picked } = mount();
    await tick();
    r.stdin.write(`${KEY.down}${KEY.enter}`);
    await tick();
    expect(picked).toEqual(['practice']);
  });

  it('Down, Down, Up and Enter in one read, and j/k as arrows', async () => {
    const { r, picked, highlighted } = mount();
    await tick();
    r.stdin.write(`${KEY.down}${KEY.down}${KEY.up}${KEY.enter}`);
    await tick();
    r.stdin.write('jjk\r');
    await tick();
    expect(picked).toEqual(['practice', 'sandbox']);
    expect(highlighted.slice(0, 3)).toEqual([['practice', 1], ['sandbox', 2], ['practice', 1]]);
  });

  it('draws the pointer on the highlighted row, and scrolls a long list round within its limit', async () => {
    const { r } = mount(3);
    await tick();
    expect(r.lastFrame()).toMatch(/›\s+campaign\n\s+practice\n\s+sandbox$/);
    r.stdin.write(`${KEY.up}`);
    await tick();
    expect(r.lastFrame()).toMatch(/›\s+settings\n\s+campaign\n\s+practice$/);
  });

  it('a digit picks that visible row', async () => {
    const { r, picked } = mount(3, 4);
    await tick();
    r.stdin.write('1');
    await tick();
    expect(picked).toEqual(['sandbox']);
  });
});

describe('menu cursor (ink-select-input’s movement, as pure functions)', () => {
  const none = { upArrow: false, downArrow: false, return: false };
  const down = { ...none, downArrow: true };
  const up = { ...none, upArrow: true };
  const shown = (c: MenuCursor, n: number, rows: number) => visibleRows(c, n, rows).map((r) => (r.selected ? `[${r.index}]` : `${r.index}`)).join(' ');

  it('a short list wraps the cursor from the last row to the first and back', () => {
    let c = menuStart(3, 10, 2);
    expect(shown(c, 3, 10)).toBe('0 1 [2]');
    c = (menuKey(c, 3, 10, '', down) as { cursor: MenuCursor }).cursor;
    expect(shown(c, 3, 10)).toBe('[0] 1 2');
    c = (menuKey(c, 3, 10, '', up) as { cursor: MenuCursor }).cursor;
    expect(shown(c, 3, 10)).toBe('0 1 [2]');
  });

  it('a long list scrolls: the cursor stays on the edge row and the items move, round past the end', () => {
    let c = menuStart(5, 3, 4);
    expect(shown(c, 5, 3)).toBe('2 3 [4]');
    c = (menuKey(c, 5, 3, '', down) as { cursor: MenuCursor }).cursor;
    expect(shown(c, 5, 3)).toBe('3 4 [0]');
    for (let i = 0; i < 3; i++) c = (menuKey(c, 5, 3, '', up) as { cursor: MenuCursor }).cursor;
    expect(shown(c, 5, 3)).toBe('[2] 3 4');
  });

  it('Enter picks the highlighted item, a digit a visible row, and other keys nothing', () => {
    const c = menuStart(5, 3, 4);
    expect(menuKey(c, 5, 3, '', { ...none, return: true })).toEqual({ kind: 'select', index: 4 });
    expect(menuKey(c, 5, 3, '2', none)).toEqual({ kind: 'select', index: 3 });
    expect(menuKey(c, 5, 3, '4', none)).toBeUndefined();
    expect(menuKey(c, 5, 3, 'x', none)).toBeUndefined();
    expect(menuKey(menuStart(0, 3, 0), 0, 3, '', down)).toBeUndefined();
  });
});
