import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ask, parseSegmentAnswer, parseTcpState, type Question } from '../../src/practice/ask';
import { drill, TOPICS, type Topic } from '../../src/practice/generators';
import type { Level } from '../../src/practice/level';

const cases = fc.record({ topic: fc.constantFrom(...TOPICS), seed: fc.integer({ min: 0, max: 0x7fffffff }), level: fc.constantFrom<Level>(0, 1, 2) });

describe('asking a drill', () => {
  it('the answer it shows as right is accepted when typed, and the other choices are not', () => {
    fc.assert(
      fc.property(cases, ({ topic, seed, level }) => {
        const q = ask(drill(topic, seed, level));
        const right = q.check('').expected;
        expect(q.validate(right)).toBeUndefined();
        expect(q.check(right).correct).toBe(true);
        expect(q.ask.length).toBeGreaterThan(0);
        if (q.choices) {
          const i = q.choices.indexOf(right);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(q.check(String(i + 1)).correct).toBe(true);
          q.choices.forEach((c, j) => j !== i && expect(q.check(c).correct).toBe(false));
        }
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('a wrong answer gets the right one and a one-line explanation', () => {
    const q = ask(drill('subnet', 11));
    const wrong = q.choices ? '1' : q.check('').expected === '0' ? '1' : '0';
    const v = q.check(wrong);
    expect(v.correct).toBe(false);
    expect(v.explanation).not.toContain('\n');
    expect(v.explanation.length).toBeGreaterThan(10);
  });

  it('every subnet sub-question occurs, and the same seed always asks the same one', () => {
    const asks = new Set(Array.from({ length: 200 }, (_, s) => ask(drill('subnet', s)).ask));
    expect(asks.size).toBe(7);
    expect(ask(drill('subnet', 5)).ask).toBe(ask(drill('subnet', 5)).ask);
  });

  it('inline validation explains malformed text instead of judging it', () => {
    const subnetNetwork = Array.from({ length: 100 }, (_, s) => ask(drill('subnet', s))).find((q) => q.ask === 'Network address?')!;
    expect(subnetNetwork.validate('192.168.1')).toMatch(/four numbers/);
    expect(subnetNetwork.check('192.168.1').correct).toBe(false);
    const mac = Array.from({ length: 100 }, (_, s) => ask(drill('mac-learning', s))).find((q) => q.ask.startsWith('Out which'))!;
    expect(mac.validate('p99')).toMatch(/not a port here/);
    expect(mac.validate('none')).toBeUndefined();
  });

  it('reads TCP answers in the forms people write them', () => {
    expect(parseSegmentAnswer('SYN,ACK 300 1001')).toEqual({ ok: true, value: { flags: ['SYN', 'ACK'], seq: 300, ack: 1001 } });
    expect(parseSegmentAnswer('ack seq=5 ack=7')).toEqual({ ok: true, value: { flags: ['ACK'], seq: 5, ack: 7 } });
    expect(parseSegmentAnswer('syn 1000')).toEqual({ ok: true, value: { flags: ['SYN'], seq: 1000, ack: 0 } });
    expect(parseSegmentAnswer('nothing')).toEqual({ ok: true, value: null });
    expect(parseSegmentAnswer('ACK 5').ok).toBe(false);
    expect(parseSegmentAnswer('SYNACK 5').ok).toBe(false);
    expect(parseTcpState('time wait')).toEqual({ ok: true, value: 'TIME-WAIT' });
    expect(parseTcpState('open').ok).toBe(false);
  });
});

describe.each(['en', 'zh-CN'])('every question fits the 80×24 drill screen (%s)', (locale) => {
  it('at most 11 rows of situation and choices, each line within 76 columns', () => {
    for (const topic of TOPICS) {
      for (const level of [0, 1, 2] as const) {
        for (let seed = 0; seed < 150; seed++) {
          const q = ask(drill(topic, seed * 7919 + 13, level), locale);
          const choiceRows = q.choices ? (stringWidth(q.choices.map((c, i) => `${i + 1}) ${c}`).join('   ')) <= 78 ? 1 : q.choices.length) : 0;
          expect(q.context.length + choiceRows, `${topic} ${level} ${seed}`).toBeLessThanOrEqual(11);
          // The first line follows the "[topic] " tag. Columns, not characters: a Chinese character takes two.
          q.context.forEach((line, i) => expect(stringWidth(line) + (i === 0 ? topic.length + 3 : 0), line).toBeLessThanOrEqual(78));
          (q.choices ?? []).forEach((c, i) => expect(stringWidth(`${i + 1}) ${c}`), c).toBeLessThanOrEqual(76));
          expect(stringWidth(q.ask), q.ask).toBeLessThanOrEqual(78);
          expect(stringWidth(q.placeholder), q.placeholder).toBeLessThanOrEqual(60);
        }
      }
    }
  }, 60_000);
});

const HAN = /\p{Script=Han}/u;

/** The first of `n` seeded drills of a topic (in Chinese) that `pick` accepts. */
function find(topic: Topic, pick: (q: Question) => boolean, locale = 'zh-CN', n = 2000): Question {
  for (let s = 0; s < n; s++) {
    const q = ask(drill(topic, s, (s % 3) as Level), locale);
    if (pick(q)) return q;
  }
  throw new Error(`no ${topic} drill found`);
}

describe('asking a drill in Chinese', () => {
  it.each(TOPICS)('%s: the prompts are Chinese, the right answer is accepted when typed, and malformed text is explained in Chinese', (topic) => {
    const prompts = new Set<string>();
    for (const level of [0, 1, 2] as const) {
      for (let seed = 0; seed < 60; seed++) {
        const d = drill(topic, seed * 104729 + 7, level);
        const q = ask(d, 'zh-CN');
        expect(q.topic).toBe(topic);
        expect(q.ask, q.ask).toMatch(HAN);
        expect(q.ask).not.toBe(ask(d).ask);
        expect(q.placeholder).not.toBe('');
        prompts.add(q.ask);
        const right = q.check('').expected;
        expect(q.validate(right), `${topic} ${seed}: ${right}`).toBeUndefined();
        expect(q.check(right).correct).toBe(true);
        const wrong = q.check('zz');
        expect(wrong.correct).toBe(false);
        expect(wrong.explanation, `${topic}: ${wrong.explanation}`).toMatch(HAN);
        if (q.choices) {
          const i = q.choices.indexOf(right);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(q.check(String(i + 1)).correct).toBe(true);
          q.choices.forEach((c, j) => j !== i && expect(q.check(c).correct).toBe(false));
        }
        // Explained in Chinese when wrong: a wrong but well-formed answer gets the reason.
        const other = q.choices ? String(q.choices.indexOf(right) === 0 ? 2 : 1) : undefined;
        if (other) expect(q.check(other).explanation).toMatch(HAN);
        expect(q.check(other ?? right).explanation).not.toContain('\n');
      }
    }
    expect(prompts.size).toBeGreaterThan(0);
  });

  it('the same answers are right in either language', () => {
    fc.assert(
      fc.property(cases, ({ topic, seed, level }) => {
        const d = drill(topic, seed, level);
        const en = ask(d);
        const zh = ask(d, 'zh-CN');
        // The English right answer, typed to the Chinese question (and the other way round).
        expect(zh.check(en.check('').expected).correct, `${topic} ${seed}: ${en.check('').expected}`).toBe(true);
        expect(en.check(zh.check('').expected).correct, `${topic} ${seed}: ${zh.check('').expected}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('yes and no: 是/否, y/n, 1/2 and yes/no, in either language', () => {
    for (const locale of ['zh-CN', 'en']) {
      const same = find('same-subnet', (q) => q.check('1').correct, locale);
      const other = find('same-subnet', (q) => q.check('2').correct, locale);
      for (const yes of ['是', 'y', '1', 'yes', 'Yes', '是的', '对']) expect(same.check(yes).correct, `${locale} ${yes}`).toBe(true);
      for (const no of ['否', 'n', '2', 'no', '不是', '不']) expect(other.check(no).correct, `${locale} ${no}`).toBe(true);
      expect(same.check('否').correct).toBe(false);
      expect(other.check('是').correct).toBe(false);
    }
    expect(find('same-subnet', () => true).choices).toEqual(['是', '否']);
  });

  it('nothing: 无 or 没有 as well as nothing/none', () => {
    for (const t of ['无', '没有', 'nothing', 'none']) expect(parseSegmentAnswer(t)).toEqual({ ok: true, value: null });
    const quiet = find('tcp', (q) => q.check('').expected === '无');
    for (const t of ['无', '没有', 'nothing']) expect(quiet.check(t).correct).toBe(true);
    expect(quiet.check('ACK 1 1').correct).toBe(false);
    const filtered = find('mac-learning', (q) => q.check('').expected === '无');
    for (const t of ['无', '没有', 'none', 'drop']) expect(filtered.check(t).correct, t).toBe(true);
    const learnNothing = find('mac-learning', (q) => q.check('').expected === '不新增（只刷新）');
    expect(learnNothing.check('nothing new (just refreshes)').correct).toBe(true);
  });

  it("a choice's English words still pick it, and Chinese ones do in English", () => {
    const both = find('ports', (q) => q.check('').expected === '都用');
    expect(both.check('both').correct).toBe(true);
    expect(find('ports', (q) => q.check('').expected === 'both', 'en').check('都用').correct).toBe(true);
    const dynamic = find('ports', (q) => q.check('').expected === '动态端口');
    for (const t of ['dynamic', 'ephemeral', '动态', '动态端口', '3']) expect(dynamic.check(t).correct, t).toBe(true);
    const wellKnown = find('ports', (q) => q.check('').expected === 'well-known', 'en');
    expect(wellKnown.check('知名端口').correct).toBe(true);
    const viaGateway = find('arp', (q) => q.check('').expected.startsWith('网关'));
    for (const t of ['网关', 'the gateway', 'gateway', '2']) expect(viaGateway.check(t).correct, t).toBe(true);
    const layer3 = find('osi', (q) => q.check('').expected === '3（网络层）');
    for (const t of ['3', '网络层', '网络', 'network', 'L3', '3 (network)']) expect(layer3.check(t).correct, t).toBe(true);
    expect(find('osi', (q) => q.check('').expected === '3 (network)', 'en').check('网络层').correct).toBe(true);
  });

  it('TCP errors and states in Chinese, state names as they are', () => {
    expect(parseSegmentAnswer('SYNACK 5', 'zh-CN')).toEqual({ ok: false, error: expect.stringMatching(HAN) });
    expect(parseSegmentAnswer('ACK 5', 'zh-CN')).toEqual({ ok: false, error: expect.stringMatching(HAN) });
    expect(parseTcpState('open', 'zh-CN')).toEqual({ ok: false, error: expect.stringMatching(/“open”不是 TCP 状态/) });
    const state = find('tcp', (q) => q.ask === '之后你处于什么状态？');
    expect(state.check('').expected).toMatch(/^[A-Z-0-9]+$/);
    expect(state.context[0]).toMatch(/^你是(客户端|服务器)（ISS \d+），处于 [A-Z0-9-]+。$/);
  });
});
