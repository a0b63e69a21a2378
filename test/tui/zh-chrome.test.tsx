/**
 * The chrome follows the player's language: in zh-CN the menus, titles, footers, help and
 * settings are Chinese (two columns a character) and still fit 80×24 and 160×48; in English
 * they stay English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { AppProps } from '../../src/tui/App';
import { emptyProgress, recordResult, updateSettings } from '../../src/progress/store';
import { topologyFromLevel } from '../../src/tui/layout/from-level';
import type { PackView } from '../../src/tui/types';
import { fitsColumns, mountApp, tick } from './harness';

const KEY = { down: '\x1b[B', enter: '\r', esc: '\x1b' };

const net = topologyFromLevel({
  devices: [
    { name: 'pc1', kind: 'host', address: '192.168.1.10/24' },
    { name: 'sw1', kind: 'switch' },
  ],
  links: [['pc1:eth0', 'sw1:p1']],
});
const level = (id: string, title: PackView['name']) => ({ id, title, difficulty: 2, briefing: { en: 'pc1 cannot reach pc2.', 'zh-CN': 'pc1 无法访问 pc2。' }, topology: net });
const pack: PackView = {
  id: 'basics',
  name: { en: 'Network basics', 'zh-CN': '网络基础' },
  chapters: [{ id: 'first', title: { en: 'First steps', 'zh-CN': '第一步' }, levels: [level('a', { en: 'Hello', 'zh-CN': '你好' }), level('b', { en: 'Two subnets', 'zh-CN': '两个子网' }), level('c', { en: 'A door', 'zh-CN': '一扇门' })] }],
};

function start(locale: string, size: { columns: number; rows: number }, props: Partial<AppProps> = {}) {
  const progress = recordResult(emptyProgress(), 'basics', 'a', { stars: 2, points: 100, seconds: 42, steps: 3 });
  return mountApp({ packs: [pack, { ...pack, id: 'extra' }], progress, locale, size, onQuit: () => {}, ...props });
}

afterEach(() => cleanup());

describe.each([
  [80, 24],
  [160, 48],
])('zh-CN chrome at %i×%i', (columns, rows) => {
  const size = { columns, rows };
  it('title menu, its footer and help', async () => {
    const app = start('zh-CN', size);
    await tick();
    const f = app.frame();
    for (const w of ['闯关', '练习', '沙盒', '打开关卡包…', '设置', '退出', '边玩边学']) expect(f).toContain(w);
    expect(f.split('\n').at(-1)).toMatch(/↑↓ j k 移动 +⏎ 选择 +\? 帮助 +q ctrl\+c 退出/);
    expect(f).toContain('? 帮助');
    fitsColumns(f, columns, rows);
    await app.press('?');
    expect(app.frame()).toContain('按键：菜单');
    expect(app.frame()).toContain('按 ? 或 esc 关闭帮助');
    fitsColumns(app.frame(), columns, rows);
  });

  it('packs, chapters, level select with its columns, skip-ahead, and the help', async () => {
    const app = start('zh-CN', size);
    await tick();
    await app.press(KEY.enter);
    expect(app.frame()).toContain('选择关卡包');
    expect(app.frame()).toMatch(/网络基础 +1\/3 已通过 +★ +2\/9/);
    expect(app.frame()).toContain('netquest › 闯关');
    fitsColumns(app.frame(), columns, rows);
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/1\. 第一步 +1\/3 已通过/);
    await app.press(KEY.enter);
    const f = app.frame();
    expect(f).toContain('netquest › 闯关 › 网络基础 › 第一步');
    expect(f).toMatch(/关卡 +难度 +星级 +最佳/);
    expect(f).toMatch(/你好.*★★☆ +0:42/);
    expect(f).toMatch(/一扇门.*未解锁/);
    fitsColumns(f, columns, rows);
    await app.press('?');
    expect(app.frame()).toContain('按键：关卡');
    expect(app.frame()).toContain('开始（未解锁的关卡会先询问）');
    fitsColumns(app.frame(), columns, rows);
    await app.press('?', KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('“一扇门”尚未解锁：通过“两个子网”后开放。');
    expect(app.frame()).toContain('不，返回');
    fitsColumns(app.frame(), columns, rows);
  });

  it('settings', async () => {
    const app = start('zh-CN', size, { progress: updateSettings(emptyProgress(), { locale: 'zh-CN' }) });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    const f = app.frame();
    for (const w of ['设置', '解锁全部关卡', '减少动画', '语言 Language', '修改（立即保存）']) expect(f).toContain(w);
    fitsColumns(f, columns, rows);
    // Switching the language back to English turns the chrome English at once.
    await app.press(KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('Unlock all levels');
    expect(app.frame()).toContain('Settings');
  });

  it('open a pack, and a too-small window', async () => {
    const app = start('zh-CN', size, { openPack: () => 'no pack.yaml here' });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(app.frame()).toContain('包含 pack.yaml 的文件夹：');
    fitsColumns(app.frame(), columns, rows);
    cleanup();
    const small = start('zh-CN', { columns: 60, rows: 20 });
    await tick();
    expect(small.frame()).toContain('请把窗口调大');
  });
});

describe('English stays English', () => {
  it('the same screens in en show no Chinese chrome', async () => {
    const app = start('en', { columns: 80, rows: 24 });
    await tick();
    expect(app.frame()).toContain('Learn how networks really work');
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    expect(app.frame()).toMatch(/Level +Diff\. +Stars +Best/);
    expect(app.frame()).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
