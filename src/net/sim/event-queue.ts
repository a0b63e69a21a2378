/**
 * A min-heap of timed tasks. Ties on time break by insertion order, which is what makes a
 * run deterministic: same inputs, same order, same trace.
 *
 * Performance notes (the simulator aims at a million frame-hops a second):
 * - tasks are objects with a `run` method, not closures wrapped in entries (one allocation, not two);
 * - the keys live in typed arrays beside the task array, so sifting compares plain doubles
 *   in contiguous memory instead of chasing task objects of several shapes;
 * - the heap is 4-ary: half the depth of a binary heap, which suits a queue holding many
 *   pending timers.
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

export class EventQueue {
  private tasks: (Task | undefined)[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private n = 0;
  private nextSeq = 0;

  get size(): number {
    return this.n;
  }

  push(time: number, fn: () => void): void {
    this.pushTask(time, new FnTask(fn));
  }

  pushTask(time: number, task: Task): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const tasks = this.tasks;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      tasks[i] = tasks[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    tasks[i] = task;
  }

  peekTime(): number | undefined {
    return this.n === 0 ? undefined : this.times[0];
  }

  pop(): Task | undefined {
    if (this.n === 0) return undefined;
    const tasks = this.tasks;
    const top = tasks[0];
    const n = --this.n;
    const times = this.times;
    const seqs = this.seqs;
    const lastTime = times[n]!;
    const lastSeq = seqs[n]!;
    const lastTask = tasks[n];
    tasks[n] = undefined;
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
        tasks[i] = tasks[c];
        i = c;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      tasks[i] = lastTask;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }
}
