/**
 * A min-heap of timed entries. Ties on time break by insertion order, which is what makes a
 * run deterministic: same inputs, same order, same trace.
 *
 * Performance notes (the simulator aims at a million frame-hops a second):
 * - an entry is an item plus a small integer tag. Tag TASK means the item is a `Task` to run;
 *   other tags are the kernel's own (a frame arriving at a port, a deferred trace record), so
 *   the commonest events need no wrapper object at all;
 * - the keys live in typed arrays beside the item array, so sifting compares plain doubles
 *   in contiguous memory instead of chasing objects of several shapes;
 * - the heap is 4-ary: half the depth of a binary heap;
 * - entries pushed in time order (timeouts: every ping sets one 10 s ahead) go to a FIFO lane
 *   instead, so the heap holds only frames in flight and stays a few levels deep. The lane is
 *   sorted by construction and `pop` takes the earlier of the two heads, so the order is exactly
 *   that of one heap.
 */
export abstract class Task {
  abstract run(): void;
}

class FnTask extends Task {
  constructor(private readonly fn: () => void) {
    super();
  }
  run(): void {
    this.fn();
  }
}

/** The tag of an entry whose item is a `Task`. */
export const TASK = -1;

export class EventQueue {
  private items: unknown[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private tags = new Int32Array(1024);
  private n = 0;
  private nextSeq = 0;
  /** The FIFO lane: entries [laneHead, laneTail) of these arrays, in (time, seq) order. */
  private laneItems: unknown[] = [];
  private laneTimes = new Float64Array(1024);
  private laneSeqs = new Float64Array(1024);
  private laneTags = new Int32Array(1024);
  private laneHead = 0;
  private laneTail = 0;
  /** The tag of the entry `pop()` returned last. */
  poppedTag = TASK;

  get size(): number {
    return this.n + this.laneTail - this.laneHead;
  }

  push(time: number, fn: () => void): void {
    this.pushTagged(time, new FnTask(fn), TASK);
  }

  pushTask(time: number, task: Task): void {
    this.pushTagged(time, task, TASK);
  }

  pushTagged(time: number, item: unknown, tag: number): void {
    const seq = this.nextSeq++;
    const tail = this.laneTail;
    if (tail === this.laneHead || time >= this.laneTimes[tail - 1]!) {
      if (tail === this.laneTimes.length) this.growLane();
      const t = this.laneTail++;
      this.laneTimes[t] = time;
      this.laneSeqs[t] = seq;
      this.laneTags[t] = tag;
      this.laneItems[t] = item;
      return;
    }
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const tags = this.tags;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      tags[i] = tags[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    tags[i] = tag;
    items[i] = item;
  }

  peekTime(): number | undefined {
    if (this.laneHead === this.laneTail) return this.n === 0 ? undefined : this.times[0];
    const laneTime = this.laneTimes[this.laneHead]!;
    return this.n === 0 || laneTime < this.times[0]! ? laneTime : this.times[0];
  }

  /** The earliest entry's item (its tag is then in `poppedTag`). */
  pop(): unknown {
    const head = this.laneHead;
    if (head !== this.laneTail) {
      const lt = this.laneTimes[head]!;
      if (this.n === 0 || lt < this.times[0]! || (lt === this.times[0]! && this.laneSeqs[head]! < this.seqs[0]!)) {
        const item = this.laneItems[head];
        this.laneItems[head] = undefined;
        this.poppedTag = this.laneTags[head]!;
        // An empty lane starts again at the front; a long-lived one is compacted when it grows.
        if (++this.laneHead === this.laneTail) this.laneHead = this.laneTail = 0;
        return item;
      }
    }
    if (this.n === 0) return undefined;
    const items = this.items;
    const top = items[0];
    this.poppedTag = this.tags[0]!;
    const n = --this.n;
    const times = this.times;
    const seqs = this.seqs;
    const tags = this.tags;
    const lastTime = times[n]!;
    const lastSeq = seqs[n]!;
    const lastTag = tags[n]!;
    const lastItem = items[n];
    items[n] = undefined;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const first = 4 * i + 1;
        if (first >= n) break;
        // The smallest of up to four children.
        let c = first;
        let ct = times[first]!;
        let cs = seqs[first]!;
        const end = first + 4 < n ? first + 4 : n;
        for (let k = first + 1; k < end; k++) {
          const kt = times[k]!;
          if (kt < ct || (kt === ct && seqs[k]! < cs)) {
            c = k;
            ct = kt;
            cs = seqs[k]!;
          }
        }
        if (ct > lastTime || (ct === lastTime && cs > lastSeq)) break;
        times[i] = ct;
        seqs[i] = cs;
        tags[i] = tags[c]!;
        items[i] = items[c];
        i = c;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      tags[i] = lastTag;
      items[i] = lastItem;
    }
    return top;
  }

  private growLane(): void {
    const head = this.laneHead;
    const live = this.laneTail - head;
    // Room at the front (popped entries): slide down; otherwise double.
    const size = live * 2 <= this.laneTimes.length ? this.laneTimes.length : this.laneTimes.length * 2;
    const times = new Float64Array(size);
    times.set(this.laneTimes.subarray(head, this.laneTail));
    const seqs = new Float64Array(size);
    seqs.set(this.laneSeqs.subarray(head, this.laneTail));
    const tags = new Int32Array(size);
    tags.set(this.laneTags.subarray(head, this.laneTail));
    this.laneItems = this.laneItems.slice(head, this.laneTail);
    this.laneTimes = times;
    this.laneSeqs = seqs;
    this.laneTags = tags;
    this.laneHead = 0;
    this.laneTail = live;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    const tags = new Int32Array(size);
    tags.set(this.tags);
    this.times = times;
    this.seqs = seqs;
    this.tags = tags;
  }
}
