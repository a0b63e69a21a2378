/**
 * Lets Ink read a key (a lone Esc is flushed on the next tick), re-render and run the new
 * screen's effects (its useInput subscribes in one): waits until no new frame comes for a
 * few milliseconds, so a loaded machine only makes a test slower, not flaky.
 */
export async function settleFrames(frameCount: () => number): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  let quiet = 0;
  let seen = -1;
  for (let i = 0; i < 100 && quiet < 2; i++) {
    await new Promise((r) => setTimeout(r, 4));
    const n = frameCount();
    quiet = n === seen ? quiet + 1 : 0;
    seen = n;
  }
}
