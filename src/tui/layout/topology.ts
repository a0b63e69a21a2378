/**
 * Draws a level's topology as box-drawing text, laid out automatically. Plain TS, no React:
 * the screens render the returned lines, colouring the returned marks.
 *
 * Layout: a spanning forest by breadth-first search from the routers (else switches/hubs,
 * else anything), so routers sit on the top row, their switches below, hosts below those.
 * Each device's children hang below it either side by side on a bus ("wide") or stacked on
 * a trunk ("stacked"); nodes are stacked deepest first until the drawing fits the width.
 * Links between consecutive top-row devices (router chains) are drawn as horizontal lines
 * (or down the right-hand side when the top row has to be stacked); the links a tree cannot
 * show (loops, a second cable) are listed under the drawing.
 * When no boxes fit, the compact tree outline of ./tree.ts (one row per device); when not even
 * that fits, a plain list ("pc1:eth0 ─ sw1:p1") is returned: never wider than asked.
 *
 * Port labels: on a bus, the upper device's port is written right after its junction and the
 * lower device's port in the lower box's top border, each next to the end it names.
 */

import { drawTree } from './tree';

export type DeviceKind = 'host' | 'router' | 'switch' | 'hub';

export interface TopoDevice {
  readonly name: string;
  readonly kind: DeviceKind;
  /** Lines under the name: a host's address, a router's interfaces. Single-width text. */
  readonly lines?: readonly string[];
}

export interface TopoEnd {
  readonly device: string;
  readonly port: string;
}

export interface TopoLink {
  readonly a: TopoEnd;
  readonly b: TopoEnd;
}

export interface Topology {
  readonly devices: readonly TopoDevice[];
  readonly links: readonly TopoLink[];
}

export interface DrawOptions {
  /** Columns available; no line is ever longer. */
  readonly width: number;
  /** Rows available; a taller drawing falls back to the list, which is cut with "… n more". */
  readonly maxHeight?: number;
  /** ASCII only (TERM=dumb). */
  readonly ascii?: boolean;
  /** Index into `links` of the link to highlight (the current frame's). */
  readonly highlightLink?: number;
  /** Name of the selected device. */
  readonly selectedDevice?: string;
}

/** A run of cells to colour (columns count characters, which are all single-width): `kind` says why. */
export interface Mark {
  readonly row: number;
  readonly col: number;
  readonly length: number;
  readonly kind: 'link' | 'device';
}

export type Drawing =
  | { readonly mode: 'diagram'; readonly style: 'boxes' | 'tree'; readonly lines: readonly string[]; readonly marks: readonly Mark[] }
  | { readonly mode: 'list'; readonly style: 'list'; readonly lines: readonly string[]; readonly marks: readonly Mark[] };

/** The index of the link plugged into `device:port`, for `highlightLink`. */
export function findLink(topo: Topology, device: string, port: string): number | undefined {
  const i = topo.links.findIndex((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
  return i < 0 ? undefined : i;
}

// ---- the spanning forest ---------------------------------------------------------------

interface Child {
  readonly node: Node;
  readonly link: number;
  /** Port on the parent's side. */
  readonly up: string;
  /** Port on the child's side. */
  readonly down: string;
}

interface Node {
  readonly dev: TopoDevice;
  readonly depth: number;
  readonly children: Child[];
}

interface Forest {
  readonly roots: Node[];
  /** Links between consecutive roots, drawn as horizontal lines: key = index of the left root. */
  readonly rootLinks: Map<number, { link: number; left: string; right: string }>;
  /** Links the tree does not draw. */
  readonly extras: number[];
}

const KIND_RANK: Record<DeviceKind, number> = { router: 0, switch: 1, hub: 1, host: 2 };

function buildForest(topo: Topology, fromEnds: boolean): Forest {
  const byName = new Map<string, TopoDevice>();
  for (const d of topo.devices) if (!byName.has(d.name)) byName.set(d.name, d);
  const adj = new Map<string, { link: number; mine: string; other: TopoEnd }[]>();
  for (const name of byName.keys()) adj.set(name, []);
  const usable: boolean[] = topo.links.map((l) => byName.has(l.a.device) && byName.has(l.b.device) && l.a.device !== l.b.device);
  topo.links.forEach((l, i) => {
    if (!usable[i]) return;
    adj.get(l.a.device)!.push({ link: i, mine: l.a.port, other: l.b });
    adj.get(l.b.device)!.push({ link: i, mine: l.b.port, other: l.a });
  });

  const nodes = new Map<string, Node>();
  const used = new Set<number>();
  const roots: Node[] = [];
  const bfs = (starts: TopoDevice[]) => {
    const queue: Node[] = [];
    for (const d of starts) {
      const n: Node = { dev: d, depth: 0, children: [] };
      nodes.set(d.name, n);
      roots.push(n);
      queue.push(n);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (const e of adj.get(u.dev.name)!) {
        if (nodes.has(e.other.device)) continue;
        const v: Node = { dev: byName.get(e.other.device)!, depth: u.depth + 1, children: [] };
        nodes.set(v.dev.name, v);
        used.add(e.link);
        u.children.push({ node: v, link: e.link, up: e.mine, down: e.other.port });
        queue.push(v);
      }
    }
  };
  const all = [...byName.values()];
  bfs(all.filter((d) => d.kind === 'router'));
  // Components without a router: start from their most central-looking device.
  for (;;) {
    const left = all.filter((d) => !nodes.has(d.name));
    if (left.length === 0) break;
    const best = left.reduce((a, b) => (KIND_RANK[b.kind] < KIND_RANK[a.kind] || (KIND_RANK[b.kind] === KIND_RANK[a.kind] && adj.get(b.name)!.length > adj.get(a.name)!.length) ? b : a));
    bfs([best]);
  }

  // Order the roots so that linked ones (a chain of routers) sit next to each other.
  const rootNames = new Set(roots.map((r) => r.dev.name));
  const ordered: Node[] = [];
  const placed = new Set<string>();
  const walk = (r: Node) => {
    placed.add(r.dev.name);
    ordered.push(r);
    for (const e of adj.get(r.dev.name)!) {
      if (rootNames.has(e.other.device) && !placed.has(e.other.device)) walk(nodes.get(e.other.device)!);
    }
  };
  // Start each group of linked roots at an end, so a chain (or two arms of a star) is walked
  // in one line rather than from its middle.
  const rootNeighbours = (name: string) => new Set(adj.get(name)!.filter((e) => rootNames.has(e.other.device)).map((e) => e.other.device));
  const group = (r: Node): Node[] => {
    const seen = new Set([r.dev.name]);
    const queue = [r.dev.name];
    for (let i = 0; i < queue.length; i++) for (const n of rootNeighbours(queue[i]!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
    return roots.filter((x) => seen.has(x.dev.name));
  };
  for (const r of roots) {
    if (placed.has(r.dev.name)) continue;
    const members = group(r);
    walk((fromEnds ? members.find((m) => rootNeighbours(m.dev.name).size <= 1) : undefined) ?? r);
  }

  const rootLinks = new Map<number, { link: number; left: string; right: string }>();
  for (let i = 0; i + 1 < ordered.length; i++) {
    const a = ordered[i]!.dev.name;
    const b = ordered[i + 1]!.dev.name;
    const e = adj.get(a)!.find((x) => x.other.device === b && !used.has(x.link));
    if (e) {
      used.add(e.link);
      rootLinks.set(i, { link: e.link, left: e.mine, right: e.other.port });
    }
  }
  const extras = topo.links.map((_, i) => i).filter((i) => !used.has(i));
  return { roots: ordered, rootLinks, extras };
}

// ---- measuring -------------------------------------------------------------------------

const ROOT_GAP = 3;

interface Size {
  readonly w: number;
  readonly h: number;
}

interface Plan {
  /** Nodes whose children are stacked rather than side by side. */
  readonly stacked: ReadonlySet<Node>;
  /** Whether the roots are stacked (one under the other) rather than side by side. */
  readonly rootsStacked: boolean;
  /** Tight: no padding inside boxes and one column between siblings, before stacking. */
  readonly tight: boolean;
}

const gapOf = (plan: Plan) => (plan.tight ? 1 : 2);

function len(s: string): number {
  return [...s].length;
}

function boxSize(n: Node, entryLabel: string | undefined, plan: Plan): Size {
  const content = [n.dev.name, ...(n.dev.lines ?? [])];
  const inner = Math.max(...content.map(len));
  // "┌─┴label─┐" needs room for the label in the top border.
  const w = Math.max(inner + (plan.tight ? 2 : 4), entryLabel !== undefined ? len(entryLabel) + 5 : 0);
  return { w, h: content.length + 2 };
}

function branchWidth(n: Node): { up: number; down: number } {
  return { up: Math.max(0, ...n.children.map((c) => len(c.up))), down: Math.max(0, ...n.children.map((c) => len(c.down))) };
}

/** Width a child needs on a bus: its block, and its upper label after its junction. */
function slotWidth(c: Child, block: Size): number {
  return Math.max(block.w, 3 + len(c.up));
}

function measure(n: Node, entryLabel: string | undefined, plan: Plan, memo: Map<Node, Size>): Size {
  const box = boxSize(n, entryLabel, plan);
  if (n.children.length === 0) return box;
  let size: Size;
  if (plan.stacked.has(n)) {
    const b = branchWidth(n);
    const offset = 2 + 1 + b.up + 2 + b.down;
    let w = box.w;
    let h = box.h;
    for (const c of n.children) {
      const s = measure(c.node, undefined, plan, memo);
      w = Math.max(w, offset + s.w);
      h += s.h;
    }
    size = { w, h };
  } else {
    let w = 0;
    let ch = 0;
    n.children.forEach((c, i) => {
      const s = measure(c.node, c.down, plan, memo);
      w += slotWidth(c, s) + (i > 0 ? gapOf(plan) : 0);
      ch = Math.max(ch, s.h);
    });
    size = { w: Math.max(box.w, w), h: box.h + 1 + ch };
  }
  memo.set(n, size);
  return size;
}

interface RootPlacement {
  readonly x: number;
  readonly y: number;
}

function placeRoots(f: Forest, plan: Plan, memo: Map<Node, Size>): { at: RootPlacement[]; w: number; h: number } {
  const at: RootPlacement[] = [];
  let w = 0;
  let h = 0;
  if (plan.rootsStacked) {
    f.roots.forEach((r, i) => {
      const s = measure(r, undefined, plan, memo);
      if (i > 0) h += 1;
      at.push({ x: 0, y: h });
      h += s.h;
      w = Math.max(w, s.w);
    });
    return { at, w, h };
  }
  f.roots.forEach((r, i) => {
    const s = measure(r, undefined, plan, memo);
    if (i > 0) {
      const prev = f.roots[i - 1]!;
      const link = f.rootLinks.get(i - 1);
      let gap = ROOT_GAP;
      if (link) {
        // The line runs from the previous box's right border, past the rest of its block.
        const prevBox = boxSize(prev, undefined, plan).w;
        const run = w - (at[i - 1]!.x + prevBox);
        gap = Math.max(gap, len(link.left) + len(link.right) + 2 - run);
      }
      w += gap;
    }
    at.push({ x: w, y: 0 });
    w += s.w;
    h = Math.max(h, s.h);
  });
  return { at, w, h };
}

// ---- drawing ---------------------------------------------------------------------------

const NONE = 0;
const DEVICE = 1;
const LINK = 2;

class Grid {
  readonly chars: string[][];
  readonly style: number[][];
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.chars = Array.from({ length: h }, () => Array<string>(w).fill(' '));
    this.style = Array.from({ length: h }, () => Array<number>(w).fill(NONE));
  }
  put(y: number, x: number, ch: string, mark: boolean): void {
    if (y < 0 || y >= this.h || x < 0 || x >= this.w) return;
    this.chars[y]![x] = ch;
    if (mark) this.style[y]![x] = LINK;
  }
  text(y: number, x: number, s: string, mark: boolean): void {
    [...s].forEach((ch, i) => this.put(y, x + i, ch, mark));
  }
  restyle(y: number, x: number, length: number, style: number): void {
    for (let c = x; c < x + length; c++) if (y >= 0 && y < this.h && c >= 0 && c < this.w) this.style[y]![c] = style;
  }
  markBox(y: number, x: number, w: number, h: number): void {
    for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) if (this.style[r]?.[c] === NONE) this.style[r]![c] = DEVICE;
  }
}

interface Ctx {
  readonly grid: Grid;
  readonly plan: Plan;
  readonly memo: Map<Node, Size>;
  readonly opts: DrawOptions;
}

function drawBox(ctx: Ctx, n: Node, x: number, y: number, entryLabel: string | undefined, entryMarked: boolean): Size {
  const { grid } = ctx;
  const { w, h } = boxSize(n, entryLabel, ctx.plan);
  grid.text(y, x, `┌${'─'.repeat(w - 2)}┐`, false);
  for (let r = 1; r < h - 1; r++) {
    grid.put(y + r, x, '│', false);
    grid.put(y + r, x + w - 1, '│', false);
  }
  grid.text(y + h - 1, x, `└${'─'.repeat(w - 2)}┘`, false);
  [n.dev.name, ...(n.dev.lines ?? [])].forEach((line, i) => grid.text(y + 1 + i, x + (ctx.plan.tight ? 1 : 2), line, false));
  if (n.children.length > 0) grid.put(y + h - 1, x + 2, '┬', false);
  if (entryLabel !== undefined) {
    grid.put(y, x + 2, '┴', entryMarked);
    grid.text(y, x + 3, entryLabel, entryMarked);
  }
  if (ctx.opts.selectedDevice === n.dev.name) grid.markBox(y, x, w, h);
  return { w, h };
}

function drawNode(ctx: Ctx, n: Node, x: number, y: number, entryLabel: string | undefined, entryMarked: boolean): void {
  const { grid, opts } = ctx;
  const box = drawBox(ctx, n, x, y, entryLabel, entryMarked);
  if (n.children.length === 0) return;
  const stub = x + 2;
  const hi = (c: Child) => c.link === opts.highlightLink;
  if (ctx.plan.stacked.has(n)) {
    const b = branchWidth(n);
    const cx = x + 2 + 1 + b.up + 2 + b.down;
    let cy = y + box.h;
    const entries: number[] = [];
    for (const c of n.children) {
      entries.push(cy + 1);
      drawNode(ctx, c.node, cx, cy, undefined, false);
      cy += ctx.memo.get(c.node)?.h ?? boxSize(c.node, undefined, ctx.plan).h;
    }
    const last = entries[entries.length - 1]!;
    const hiIdx = n.children.findIndex(hi);
    const hiRow = hiIdx >= 0 ? entries[hiIdx]! : -1;
    if (hiIdx >= 0) grid.put(y + box.h - 1, stub, '┬', true);
    for (let r = y + box.h; r < last; r++) grid.put(r, stub, '│', r < hiRow);
    n.children.forEach((c, i) => {
      const row = entries[i]!;
      const m = hi(c);
      grid.put(row, stub, i === n.children.length - 1 ? '└' : '├', m);
      grid.text(row, stub + 1, c.up, m);
      const downAt = cx - len(c.down);
      for (let col = stub + 1 + len(c.up); col < downAt; col++) grid.put(row, col, '─', m);
      grid.text(row, downAt, c.down, m);
      grid.put(row, cx, '┤', m);
    });
    return;
  }
  // One row between the parent and its children: the bus, with each child's upper port
  // label right after its junction, next to the end it names.
  const bus = y + box.h;
  let cx = x;
  const drops: number[] = [];
  n.children.forEach((c, i) => {
    const s = ctx.memo.get(c.node) ?? boxSize(c.node, c.down, ctx.plan);
    if (i > 0) cx += gapOf(ctx.plan);
    drops.push(cx + 2);
    drawNode(ctx, c.node, cx, bus + 1, c.down, hi(c));
    cx += slotWidth(c, s);
  });
  const lastDrop = drops[drops.length - 1]!;
  const hiIdx = n.children.findIndex(hi);
  const hiTo = hiIdx >= 0 ? drops[hiIdx]! : -1;
  if (hiIdx >= 0) grid.put(bus - 1, stub, '┬', true);
  for (let col = stub; col <= lastDrop; col++) {
    let ch = '─';
    if (n.children.length === 1) ch = '│';
    else if (col === stub) ch = '├';
    else if (col === lastDrop) ch = '┐';
    else if (drops.includes(col)) ch = '┬';
    grid.put(bus, col, ch, col <= hiTo);
  }
  // Labels go over the line; the highlighted child's is marked, the others on its way are not.
  n.children.forEach((c, i) => {
    grid.text(bus, drops[i]! + 1, c.up, false);
    if (hiIdx >= 0) grid.restyle(bus, drops[i]! + 1, len(c.up), i === hiIdx ? LINK : NONE);
  });
}

/** A link between consecutive stacked roots: out of the upper box's right side, down, into the lower's. */
interface SideLink {
  readonly link: number;
  readonly upper: number;
  readonly outRow: number;
  readonly inRow: number;
  readonly left: string;
  readonly right: string;
}

/**
 * When the roots are stacked, their links run down a column right of everything. A link
 * leaves from its upper box's last inner row and enters the lower box's first inner row,
 * so consecutive links share the column without touching; a box with one inner row cannot
 * take both, and that link is listed instead.
 */
function sideLinks(f: Forest, plan: Plan, at: readonly RootPlacement[], memo: Map<Node, Size>): { links: SideLink[]; listed: number[]; col: number } {
  const links: SideLink[] = [];
  const listed: number[] = [];
  const entered = new Set<number>();
  let col = 0;
  for (const [i, l] of [...f.rootLinks].sort((a, b) => a[0] - b[0])) {
    const upper = boxSize(f.roots[i]!, undefined, plan);
    const lower = boxSize(f.roots[i + 1]!, undefined, plan);
    const outRow = at[i]!.y + upper.h - 2;
    if (entered.has(i) && outRow === at[i]!.y + 1) {
      listed.push(l.link);
      continue;
    }
    entered.add(i + 1);
    links.push({ link: l.link, upper: i, outRow, inRow: at[i + 1]!.y + 1, left: l.left, right: l.right });
    const block = memo.get(f.roots[i]!) ?? upper;
    col = Math.max(col, block.w + 1, upper.w + len(l.left) + 1, lower.w + len(l.right) + 1);
  }
  return { links, listed, col };
}

/** A box drawing and how many links it could only list under itself. */
interface Boxed {
  readonly drawing: Drawing;
  readonly listed: number;
}

function drawDiagram(topo: Topology, f: Forest, plan: Plan, opts: DrawOptions): Boxed | undefined {
  const memo = new Map<Node, Size>();
  const placed = placeRoots(f, plan, memo);
  const { at, h } = placed;
  let w = placed.w;
  const side = plan.rootsStacked ? sideLinks(f, plan, at, memo) : { links: [], listed: [], col: 0 };
  if (side.links.length > 0) w = Math.max(w, side.col + 1);
  const extras = [...f.extras, ...side.listed].sort((a, b) => a - b);
  // Listed links are cut to the width rather than forcing the list view.
  const extraLines = extras.map((i) => clip(`  ${endText(topo.links[i]!.a)} ─ ${endText(topo.links[i]!.b)}`, opts.width));
  const extraBlock = extraLines.length > 0 ? ['', 'also linked:', ...extraLines] : [];
  const width = Math.max(w, ...extraBlock.map(len));
  const height = h + extraBlock.length;
  if (width > opts.width || (opts.maxHeight !== undefined && height > opts.maxHeight)) return undefined;

  const grid = new Grid(width, height);
  const ctx: Ctx = { grid, plan, memo, opts };
  f.roots.forEach((r, i) => drawNode(ctx, r, at[i]!.x, at[i]!.y, undefined, false));
  if (!plan.rootsStacked) {
    for (const [i, link] of f.rootLinks) {
      const left = f.roots[i]!;
      const from = at[i]!.x + boxSize(left, undefined, plan).w - 1;
      const to = at[i + 1]!.x;
      const m = link.link === opts.highlightLink;
      grid.put(1, from, '├', m);
      grid.text(1, from + 1, link.left, m);
      for (let c = from + 1 + len(link.left); c < to - len(link.right); c++) grid.put(1, c, '─', m);
      grid.text(1, to - len(link.right), link.right, m);
      grid.put(1, to, '┤', m);
    }
  }
  for (const l of side.links) {
    const m = l.link === opts.highlightLink;
    const arm = (row: number, root: number, label: string, corner: string) => {
      const border = boxSize(f.roots[root]!, undefined, plan).w - 1;
      grid.put(row, border, '├', m);
      grid.text(row, border + 1, label, m);
      for (let c = border + 1 + len(label); c < side.col; c++) grid.put(row, c, '─', m);
      grid.put(row, side.col, corner, m);
    };
    arm(l.outRow, l.upper, l.left, '┐');
    for (let r = l.outRow + 1; r < l.inRow; r++) grid.put(r, side.col, '│', m);
    arm(l.inRow, l.upper + 1, l.right, '┘');
  }
  extraBlock.forEach((line, i) => {
    const isHi = i >= 2 && extras[i - 2] === opts.highlightLink;
    grid.text(h + i, 0, line, isHi);
  });
  return { drawing: finish(grid, opts), listed: extras.length };
}

function finish(grid: Grid, opts: DrawOptions): Drawing {
  const lines: string[] = [];
  const marks: Mark[] = [];
  grid.chars.forEach((row, y) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === ' ') end--;
    const text = row.slice(0, end).join('');
    lines.push(opts.ascii ? toAscii(text) : text);
    const styles = grid.style[y]!;
    let x = 0;
    while (x < end) {
      const s = styles[x]!;
      let e = x + 1;
      while (e < end && styles[e] === s) e++;
      if (s !== NONE) marks.push({ row: y, col: x, length: e - x, kind: s === LINK ? 'link' : 'device' });
      x = e;
    }
  });
  return { lines, mode: 'diagram', style: 'boxes', marks };
}

const ASCII: Record<string, string> = { '─': '-', '│': '|', '┌': '+', '┐': '+', '└': '+', '┘': '+', '├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+', '…': '~' };

export function toAscii(s: string): string {
  return s.replace(/[─│┌┐└┘├┤┬┴┼…]/g, (c) => ASCII[c]!);
}

// ---- the list fallback -----------------------------------------------------------------

function endText(e: TopoEnd): string {
  return `${e.device}:${e.port}`;
}

function clip(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('')}…`;
}

function drawList(topo: Topology, opts: DrawOptions): Drawing {
  const nameW = Math.min(Math.max(0, ...topo.devices.map((d) => len(d.name))), Math.max(1, Math.floor(opts.width / 2)));
  const rows: { text: string; kind?: Mark['kind'] }[] = [];
  // Wrapped details line up under the first, or further left when that leaves them no room.
  const widest = Math.max(0, ...topo.devices.flatMap((d) => (d.lines ?? []).map((l) => len(l.trim()) + 1)));
  const indent = Math.max(2, Math.min(nameW + 10, opts.width - widest));
  for (const d of topo.devices) {
    // Details wrap at ", " onto indented rows rather than being cut off.
    const head = `${d.name.padEnd(nameW)}  ${d.kind.padEnd(6)}`;
    const items = (d.lines ?? []).map((l) => l.trim()).filter((l) => l !== '');
    let text = head;
    const mark = (t: string) => rows.push(d.name === opts.selectedDevice ? { text: t.trimEnd(), kind: 'device' } : { text: t.trimEnd() });
    items.forEach((item, i) => {
      const piece = i < items.length - 1 ? `${item},` : item;
      const fresh = text.trim() === '';
      if (!fresh && len(text) + (i === 0 ? 2 : 1) + len(piece) > opts.width) {
        mark(text);
        text = ' '.repeat(indent) + piece;
      } else text += (fresh ? '' : i === 0 ? '  ' : ' ') + piece;
    });
    mark(text);
  }
  if (topo.links.length > 0) rows.push({ text: 'links:' });
  topo.links.forEach((l, i) => {
    const text = `  ${endText(l.a)} ─ ${endText(l.b)}`;
    rows.push(i === opts.highlightLink ? { text, kind: 'link' } : { text });
  });
  let shown = rows;
  if (opts.maxHeight !== undefined && rows.length > opts.maxHeight) {
    const keep = Math.max(0, opts.maxHeight - 1);
    shown = [...rows.slice(0, keep), { text: `… ${rows.length - keep} more` }];
  }
  const lines: string[] = [];
  const marks: Mark[] = [];
  shown.forEach((r, y) => {
    const text = clip(r.text, opts.width);
    lines.push(opts.ascii ? toAscii(text) : text);
    if (r.kind && text.length > 0) marks.push({ row: y, col: 0, length: len(text), kind: r.kind });
  });
  return { lines, mode: 'list', style: 'list', marks };
}

const MAX_DRAWN_DEVICES = 100;

/** Most readable first: side by side, the same but tight, then stacking rows of children. */
function drawForest(topo: Topology, forest: Forest, rootsStacked: boolean, opts: DrawOptions): Boxed | undefined {
  const all: Node[] = [];
  const visit = (n: Node) => {
    all.push(n);
    n.children.forEach((c) => visit(c.node));
  };
  forest.roots.forEach(visit);
  const maxDepth = Math.max(...all.map((n) => n.depth));
  // Stacking steps, deepest first: a switch's row of hosts is what usually overflows.
  const steps: Set<Node>[] = [new Set()];
  for (let d = maxDepth; d >= 0; d--) {
    const added = all.filter((n) => n.depth === d && n.children.length >= 2);
    if (added.length > 0) steps.push(new Set([...steps[steps.length - 1]!, ...added]));
  }
  const plans: Plan[] = [
    { stacked: steps[0]!, rootsStacked, tight: false },
    { stacked: steps[0]!, rootsStacked, tight: true },
    ...steps.slice(1).map((stacked) => ({ stacked, rootsStacked, tight: false })),
  ];
  for (const plan of plans) {
    const drawing = drawDiagram(topo, forest, plan, opts);
    if (drawing) return drawing;
  }
  return undefined;
}

// ---- entry point -----------------------------------------------------------------------

/**
 * Lays out and draws the topology within `opts.width` columns (and `maxHeight` rows if
 * given): side by side where there is room, stacking where there is not, a list otherwise.
 */
export function drawTopology(topo: Topology, opts: DrawOptions): Drawing {
  if (topo.devices.length === 0) return { lines: [], mode: 'list', style: 'list', marks: [] };
  // No screen shows a drawing of hundreds of boxes; the list also keeps recursion shallow.
  if (topo.devices.length > MAX_DRAWN_DEVICES) return drawList(topo, opts);
  // Roots walked from a chain's end draw the most links in a row; in input order they may
  // draw fewer (the rest listed) but in less width, so that is tried before stacking them.
  const byEnds = buildForest(topo, true);
  const byInput = buildForest(topo, false);
  const sameOrder = byEnds.roots.every((r, i) => r.dev.name === byInput.roots[i]!.dev.name);
  const attempts: [Forest, boolean][] = [[byEnds, false], ...(sameOrder ? [] : [[byInput, false] as [Forest, boolean]]), [byEnds, true]];
  // The first that fits wins, unless it has to list a link a later attempt draws.
  let boxes: Boxed | undefined;
  for (const [forest, rootsStacked] of attempts) {
    if (rootsStacked && forest.roots.length < 2) continue;
    const next = drawForest(topo, forest, rootsStacked, opts);
    if (next && next.listed === 0) return next.drawing;
    boxes ??= next;
  }
  const tree = drawTree(topo, { width: opts.width, maxHeight: opts.maxHeight, highlightLink: opts.highlightLink, selectedDevice: opts.selectedDevice }, endText);
  // Boxes that can only list a link the tree draws as a line (a router star too wide for a
  // row of boxes) lose to the tree: the link may be the very one the level is about.
  if (tree && (!boxes || tree.listed < boxes.listed)) return { mode: 'diagram', style: 'tree', lines: opts.ascii ? tree.lines.map(toAscii) : tree.lines, marks: tree.marks };
  return boxes ? boxes.drawing : drawList(topo, opts);
}
