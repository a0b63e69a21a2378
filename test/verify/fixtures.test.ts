import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLevel, playActions } from '../../src/levels/check';
import { loadLevelFile, type LoadedLevel } from '../../src/levels/load';
import type { Action } from '../../src/levels/schema';
import { Session } from '../../src/verify/session';

function level(name: string): LoadedLevel {
  const r = loadLevelFile(fileURLToPath(new URL(`../fixtures/levels/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
}

describe('the verifier on each kind of step', () => {
  it.each(['configure-gateway.yaml', 'configure-dhcp.yaml', 'answer-subnet.yaml', 'predict-switch.yaml', 'route-hops.yaml'])('%s passes check: solution, accepts and rejects', (name) => {
    expect(checkLevel(level(name))).toEqual([]);
  });

  it('configure: any gateway that works wins, and the step reports goal progress', () => {
    const s = new Session(level('configure-gateway.yaml'), { clock: () => 0 });
    const r = s.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.1' } });
    expect(r.verdict).toMatchObject({ result: 'correct', goals: { met: 1, total: 1 } });
    expect(r.solved).toBe(true);
    expect(s.score()).toMatchObject({ stars: 3, steps: 1, wrongTries: 0 });
  });

  it('configure: a gateway outside the subnet is refused and named as the misconception', () => {
    const s = new Session(level('configure-gateway.yaml'), { clock: () => 0 });
    const r = s.step({ 'set-gateway': { device: 'pc1', gateway: '10.0.0.1' } });
    expect(r.verdict).toMatchObject({ result: 'incorrect', misconception: 'gateway-off-subnet' });
    expect(r.verdict.explanation).toMatch(/same AND test/);
    expect(s.solved()).toBe(false);
  });

  it('configure: a step the level does not allow is refused', () => {
    const s = new Session(level('configure-gateway.yaml'), { clock: () => 0 });
    expect(s.step({ 'set-address': { interface: 'pc2:eth0', address: '10.0.0.21/24' } }).verdict.explanation).toMatch(/does not let you/);
  });

  it('configure: a gateway on the subnet that is not a router leaves the goal unmet, saying why', () => {
    const s = new Session(level('configure-gateway.yaml'), { clock: () => 0 });
    const r = s.step({ 'set-gateway': { device: 'pc1', gateway: '192.168.1.254' } });
    expect(r.verdict.goals).toEqual({ met: 0, total: 1 });
    expect(r.verdict.explanation).toMatch(/Still to do: pc1 can ping pc2/);
  });

  it('answer: right answers solve it; a wrong one is explained with the AND', () => {
    const s = new Session(level('answer-subnet.yaml'), { clock: () => 0 });
    const wrong = s.step({ answer: { question: 'net', value: '192.168.10.0' } });
    expect(wrong.verdict.result).toBe('incorrect');
    expect(wrong.verdict.explanation).toMatch(/AND/);
    for (const a of level('answer-subnet.yaml').level.solution) s.step(a);
    expect(s.solved()).toBe(true);
    expect(s.score()).toMatchObject({ stars: 2, wrongTries: 1, steps: 4 });
  });

  it('predict: judged against the scenario’s trace', () => {
    const s = new Session(level('predict-switch.yaml'), { clock: () => 0 });
    const wrong = s.step({ predict: { question: 'first', value: 'p2' } }).verdict;
    expect(wrong.result).toBe('incorrect');
    expect(wrong.explanation).toMatch(/A broadcast frame goes out every port except the one it came in on: p2, p3/);
    expect(s.step({ predict: { question: 'reply', value: 'flood' } }).verdict).toMatchObject({ result: 'incorrect', misconception: 'switch-floods-known-unicast' });
    expect(s.step({ predict: { question: 'first', value: ['p2', 'p3'] } }).verdict.result).toBe('correct');
  });

  it('route: each hop is judged against the routing tables', () => {
    const s = new Session(level('route-hops.yaml'), { clock: () => 0 });
    expect(s.step({ hop: { device: 'r2' } }).verdict.explanation).toMatch(/which is r1/);
    expect(s.step({ hop: { device: 'r1' } }).verdict.result).toBe('correct');
  });

  it('hints cost points and showing the solution never counts as solving', () => {
    const l = level('configure-gateway.yaml');
    const s = new Session(l, { clock: () => 0 });
    expect(s.step({ hint: {} }).verdict.explanation).toMatch(/pc1's own subnet/);
    s.revealSolution();
    for (const a of l.level.solution) s.step(a);
    expect(s.solved()).toBe(true);
    expect(s.score().stars).toBe(0);
  });

  it('a reject case whose explanation never appears makes check fail (so the check itself can fail)', () => {
    const l = level('configure-gateway.yaml');
    const broken: LoadedLevel = { ...l, level: { ...l.level, reject: [{ name: 'x', actions: l.level.reject[0]!.actions, explain: 'words nobody says' }] } };
    expect(checkLevel(broken).map((p) => p.message)).toEqual([expect.stringMatching(/never told 'words nobody says'/)]);
    const wrongSolution: LoadedLevel = { ...l, level: { ...l.level, solution: [{ 'set-gateway': { device: 'pc1', gateway: '192.168.1.254' } }] as Action[] } };
    expect(checkLevel(wrongSolution)[0]!.message).toMatch(/does not solve the level/);
    expect(playActions(l, []).solved).toBe(false);
  });
});

describe('a TCP state prediction, judged as the answer field reads it', () => {
  const syn = () => {
    const r = loadLevelFile(fileURLToPath(new URL('../../levels/07-tcp/01-syn.yaml', import.meta.url)));
    if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
    return new Session(r.value, { clock: () => 0 });
  };
  it.each(['SYN-SENT', 'syn sent', 'syn_sent', 'SYN__SENT', ' Syn-Sent '])('%j is the state web is in after its SYN', (value) => {
    expect(syn().step({ predict: { question: 'state', value } }).verdict.result).toBe('correct');
  });
  it.each(['SYN-RECEIVED', 'SYNSENT', 'ESTABLISHED'])('%j is not', (value) => {
    expect(syn().step({ predict: { question: 'state', value } }).verdict.result).toBe('incorrect');
  });
});
