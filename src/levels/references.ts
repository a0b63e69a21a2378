/**
 * Names a level uses must exist: devices in goals, questions and actions, interfaces the
 * player may address, question ids in answers. Checked at load time, with "did you mean".
 */
import type { Simulation } from '../net/sim/simulation';
import { resolveTarget, splitPortRef, suggest, type Path, type Problem } from './build';
import type { Action, LevelFile } from './schema';

export function checkReferences(level: LevelFile, sim: Simulation): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Path, message: string) => problems.push({ path, message });
  const names = sim.devices.map((d) => d.name);
  const device = (path: Path, name: string, kinds?: readonly string[]) => {
    const d = sim.device(name);
    if (!d) return at(path, `no device named ${name}${suggest(name, names)}`);
    if (kinds && !kinds.includes(d.kind)) at(path, `${name} is a ${d.kind}; this needs a ${kinds.join(' or ')}`);
  };
  const port = (path: Path, ref: string, kinds?: readonly string[]) => {
    const [name, p] = splitPortRef(ref);
    const d = sim.device(name);
    if (!d) return at(path, `no device named ${name}${suggest(name, names)}`);
    if (kinds && !kinds.includes(d.kind)) return at(path, `${name} is a ${d.kind}; this needs a ${kinds.join(' or ')}`);
    const ports = d.ports.map((x) => x.name);
    if (!ports.includes(p)) at(path, `${name} has no interface ${p}${suggest(p, ports)}; it has ${ports.join(', ')}`);
  };
  const target = (path: Path, t: string) => {
    if (/^\d/.test(t)) {
      const r = resolveTarget(sim, t);
      if (!r.ok) at(path, r.error);
    } else device(path, t, ['host', 'router']);
  };
  const ip = ['host', 'router'] as const;

  const allow = level.allow;
  (allow['set-address'] ?? []).forEach((r, i) => port(['allow', 'set-address', i], r, ip));
  (allow['set-gateway'] ?? []).forEach((n, i) => device(['allow', 'set-gateway', i], n, ['host']));
  (allow['add-route'] ?? []).forEach((n, i) => device(['allow', 'add-route', i], n, ['router']));
  (allow['remove-route'] ?? []).forEach((n, i) => device(['allow', 'remove-route', i], n, ['router']));
  (allow['syn-cookies'] ?? []).forEach((n, i) => device(['allow', 'syn-cookies', i], n, ['host']));
  (allow['start-dhcp'] ?? []).forEach((n, i) => device(['allow', 'start-dhcp', i], n, ['host']));

  level.goals.forEach((g, i) => {
    const body = Object.values(g)[0];
    if (typeof body === 'object' && body && 'from' in body) {
      device(['goals', i, Object.keys(g)[0]!, 'from'], body.from, ip);
      target(['goals', i, Object.keys(g)[0]!, 'to'], body.to);
    }
    if ('answers' in g && level.questions.length === 0) at(['goals', i], 'an "answers" goal needs questions');
  });

  const ids = new Set<string>();
  level.questions.forEach((q, i) => {
    if (ids.has(q.id)) at(['questions', i, 'id'], `question id ${q.id} is used twice`);
    ids.add(q.id);
    if ('of' in q && q.ask !== 'osi-layer') port(['questions', i, 'of'], q.of, ip);
    if (q.ask === 'same-subnet') {
      port(['questions', i, 'a'], q.a, ip);
      target(['questions', i, 'b'], q.b);
    }
  });
  level.predictions.forEach((p, i) => {
    if (ids.has(p.id)) at(['predictions', i, 'id'], `question id ${p.id} is used twice`);
    ids.add(p.id);
    const kinds = p.ask.startsWith('switch') ? ['switch'] : p.ask === 'next-hop' || p.ask === 'ttl-after' ? ['router'] : ip;
    device(['predictions', i, 'device'], p.device, kinds);
  });
  if (level.predictions.length > 0 && level.scenario.length === 0) at(['predictions'], 'predictions need a "scenario": the traffic whose events the player predicts');
  level.scenario.forEach((s, i) => {
    const [kind, body] = Object.entries(s)[0]!;
    device(['scenario', i, kind, 'from'], body.from, ['host']);
    target(['scenario', i, kind, 'to'], body.to);
  });
  level.background.forEach((b, i) => {
    device(['background', i, 'syn-flood', 'from'], b['syn-flood'].from, ['host']);
    target(['background', i, 'syn-flood', 'to'], b['syn-flood'].to);
  });
  if (level.route) {
    device(['route', 'from'], level.route.from, ['host']);
    target(['route', 'to'], level.route.to);
  }

  const actions = (list: readonly Action[], base: Path) =>
    list.forEach((a, i) => {
      const path: Path = [...base, i];
      if ('set-address' in a) port([...path, 'set-address', 'interface'], a['set-address'].interface, ip);
      else if ('set-gateway' in a) device([...path, 'set-gateway', 'device'], a['set-gateway'].device, ['host']);
      else if ('add-route' in a) device([...path, 'add-route', 'device'], a['add-route'].device, ['router']);
      else if ('remove-route' in a) device([...path, 'remove-route', 'device'], a['remove-route'].device, ['router']);
      else if ('syn-cookies' in a) device([...path, 'syn-cookies', 'device'], a['syn-cookies'].device, ['host']);
      else if ('start-dhcp' in a) device([...path, 'start-dhcp', 'device'], a['start-dhcp'].device, ['host']);
      else if ('answer' in a || 'predict' in a) {
        const q = 'answer' in a ? a.answer.question : a.predict.question;
        if (!ids.has(q)) at([...path, 'answer' in a ? 'answer' : 'predict', 'question'], `no question with id ${q}${suggest(q, [...ids])}`);
      } else if ('hop' in a) {
        if (!level.route) at([...path, 'hop'], 'a hop needs a "route" in the level');
        device([...path, 'hop', 'device'], a.hop.device, ip);
      }
    });
  actions(level.solution, ['solution']);
  level.accept.forEach((c, i) => actions(c.actions, ['accept', i, 'actions']));
  level.reject.forEach((c, i) => actions(c.actions, ['reject', i, 'actions']));
  if (level.goals.length === 0 && level.questions.length === 0 && level.predictions.length === 0 && !level.route) {
    at([], 'the level has nothing to do: give it goals, questions, predictions or a route');
  }
  return problems;
}
