/** Starts a level's background traffic on a network (a SYN flood, for now), and lets it get going. */
import { ipv4FromOctets } from '../net/address/ipv4';
import type { Simulation } from '../net/sim/simulation';
import { resolveTarget } from '../levels/build';
import type { LevelFile } from '../levels/schema';

/** How long the background runs before the player's traffic starts: long enough for a flood to fill a backlog. */
export const BACKGROUND_HEAD_START_NS = 3e9;

export function startBackground(sim: Simulation, background: LevelFile['background']): void {
  if (background.length === 0) return;
  for (const item of background) {
    const f = item['syn-flood'];
    const attacker = sim.host(f.from);
    const dst = resolveTarget(sim, f.to);
    if (!attacker || !dst.ok) continue;
    for (let k = 0; k < f.count; k++) {
      // Sources from TEST-NET-2 (RFC 5737): addresses that exist nowhere, so no ACK ever comes.
      const src = ipv4FromOctets(198, 51, 100, 1 + (k % 250));
      sim.at(Math.round(k * f.every * 1e9), () => attacker.tcp.spoofedSyn(src, 1024 + (k % 60000), dst.value, f.port, (0x5eed0000 + k * 7919) >>> 0));
    }
  }
  sim.run({ untilNs: sim.now + BACKGROUND_HEAD_START_NS });
}
