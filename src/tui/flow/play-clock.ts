/**
 * The level's play clock: milliseconds of play on a monotonic clock, not counting the time
 * the game was paused or the help was open. The level flow's timer states (idle, running,
 * paused, stopped) move it; the verifier's Session reads it for the recorded time.
 * Mutable on purpose: the Session holds a reader, and a reading must see the latest state.
 */
export class PlayClock {
  private elapsed = 0;
  /** When the current running stretch began, or undefined while not running. */
  private since: number | undefined;

  constructor(private readonly now: () => number) {}

  get running(): boolean {
    return this.since !== undefined;
  }

  start(): void {
    if (this.since === undefined) this.since = this.now();
  }

  stop(): void {
    if (this.since === undefined) return;
    this.elapsed += Math.max(0, this.now() - this.since);
    this.since = undefined;
  }

  /** Milliseconds of play so far. */
  read(): number {
    return this.elapsed + (this.since === undefined ? 0 : Math.max(0, this.now() - this.since));
  }
}
