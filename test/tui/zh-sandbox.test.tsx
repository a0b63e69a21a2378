/**
 * The sandbox in Chinese: its empty state, action menu, forms, log lines of its own, inspector,
 * footer and help follow the player's language and fit 80×24 and 160×48 (the engine's outcome
 * lines are English so far).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadLevelFile } from '../../src/levels/load';
import type { SandboxIo } from '../../src/sandbox/forms';
import { emptyProgress } from '../../src/progress/store';
import { fitsColumns, mountApp, tick } from './harness';

const KEY = { down: '\x1b[B', enter: '\r', esc: '\x1b' };

const io: SandboxIo = { cwd: '/work/here', yaml: stringify, write: (path) => ({ ok: true, value: path }) };

function gatewayLevel() {
  const l = loadLevelFile('test/fixtures/levels/configure-gateway.yaml');
  if (!l.ok) throw new Error('fixture does not load');
  return l.value.level.topology;
}

describe.each([
  [80, 24],
  [160, 48],
])('the sandbox in zh-CN at %i×%i', (columns, rows) => {
  const size = { columns, rows };
  it('empty, its help, adding a device through the menu', async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), locale: 'zh-CN', size, onQuit: () => {} });
    await tick();
    await app.press(KEY.down, KEY.down, KEY.enter);
    let f = app.frame();
    expect(f).toContain('网络是空的。');
    expect(f).toContain('空白网络：这里没有目标');
    expect(f).toContain('⏎ 操作  p ping');
    expect(f.split('\n').at(-1)).toMatch(/⏎ 操作 +←→ tab 设备/);
    fitsColumns(f, columns, rows);
    await app.press('?');
    expect(app.frame()).toContain('按键：沙盒');
    expect(app.frame()).toContain('按 ? 或 esc 关闭帮助');
    fitsColumns(app.frame(), columns, rows);
    await app.press('?', KEY.enter);
    expect(app.frame()).toContain('操作 — ⏎ 执行，esc 关闭');
    expect(app.frame()).toContain('从一台设备 ping 另一台');
    fitsColumns(app.frame(), columns, rows);
    await app.press(KEY.esc, 'a');
    f = app.frame();
    expect(f).toContain('添加设备：哪种设备？');
    expect(f).toContain('主机  （命名为 pc1）');
    fitsColumns(f, columns, rows);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('已添加主机 pc1（eth0）');
    fitsColumns(app.frame(), columns, rows);
  });

  it("a level's network: the inspector, a typed form, a ping and its trace", async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), locale: 'zh-CN', size, onQuit: () => {}, start: { name: 'sandbox', topology: gatewayLevel(), origin: 'gw.yaml' } });
    await tick();
    let f = app.frame();
    expect(f).toContain('已打开 gw.yaml 的网络');
    expect(f).toContain('网关：无');
    fitsColumns(f, columns, rows);
    await app.press('g');
    expect(app.frame()).toContain('设置默认网关：哪台主机？');
    expect(app.frame()).toMatch(/pc1（主机） 192\.168\.1\.10\/24/);
    await app.press(KEY.enter);
    f = app.frame();
    expect(f).toContain('设置默认网关：pc1 的网关');
    expect(f).toContain('输入答案 · esc 取消');
    fitsColumns(f, columns, rows);
    await app.press(KEY.esc, 'p', KEY.enter);
    expect(app.frame()).toContain('Ping 测试：目标：设备名或 IPv4 地址');
    await app.type('pc2');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(/ping pc1 → pc2: ✗ (未发送|没有应答)/);
    fitsColumns(app.frame(), columns, rows);
    await app.press('s');
    f = app.frame();
    expect(f).toMatch(/第 1 次运行，共 1 次：/);
    expect(f).toMatch(/第 1 步，共 \d+ 步/);
    fitsColumns(f, columns, rows);
  });
});

