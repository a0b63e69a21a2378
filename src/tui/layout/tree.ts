/**
 * The compact drawing: the topology as a tree outline, one row per device (more when its
 * details wrap), for when boxes do not fit (an 80×24 level screen gives the network about
 * 40×11 or 80×8). Like `tree(1)`:
 *
 *   r1  eth0 10.1.0.1/24, eth1 172.16.0.1/30
 *   ├eth0──eth0 a  10.1.0.10/24, gw 10.1.0.1
 *   └eth1──eth0 r2  eth0 172.16.0.2/30, eth1 10.3.0.1/24
 *     └eth1──eth0 b  10.3.0.20/24, gw 10.3.0.1
 *
 * Each link row names the parent's port, then the child's port, then the child. The tree is
 * a breadth-first spanning tree from the most central router (else switch/hub, else any
 * device), so chains nest as little as they can; links it cannot show are listed under it.
 * Plain TS: returns rows and marks; the caller applies ASCII and colours.
 */
import type { DeviceKind, Mark, TopoDevice, TopoEnd, Topology } from './topology';

export interface TreeOptions {
  readonly width: number;
  readonly maxHeight?: number | undefined;
  readonly highlightLink?: number | undefined;
  readonly selectedDevice?: string | undefined;
}

export interface TreeRows {
  readonly lines: string[];
  readonly marks: Mark[];
  /** Links listed under the tree (a loop's extra link): the tree cannot draw them. */
  readonly listed: number;
}

interface Edge {
  readonly link: number;
  readonly mine: string;
  readonly other: TopoEnd;
}

interface TNode {
  readonly dev: TopoDevice;
  readonly depth: number;
  /** The link from the parent, with the parent's port (`up`) and this device's (`down`). */
  readonly entry?: { readonly link: number; readonly up: string; readonly down: string };
  readonly children: TNode[];
}

const RANK: Record<DeviceKind, number> = { router: 0, switch: 1, hub: 1, host: 2 };
/** Columns a nesting level moves right, as in tree(1). */
const INDENT = 2;
/** Between a device's name and its details. */
const NAME_GAP = '  ';

const len = (s: string) => [...s].length;

function adjacency(topo: Topology): { byName: Map<string, TopoDevice>; adj: Map<string, Edge[]> } {
  const byName = new Map<string, TopoDevice>();
  for (const d of topo.devices) if (!byName.has(d.name)) byName.set(d.name, d);
  const adj = new Map<string, Edge[]>();
  for (const name of byName.keys()) adj.set(name, []);
  topo.links.forEach((l, i) => {
    if (!byName.has(l.a.device) || !byName.has(l.b.device) || l.a.device === l.b.device) return;
    adj.get(l.a.device)!.push({ link: i, mine: l.a.port, other: l.b });
    adj.get(l.b.device)!.push({ link: i, mine: l.b.port, other: l.a });
  });
  return { byName, adj };
}

/** Breadth-first depths from `start` within its component. */
function depths(start: string, adj: Map<string, Edge[]>): Map<string, number> {
  const seen = new Map([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (const e of adj.get(u)!) {
      if (seen.has(e.other.device)) continue;
      seen.set(e.other.device, seen.get(u)! + 1);
      queue.push(e.other.device);
    }
  }
  return seen;
}

function buildTrees(topo: Topology): { roots: TNode[]; extras: number[] } {
  const { byName, adj } = adjacency(topo);
  const placed = new Set<string>();
  const used = new Set<number>();
  const roots: TNode[] = [];
  const all = [...byName.values()];
  for (;;) {
    const left = all.filter((d) => !placed.has(d.name));
    if (left.length === 0) break;
    // The component of the first device not yet drawn; its root: best kind, then least deep tree.
    const component = [...depths(left[0]!.name, adj).keys()].map((n) => byName.get(n)!);
    const bestRank = Math.min(...component.map((d) => RANK[d.kind]));
    let root = component[0]!;
    let rootDepth = Infinity;
    for (const d of component) {
      if (RANK[d.kind] !== bestRank) continue;
      const depth = Math.max(...depths(d.name, adj).values());
      if (depth < rootDepth) (root = d), (rootDepth = depth);
    }
    const top: TNode = { dev: root, depth: 0, children: [] };
    placed.add(root.name);
    roots.push(top);
    const queue = [top];
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (const e of adj.get(u.dev.name)!) {
        if (placed.has(e.other.device)) continue;
        placed.add(e.other.device);
        used.add(e.link);
        const v: TNode = { dev: byName.get(e.other.device)!, depth: u.depth + 1, entry: { link: e.link, up: e.mine, down: e.other.port }, children: [] };
        u.children.push(v);
        queue.push(v);
      }
    }
  }
  return { roots, extras: topo.links.map((_, i) => i).filter((i) => !used.has(i)) };
}

/** A row being built: characters by column, and the marks on it. */
class Row {
  readonly cells: string[] = [];
  readonly marks: Mark[] = [];
  put(col: number, s: string, kind?: Mark['kind']): void {
    const chars = [...s];
    while (this.cells.length < col) this.cells.push(' ');
    chars.forEach((ch, i) => (this.cells[col + i] = ch));
    if (kind && chars.length > 0) this.marks.push({ row: 0, col, length: chars.length, kind });
  }
  get text(): string {
    return this.cells.join('').trimEnd();
  }
}

/**
 * Draws the outline, or undefined when it does not fit `width` (a name or one detail item
 * wider than its row) or `maxHeight`.
 */
export function drawTree(topo: Topology, opts: TreeOptions, endText: (e: TopoEnd) => string): TreeRows | undefined {
  const { roots, extras } = buildTrees(topo);
  const rows: Row[] = [];
  /** `open[k]`: the ancestor at depth k+1 has siblings below it, so its guide runs on. */
  const emit = (n: TNode, open: boolean[], last: boolean): boolean => {
    const d = n.depth;
    const guides = (row: Row, upTo: number) => {
      for (let k = 0; k < upTo; k++) if (open[k]) row.put(k * INDENT, '│');
    };
    const first = new Row();
    guides(first, d - 1);
    let col = 0;
    if (n.entry) {
      const hi = n.entry.link === opts.highlightLink ? 'link' : undefined;
      const connector = `${last ? '└' : '├'}${n.entry.up}──${n.entry.down}`;
      first.put((d - 1) * INDENT, connector, hi);
      col = (d - 1) * INDENT + len(connector) + 1;
    }
    const selected = n.dev.name === opts.selectedDevice ? 'device' : undefined;
    first.put(col, n.dev.name, selected);
    const nameEnd = col + len(n.dev.name);
    if (nameEnd > opts.width) return false;
    // Details after the name, wrapped at ", " onto rows aligned under the first detail
    // (or under the name when that is too narrow).
    const items = (n.dev.lines ?? []).map((l) => l.trim()).filter((l) => l !== '');
    const detailCol = nameEnd + NAME_GAP.length;
    const widest = Math.max(0, ...items.map((s) => len(s) + 1));
    const contCol = detailCol + widest <= opts.width ? detailCol : Math.max(col, d * INDENT + 1);
    const childGuide = n.children.length > 0;
    let row = first;
    let at = detailCol;
    let empty = true;
    const rowsOfNode: Row[] = [first];
    items.forEach((item, i) => {
      const text = i < items.length - 1 ? `${item},` : item;
      const room = empty ? len(text) : 1 + len(text);
      if (at + room > opts.width && !(empty && row !== first)) {
        row = new Row();
        guides(row, d - 1);
        if (n.entry && !last) row.put((d - 1) * INDENT, '│');
        if (childGuide) row.put(d * INDENT, '│');
        rowsOfNode.push(row);
        at = contCol;
        empty = true;
      }
      if (!empty) at += 1;
      row.put(at, text, selected);
      at += len(text);
      empty = false;
    });
    for (const r of rowsOfNode) if (r.cells.length > opts.width) return false;
    rows.push(...rowsOfNode);
    const inner = [...open.slice(0, Math.max(0, d - 1)), ...(n.entry ? [!last] : [])];
    return n.children.every((c, i) => emit(c, inner, i === n.children.length - 1));
  };
  for (const r of roots) if (!emit(r, [], true)) return undefined;
  if (extras.length > 0) {
    const head = new Row();
    head.put(0, 'also linked:');
    rows.push(new Row(), head);
    for (const i of extras) {
      const l = topo.links[i]!;
      const row = new Row();
      row.put(0, `  ${endText(l.a)} ─ ${endText(l.b)}`, i === opts.highlightLink ? 'link' : undefined);
      if (row.cells.length > opts.width) return undefined;
      rows.push(row);
    }
  }
  if (opts.maxHeight !== undefined && rows.length > opts.maxHeight) return undefined;
  const lines = rows.map((r) => r.text);
  const marks = rows.flatMap((r, y) => r.marks.map((m) => ({ ...m, row: y, length: Math.min(m.length, Math.max(0, len(lines[y]!) - m.col)) })).filter((m) => m.length > 0));
  return { lines, marks, listed: extras.length };
}
