/**
 * The simulator's timeline: timed entries popped in (time, insertion) order. Ties on time break
 * by insertion order, which is what makes a run deterministic: same inputs, same order, same trace.
 *
 * Performance notes (the simulator aims at a million frame-hops a second):
 * - an entry is an item plus a small integer tag. Tag TASK means the item is a `Task` to run;
 *   other tags are the kernel's own (a frame arriving through a cable, a deferred trace record),
 *   so the commonest events need no wrapper object at all;
 * - most entries arrive in time order within their kind: every ping sets a timeout 10 s ahead,
 *   every ARP probe a retry 1 s ahead, a script schedules its steps in order. Such runs go to a
 *   few FIFO lanes, where a push or pop is O(1); only the rest (frames in flight, mostly) go to
 *   a heap, which then stays a few levels deep instead of holding a thousand pending timers;
 * - the heap keeps its keys in typed arrays beside the items (sifting compares plain doubles in
 *   contiguous memory) and is 4-ary (half the depth of a binary heap).
 * Each lane is sorted by construction and `pop` takes the earliest of the heads, so the order is
 * exactly that of a single priority queue.
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

/** A FIFO of entries in (time, seq) order: entries [head, tail) of the arrays. */
/**
 * Typed arrays are allocated on first use, then doubled: `netquest check` makes thousands of
 * short simulations, most using one or two lanes, and each typed array costs microseconds to
 * create. Eagerly allocated, a queue's fifteen arrays took a seventh of a check's time.
 */
const NONE64 = new Float64Array(0);
const NONE32 = new Int32Array(0);

class Lane {
  items: unknown[] = [];
  times = NONE64;
  seqs = NONE64;
  tags = NONE32;
  head = 0;
  tail = 0;

  push(time: number, seq: number, item: unknown, tag: number): void {
    if (this.tail === this.times.length) this.grow();
    const t = this.tail++;
    this.times[t] = time;
    this.seqs[t] = seq;
    this.tags[t] = tag;
    this.items[t] = item;
  }

  shift(): unknown {
    const h = this.head;
    const item = this.items[h];
    this.items[h] = undefined;
    // An emptied lane starts again at the front.
    if (++this.head === this.tail) this.head = this.tail = 0;
    return item;
  }

  private grow(): void {
    const head = this.head;
    const live = this.tail - head;
    if (this.times.length > 0 && live * 2 <= this.times.length) {
      // Mostly popped already: slide the live entries to the front, in place.
      this.times.copyWithin(0, head, this.tail);
      this.seqs.copyWithin(0, head, this.tail);
      this.tags.copyWithin(0, head, this.tail);
      this.items.copyWithin(0, head, this.tail);
      this.items.fill(undefined, live, this.tail);
    } else {
      const size = Math.max(16, this.times.length * 2);
      const times = new Float64Array(size);
      times.set(this.times.subarray(head, this.tail));
      const seqs = new Float64Array(size);
      seqs.set(this.seqs.subarray(head, this.tail));
      const tags = new Int32Array(size);
      tags.set(this.tags.subarray(head, this.tail));
      this.items = this.items.slice(head, this.tail);
      this.times = times;
      this.seqs = seqs;
      this.tags = tags;
    }
    this.head = 0;
    this.tail = live;
  }
}

const LANES = 4;
/** `pop` reports where the earliest entry is: a lane index, or this for the heap. */
const HEAP = -1;

export class EventQueue {
  private items: unknown[] = [];
  private times = NONE64;
  private seqs = NONE64;
  private tags = NONE32;
  private n = 0;
  private nextSeq = 0;
  private readonly lanes: Lane[] = Array.from({ length: LANES }, () => new Lane());
  private laneCount = 0;
  /**
   * What choosing a lane needs, per lane, side by side: the time of its last entry (-Infinity
   * when empty, so an empty lane takes anything), and its head's time and sequence number
   * (Infinity when empty). Every push and pop reads these; reading them through the four lane
   * objects and their arrays cost a dozen loads.
   */
  private readonly laneLast = new Float64Array(LANES).fill(-Infinity);
  private readonly laneHeadTime = new Float64Array(LANES).fill(Infinity);
  private readonly laneHeadSeq = new Float64Array(LANES).fill(Infinity);
  /** `earliest()` remembered between `peekTime()` and `pop()` (the kernel calls both per event); null when stale. */
  private next: number | undefined | null = null;
  /** The tag of the entry `pop()` returned last. */
  poppedTag = TASK;

  get size(): number {
    return this.n + this.laneCount;
  }

  push(time: number, fn: () => void): void {
    this.pushTagged(time, new FnTask(fn), TASK);
  }

  pushTask(time: number, task: Task): void {
    this.pushTagged(time, task, TASK);
  }

  pushTagged(time: number, item: unknown, tag: number): void {
    const seq = this.nextSeq++;
    this.next = null;
    // The lane whose last entry is the latest not after this one: the runs stay apart.
    const laneLast = this.laneLast;
    let best = -1;
    let bestTime = -Infinity;
    for (let k = 0; k < LANES; k++) {
      const last = laneLast[k]!;
      if (last <= time && (best < 0 || last > bestTime)) {
        best = k;
        bestTime = last;
      }
    }
    if (best >= 0) {
      const lane = this.lanes[best]!;
      if (lane.head === lane.tail) {
        this.laneHeadTime[best] = time;
        this.laneHeadSeq[best] = seq;
      }
      lane.push(time, seq, item, tag);
      laneLast[best] = time;
      this.laneCount++;
      return;
    }
    this.heapPush(time, seq, item, tag);
  }

  peekTime(): number | undefined {
    const where = (this.next = this.earliest());
    if (where === undefined) return undefined;
    return where === HEAP ? this.times[0] : this.laneHeadTime[where];
  }

  /** The earliest entry's item (its tag is then in `poppedTag`). */
  pop(): unknown {
    const where = this.next === null ? this.earliest() : this.next;
    this.next = null;
    if (where === undefined) return undefined;
    if (where === HEAP) return this.heapPop();
    const lane = this.lanes[where]!;
    this.poppedTag = lane.tags[lane.head]!;
    this.laneCount--;
    const item = lane.shift();
    if (lane.head === lane.tail) {
      this.laneLast[where] = -Infinity;
      this.laneHeadTime[where] = Infinity;
      this.laneHeadSeq[where] = Infinity;
    } else {
      this.laneHeadTime[where] = lane.times[lane.head]!;
      this.laneHeadSeq[where] = lane.seqs[lane.head]!;
    }
    return item;
  }

  /** Where the earliest entry is (a lane index or HEAP), or undefined when the queue is empty. */
  private earliest(): number | undefined {
    let where: number | undefined = this.n > 0 ? HEAP : undefined;
    let t = this.n > 0 ? this.times[0]! : Infinity;
    let s = this.n > 0 ? this.seqs[0]! : Infinity;
    if (this.laneCount === 0) return where;
    const headTime = this.laneHeadTime;
    const headSeq = this.laneHeadSeq;
    for (let k = 0; k < LANES; k++) {
      // An empty lane's head is (Infinity, Infinity): it never wins.
      const lt = headTime[k]!;
      if (lt < t || (lt === t && headSeq[k]! < s)) {
        where = k;
        t = lt;
        s = headSeq[k]!;
      }
    }
    return where;
  }

  private heapPush(time: number, seq: number, item: unknown, tag: number): void {
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

  private heapPop(): unknown {
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

  private grow(): void {
    const size = Math.max(64, this.times.length * 2);
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
