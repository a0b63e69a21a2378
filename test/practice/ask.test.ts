import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask, parseSegmentAnswer, parseTcpState } from '../../src/practice/ask';
import { drill, TOPICS } from '../../src/practice/generators';
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

describe('every question fits the 80×24 drill screen', () => {
  it('at most 11 rows of situation and choices, each line within 76 columns', () => {
    for (const topic of TOPICS) {
      for (const level of [0, 1, 2] as const) {
        for (let seed = 0; seed < 150; seed++) {
          const q = ask(drill(topic, seed * 7919 + 13, level));
          const choiceRows = q.choices ? (q.choices.map((c, i) => `${i + 1}) ${c}`).join('   ').length <= 78 ? 1 : q.choices.length) : 0;
          expect(q.context.length + choiceRows, `${topic} ${level} ${seed}`).toBeLessThanOrEqual(11);
          // The first line follows the "[topic] " tag.
          q.context.forEach((line, i) => expect([...line].length + (i === 0 ? topic.length + 3 : 0), line).toBeLessThanOrEqual(78));
          expect([...q.ask].length, q.ask).toBeLessThanOrEqual(78);
        }
      }
    }
  }, 60_000);
});
