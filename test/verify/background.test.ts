import { describe, expect, it } from 'vitest';
import { loadLevelText } from '../../src/levels/load';
import { Session } from '../../src/verify/session';

const LEVEL = `id: flood
title: Flood
difficulty: 3
briefing: A SYN flood.
topology:
  devices:
    - { name: web, kind: host, address: 192.168.1.10/24 }
    - { name: srv, kind: host, address: 192.168.1.80/24, tcp: [{ port: 80, backlog: 4 }] }
    - { name: bot, kind: host, address: 192.168.1.66/24 }
    - { name: sw1, kind: switch, ports: 3 }
  links: [[web:eth0, sw1:p1], [srv:eth0, sw1:p2], [bot:eth0, sw1:p3]]
background:
  - syn-flood: { from: bot, to: srv, port: 80, count: 300, every: 0.5 }
allow:
  syn-cookies: [srv]
goals:
  - tcp: { from: web, to: srv, port: 80, close: true }
par: 1
solution:
  - syn-cookies: { device: srv, port: 80, on: true }
`;

function session() {
  const l = loadLevelText(LEVEL, 'flood.yaml');
  if (!l.ok) throw new Error(l.error.map((e) => e.message).join('\n'));
  return new Session(l.value, { clock: () => 0 });
}

describe('background traffic: a SYN flood (RFC 4987)', () => {
  it('fills the server’s backlog with half-open connections from forged addresses', () => {
    const sim = session().network();
    expect(sim.host('srv')!.tcp.listenerReport(80)).toEqual({ state: 'LISTEN', halfOpen: 4 });
    const forged = sim.trace.filter((e) => e.kind === 'tcp' && e.device === 'bot');
    expect(forged.length).toBeGreaterThan(4);
  });

  it('keeps a real client out, until SYN cookies are switched on', () => {
    const s = session();
    expect(s.goals()[0]!.met).toBe(false);
    const r = s.step({ 'syn-cookies': { device: 'srv', port: 80, on: true } });
    expect(r.solved).toBe(true);
  });
});
