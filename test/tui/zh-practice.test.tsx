/**
 * Practice in Chinese: the setup, the drill's status, questions and verdicts, pause and summary
 * follow the player's language and fit 80×24 and 160×48; a drill of every topic fits 80×24.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { emptyProgress, type Progress } from '../../src/progress/store';
import { answer, startSession, type SessionState } from '../../src/practice/session';
import { TOPICS } from '../../src/practice/generators';
import { fitsColumns, mountApp } from './harness';

const KEY = { down: '\x1b[B', enter: '\r', esc: '\x1b' };

afterEach(() => cleanup());

/** A well-formed wrong answer to the session's question (its right one when none is found). */
function wrongAnswer(s: SessionState): string {
  const q = s.current.question;
  const right = q.check('').expected;
  return (q.choices ? q.choices.map((_, j) => String(j + 1)) : ['无', 'CLOSED', '1', '2', '7', 'p1', '10.0.0.9', '10.0.0.0/30', '00000000']).find((g) => q.validate(g) === undefined && !q.check(g).correct) ?? right;
}

describe('a Chinese drill of every topic fits 80×24', () => {
  it.each(TOPICS)('%s: the question in Chinese, its field, a right and a wrong verdict', async (topic) => {
    const size = { columns: 80, rows: 24 };
    for (const seed of [1, 2, 3]) {
      const options = { topics: [topic], minutes: 1, seed };
      const app = mountApp({ packs: [], progress: emptyProgress(), locale: 'zh-CN', size, onQuit: () => {}, start: { name: 'practice', options: { ...options, topics: [topic] } }, persist: (p) => ({ ok: true, value: { progress: p } }) });
      await app.press(KEY.enter);
      let s = startSession({ ...options, locale: 'zh-CN' }, 0);
      for (let i = 0; i < 4; i++) {
        const q = s.current.question;
        const f = app.frame();
        expect(f).toContain(`[${topic}]`);
        expect(f).toContain(q.ask);
        expect(q.ask).toMatch(/\p{Script=Han}/u);
        for (const line of q.context) expect(f).toContain(line.trimEnd());
        // The field's hint is the last row of the question: nothing above it was cut off.
        expect(f).toContain('输入答案 · esc 暂停');
        fitsColumns(f, size.columns, size.rows);
        const given = i % 2 === 0 ? q.check('').expected : wrongAnswer(s);
        await app.type(given);
        await app.press(KEY.enter);
        s = answer(s, given, i);
        expect(s.last!.verdict.correct).toBe(i % 2 === 0);
        expect(app.frame()).toMatch(s.last!.verdict.correct ? /✓ 正确，\+\d+/ : /✗ “.+”不对；正确答案：/);
        fitsColumns(app.frame(), size.columns, size.rows);
      }
      cleanup();
    }
  }, 30_000);
});

describe.each([
  [80, 24],
  [160, 48],
])('practice in zh-CN at %i×%i', (columns, rows) => {
  const size = { columns, rows };
  it('setup, its footer and help', async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), locale: 'zh-CN', size, onQuit: () => {} });
    await app.press(KEY.down, KEY.enter);
    const f = app.frame();
    for (const w of ['限时练习', '主题：space 选中或取消', '与运算判断是否同一子网', '时长：5 分钟', '题目： 每次不同', 'd 每日题目', '⏎ 开始', 'netquest › 练习']) expect(f).toContain(w);
    expect(f.split('\n').at(-1)).toMatch(/⏎ 开始\/检查 +esc 暂停\/返回 +\? 帮助/);
    fitsColumns(f, columns, rows);
    await app.press('?');
    expect(app.frame()).toContain('设置：选上或去掉该主题');
    fitsColumns(app.frame(), columns, rows);
  });

  it('a drill: status, field hint, verdicts right and wrong, pause, summary', async () => {
    const saved: Progress[] = [];
    const options = { topics: ['tcp', 'mac-learning', 'next-hop'] as const, minutes: 1, seed: 3 };
    const app = mountApp({
      packs: [],
      progress: emptyProgress(),
      locale: 'zh-CN',
      size,
      onQuit: () => {},
      start: { name: 'practice', options: { ...options, topics: [...options.topics] } },
      persist: (p) => {
        saved.push(p);
        return { ok: true, value: { progress: p } };
      },
    });
    await app.press(KEY.enter);
    let s = startSession({ ...options, topics: [...options.topics], locale: 'zh-CN' }, 0);
    for (let i = 0; i < 4; i++) {
      expect(app.frame()).toMatch(/得分 \d+ +连对 \d+ ×\d +已答 \d+ · \S+ +难度 \d/);
      expect(app.frame()).toContain('输入答案 · esc 暂停');
      fitsColumns(app.frame(), columns, rows);
      const q = s.current.question;
      expect(app.frame()).toContain(q.ask);
      expect(q.ask).toMatch(/\p{Script=Han}/u);
      const right = q.check('').expected;
      const given = i % 2 === 0 ? right : wrongAnswer(s);
      await app.type(given);
      await app.press(KEY.enter);
      s = answer(s, given, i);
      expect(app.frame()).toMatch(s.last!.verdict.correct ? /✓ 正确，\+\d+/ : /✗ “.+”不对；正确答案：/);
      fitsColumns(app.frame(), columns, rows);
    }
    await app.press(KEY.esc);
    expect(app.frame()).toContain('已暂停：计时停止，题目隐藏。');
    await app.press('q');
    const f = app.frame();
    for (const w of ['本轮结束：', '得分', '正确率', '每分钟答题', '最长连对', '主题', '⏎ 再练一次 · esc 回到菜单']) expect(f).toContain(w);
    fitsColumns(f, columns, rows);
    expect(saved).toHaveLength(1);
  });
});
