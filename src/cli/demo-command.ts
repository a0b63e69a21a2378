import { writeFileSync } from 'node:fs';
import { ipv4 } from '../net/address/ipv4';
import { tracePcap } from '../net/pcap';
import { describeEvent, formatSimTime } from '../net/sim/describe';
import { twoSubnets } from '../scenarios/two-subnets';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export function runDemo(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { pcap: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`'demo' takes no arguments (got '${positionals[0]}')`);
  const sim = twoSubnets();
  io.out('pc1 (192.168.1.10/24) ─ sw1 ─ r1 ─ sw2 ─ pc2 (10.0.0.20/24); pc1 pings pc2 twice:\n\n');
  sim.ping('pc1', ipv4('10.0.0.20'), { count: 2 });
  sim.run();
  for (const e of sim.trace) io.out(`${formatSimTime(e.t).padStart(12)}  ${describeEvent(e)}\n`);
  if (values.pcap !== undefined) {
    try {
      writeFileSync(values.pcap, tracePcap(sim.trace));
    } catch (e) {
      io.err(`netquest demo: cannot write ${values.pcap}: ${(e as Error).message}\n`);
      return 1;
    }
    io.out(`\nwrote ${sim.frames().length} frames to ${values.pcap}\n`);
  }
  return 0;
}
