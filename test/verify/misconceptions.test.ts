import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevel } from '../../src/levels/check';
import { loadLevelFile, loadLevelText, loadPack, type LoadedLevel } from '../../src/levels/load';
import { Session } from '../../src/verify/session';

/** The misconceptions the verifier names (docs/level-format.md lists them for authors). */
const KEYS = [
  'gateway-off-subnet', 'network-address-to-host', 'broadcast-address-to-host', 'non-contiguous-mask', 'duplicate-address',
  'gateway-as-network-address', 'host-count-forgot-two', 'switch-floods-known-unicast', 'switch-forwards-unknown',
  'arp-for-off-subnet-host', 'arp-for-gateway-on-subnet', 'syn-on-third-segment', 'ack-equals-seq', 'syn-fin-no-sequence',
  'fin-in-second-teardown', 'fin-in-last-ack', 'teardown-seq-random', 'header-order',
];

function allLevels(): LoadedLevel[] {
  const pack = loadPack(fileURLToPath(new URL('../../levels', import.meta.url)));
  const fixtures = fileURLToPath(new URL('../fixtures/levels/', import.meta.url));
  const extra = readdirSync(fixtures).flatMap((f) => {
    const l = loadLevelFile(fixtures + f);
    return l.ok ? [l.value] : [];
  });
  return [...(pack.ok ? pack.value.chapters.flatMap((c) => c.levels) : []), ...extra, tcpTeardown()];
}

/** A client closes; the player predicts the client's last segment. */
function tcpTeardown(): LoadedLevel {
  const text = `id: last-ack
title: The last segment
difficulty: 3
briefing: web opens a connection to srv and closes it.
topology:
  devices:
    - { name: web, kind: host, address: 10.0.0.1/24 }
    - { name: srv, kind: host, address: 10.0.0.2/24, tcp: [{ port: 80, iss: 5000 }] }
    - { name: sw1, kind: switch, ports: 2 }
  links: [[web:eth0, sw1:p1], [srv:eth0, sw1:p2]]
scenario:
  - tcp: { from: web, to: srv, port: 80, close: true, iss: 1000 }
predictions:
  - { id: last, ask: tcp-segment, device: web, nth: 4 }
par: 1
solution:
  - predict: { question: last, value: "ACK seq=1002 ack=5002" }
reject:
  - name: a FIN again
    actions:
      - predict: { question: last, value: "FIN,ACK seq=1002 ack=5002" }
    explain: fin-in-last-ack
`;
  const l = loadLevelText(text, 'last-ack.yaml');
  if (!l.ok) throw new Error(l.error.map((e) => e.message).join('\n'));
  return l.value;
}

describe('every misconception the verifier names', () => {
  const levels = allLevels();

  it('is demanded by some level’s reject case, so `check` proves the verifier really says it', () => {
    const named = new Set(levels.flatMap((l) => l.level.reject.map((r) => r.explain)));
    expect(KEYS.filter((k) => !named.has(k))).toEqual([]);
  });

  it('those reject cases pass check: the attempt fails and the misconception is named', { timeout: 120_000 }, () => {
    const relevant = levels.filter((l) => l.level.reject.some((r) => KEYS.includes(r.explain)));
    expect(relevant.flatMap((l) => checkLevel(l).map((p) => `${p.file}:${p.line}: ${p.message}`))).toEqual([]);
  });

  it('fin-in-last-ack: the last segment of a teardown acknowledges the peer’s FIN and carries no FIN of its own', () => {
    const s = new Session(tcpTeardown(), { clock: () => 0 });
    const v = s.step({ predict: { question: 'last', value: 'FIN,ACK seq=1002 ack=5002' } }).verdict;
    expect(v).toMatchObject({ result: 'incorrect', misconception: 'fin-in-last-ack' });
    expect(s.step({ predict: { question: 'last', value: 'ACK seq=1002 ack=5002' } }).verdict.result).toBe('correct');
  });
});
