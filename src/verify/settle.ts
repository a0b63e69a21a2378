import type { Simulation } from '../net/sim/simulation';

/**
 * How long the verifier lets traffic run: long enough for a ping's 10 s timeout, ARP's
 * three tries, TCP's six SYN retries (63 s) and TIME-WAIT (60 s); short of the timers that
 * never stop on their own (a DHCP lease renews every T1, forever).
 */
export const SETTLE_NS = 300e9;

export function settle(sim: Simulation, maxEvents = 500_000): void {
  sim.run({ untilNs: sim.now + SETTLE_NS, maxEvents });
}
