import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, TASK } from '../../../src/net/sim/event-queue';

describe('the event queue', () => {
  it('pops in (time, insertion) order, whatever mix of pushes and pops, and keeps each entry tag', () => {
    fc.assert(
      fc.property(
        // A push at (base + offset) or a pop; bases drift upward like a simulation clock, with far timers mixed in.
        fc.array(fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 50 }), far: fc.boolean(), tag: fc.integer({ min: -2, max: 9 }) }), fc.constant(null)), {
          maxLength: 400,
        }),
        (ops) => {
          const q = new EventQueue();
          const model: { time: number; seq: number; tag: number }[] = [];
          let now = 0;
          let seq = 0;
          for (const op of ops) {
            if (op === null) {
              model.sort((a, b) => a.time - b.time || a.seq - b.seq);
              const want = model.shift();
              expect(q.peekTime()).toBe(want?.time);
              const got = q.pop() as { seq: number } | undefined;
              expect(got?.seq).toBe(want?.seq);
              if (want) {
                expect(q.poppedTag).toBe(want.tag);
                now = want.time;
              }
            } else {
              const e = { time: now + op.push + (op.far ? 10_000 : 0), seq: seq++, tag: op.tag };
              model.push(e);
              q.pushTagged(e.time, { seq: e.seq }, e.tag);
            }
            expect(q.size).toBe(model.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps that order through long runs that make its lanes slide and grow', () => {
    const q = new EventQueue();
    // The model: (time, seq) pairs kept sorted by binary insertion.
    const model: { time: number; seq: number }[] = [];
    let seq = 0;
    let now = 0;
    const push = (time: number) => {
      let lo = 0;
      let hi = model.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (model[mid]!.time <= time) lo = mid + 1;
        else hi = mid;
      }
      model.splice(lo, 0, { time, seq });
      q.pushTagged(time, seq++, 0);
    };
    for (let step = 0; step < 20_000; step++) {
      // A steady stream (slides a lane), timers far ahead that pile up (grow one), and stragglers (the heap).
      push(now + 5);
      if (step % 3 === 0) push(now + 1_000_000);
      if (step % 7 === 0) push(now + 2 + (step % 5));
      if (step % 2 === 0) {
        const want = model.shift()!;
        expect(q.pop()).toBe(want.seq);
        now = want.time;
      }
    }
    const rest: unknown[] = [];
    while (q.size > 0) rest.push(q.pop());
    expect(rest).toEqual(model.map((e) => e.seq));
  });

  it('runs tasks and closures pushed through the plain API', () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(5, () => order.push('b'));
    q.pushTask(1, { run: () => order.push('a') });
    q.push(5, () => order.push('c'));
    while (q.size > 0) {
      const item = q.pop() as { run(): void };
      expect(q.poppedTag).toBe(TASK);
      item.run();
    }
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
