/**
 * The level screen in Chinese: briefing, tasks, inspector, feedback, fields, pause, help and
 * result are in the player's language and fit 80×24 and 160×48 (two columns a character);
 * the same screens stay English in en.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppProps } from '../../src/tui/App';
import { emptyProgress } from '../../src/progress/store';
import { loadLevelFile, type LoadedLevel } from '../../src/levels/load';
import { packViewFromLoaded } from '../../src/tui/packs';
import { fitsColumns, mountApp, tick } from './harness';

const KEY = { down: '\x1b[B', enter: '\r', esc: '\x1b' };

function fixture(name: string): LoadedLevel {
  const r = loadLevelFile(new URL(`../fixtures/levels/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function start(name: string, locale: string, size: { columns: number; rows: number }) {
  const pack = packViewFromLoaded({ pack: { id: 'fixtures', name: 'Fixtures' }, chapters: [{ id: 'c', title: 'c', levels: [fixture(name)] }] });
  const props: AppProps = { packs: [pack], progress: emptyProgress(), locale, size, onQuit: () => {} };
  return mountApp(props);
}

async function chooseTask(app: ReturnType<typeof start>, label: string) {
  for (let i = 0; i < 12; i++) {
    const row = app.frame().split('\n').find((l) => l.includes(label));
    if (row && /› [✓✗○] /.test(row)) break;
    await app.press(KEY.down);
  }
  await app.press(KEY.enter);
}

afterEach(() => cleanup());

describe.each([
  [80, 24],
  [160, 48],
])('the level screen in zh-CN at %i×%i', (columns, rows) => {
  const size = { columns, rows };
  it('briefing, tasks, inspector, help, pause, a field, the result: Chinese, and fitting', async () => {
    const app = start('configure-gateway', 'zh-CN', size);
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    let f = app.frame();
    expect(f).toContain('任务简报');
    expect(f).toContain('⏎ 开始（开始计时）');
    expect(f.split('\n').at(-1)).toMatch(/⏎ 开始 +esc q 返回 +\? 帮助/);
    fitsColumns(f, columns, rows);
    await app.press(KEY.enter);
    f = app.frame();
    for (const w of ['步数 0/1', '错误', '提示', '网络', '任务', '设备 pc1', '网关：无', '路由表：', '反馈', '配置网络…']) expect(f).toContain(w);
    expect(f.split('\n').at(-1)).toMatch(/任务 +⏎ 执行 +←→ tab 设备 +h 提示 +p 暂停/);
    fitsColumns(f, columns, rows);
    await app.press('?');
    expect(app.frame()).toContain('按键：关卡');
    expect(app.frame()).toContain('看提示（扣分）');
    fitsColumns(app.frame(), columns, rows);
    await app.press('?', 'p');
    expect(app.frame()).toContain('已暂停');
    expect(app.frame()).toContain('计时已停止');
    fitsColumns(app.frame(), columns, rows);
    await app.press('p', 'h');
    expect(app.frame()).toContain('提示 1');
    fitsColumns(app.frame(), columns, rows);
    await chooseTask(app, '配置网络');
    f = app.frame();
    expect(f).toContain('设置 pc1 的默认网关：');
    expect(f).toContain('IPv4 地址，如 192.168.1.1（none');
    expect(f.split('\n').at(-1)).toMatch(/type 输入 +⏎ 提交/);
    fitsColumns(f, columns, rows);
    await app.type('192.168.1.1');
    expect(app.frame()).toContain('⏎ 提交 · esc 取消 · ctrl+u 清空');
    await app.press(KEY.enter);
    f = app.frame();
    for (const w of ['通关！', '步数', '错误次数', '用时', '个人最佳：', '首次通关', '回到关卡列表']) expect(f).toContain(w);
    fitsColumns(f, columns, rows);
  });

  it('a question: its prompt, placeholder, a wrong form, the verdict', async () => {
    const app = start('answer-subnet', 'zh-CN', size);
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    expect(app.frame()).toContain('问题：');
    await chooseTask(app, '网络地址');
    expect(app.frame()).toContain('IPv4 地址，如 10.0.0.0');
    await app.type('192.168.10.64');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('正确');
    expect(app.frame()).toMatch(/✓ 问题：/);
    fitsColumns(app.frame(), columns, rows);
  });

  it('watching the traffic: the stepper’s own words', async () => {
    const app = start('configure-gateway', 'zh-CN', size);
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await chooseTask(app, '配置网络');
    await app.press(KEY.esc, 't');
    const f = app.frame();
    expect(f).toMatch(/第 1 步，共 \d+ 步/);
    expect(f).toMatch(/已暂停，每秒 1 步/);
    expect(f).toContain('esc 返回');
    expect(f.split('\n').at(-1)).toMatch(/单步 +space 开始/);
    fitsColumns(f, columns, rows);
  });

  it('carrying a packet hop by hop', async () => {
    const app = start('route-hops', 'zh-CN', size);
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await chooseTask(app, '把数据包从 a 送到 b');
    expect(app.frame()).toContain('数据包在 a，下一跳去哪里？');
    expect(app.frame()).toContain('⏎ 选择 · 1-9 · esc 取消');
    fitsColumns(app.frame(), columns, rows);
  });
});

describe('the level screen in en', () => {
  it('keeps its English chrome', async () => {
    const app = start('configure-gateway', 'en', { columns: 80, rows: 24 });
    await tick();
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    const f = app.frame();
    for (const w of ['steps 0/1', 'Tasks', 'Device pc1', 'gateway: none', 'Configure the network…']) expect(f).toContain(w);
    expect(f).not.toMatch(/任务|设备|网关/);
  });
});
