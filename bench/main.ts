/**
 * `npm run bench`: engine figures on the 1,000-host campus topology.
 * Not part of `npm test`: timings on a shared machine are noisy, so this prints a table
 * (median of several runs) rather than asserting anything.
 */
import { allPairsReachability } from '../src/net/sim/reachability';
import { campus } from '../src/scenarios/campus';
import { seededRandom } from '../src/util/random';

const PINGS = 10_000;
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function pingRun(seed: number): { ms: number; hops: number; replies: number; buildMs: number } {
  const t0 = performance.now();
  const { sim, hosts } = campus();
  const buildMs = performance.now() - t0;
  const rnd = seededRandom(seed);
  const sessions = [];
  for (let i = 0; i < PINGS; i++) {
    const a = rnd.int(0, hosts.length - 1);
    let b = rnd.int(0, hosts.length - 2);
    if (b >= a) b++;
    const dst = sim.host(hosts[b]!)!.interfaces[0]!.address!.address;
    const src = hosts[a]!;
    // One ping every 10 µs of virtual time: busy, but no queue grows without bound.
    sim.at(i * 10_000, () => sessions.push(sim.ping(src, dst)));
  }
  const start = performance.now();
  sim.run();
  const ms = performance.now() - start;
  let hops = 0;
  let replies = 0;
  for (const e of sim.trace) {
    if (e.kind === 'frame') hops++;
    else if (e.kind === 'ping' && e.outcome.status === 'reply') replies++;
  }
  return { ms, hops, replies, buildMs };
}

function reachRun(): { ms: number; pairs: number; reachable: number } {
  const { sim } = campus();
  const start = performance.now();
  const m = allPairsReachability(sim);
  const ms = performance.now() - start;
  let reachable = 0;
  for (const v of m.canPing) reachable += v;
  return { ms, pairs: m.hosts.length ** 2, reachable };
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const lines: string[] = [];
lines.push(`netquest engine bench — node ${process.version}, ${RUNS} runs each, median`);
lines.push('');
lines.push(row(['measure', 'value', 'target']));
lines.push(row(['---', '---', '---']));

const pings = Array.from({ length: RUNS }, (_, i) => pingRun(42 + i));
const p = pings.map((r) => r.hops / (r.ms / 1000));
const first = pings[0]!;
lines.push(row(['topology build (1,000 hosts)', `${median(pings.map((r) => r.buildMs)).toFixed(1)} ms`, '']));
lines.push(row([`frame-hops for ${PINGS.toLocaleString('en')} pings`, `${first.hops.toLocaleString('en')} (replies ${first.replies.toLocaleString('en')})`, '']));
lines.push(row(['simulation time', `${median(pings.map((r) => r.ms)).toFixed(0)} ms`, '']));
lines.push(row(['frame-hops per second', `${Math.round(median(p)).toLocaleString('en')}`, '≥ 1,000,000']));

const reach = Array.from({ length: RUNS }, () => reachRun());
lines.push(row(['all-pairs reachability', `${median(reach.map((r) => r.ms)).toFixed(0)} ms (${reach[0]!.reachable.toLocaleString('en')} of ${reach[0]!.pairs.toLocaleString('en')} pairs)`, '< 1,000 ms']));
lines.push(row(['resident memory after runs', `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`, '']));
console.log(lines.join('\n'));
