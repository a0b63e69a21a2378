import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTopology, findLink, type DeviceKind, type Topology } from '../../src/tui/layout/topology';
import { topologyFromLevel } from '../../src/tui/layout/from-level';

/** The two-subnet office of test/fixtures/levels/configure-gateway.yaml. */
const office = topologyFromLevel({
  devices: [
    { name: 'pc1', kind: 'host', address: '192.168.1.10/24' },
    { name: 'pc2', kind: 'host', address: '10.0.0.20/24', gateway: '10.0.0.1' },
    { name: 'sw1', kind: 'switch' },
    { name: 'sw2', kind: 'switch' },
    { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '192.168.1.1/24' }, { name: 'eth1', address: '10.0.0.1/24' }] },
  ],
  links: [
    ['pc1:eth0', 'sw1:p1'],
    ['r1:eth0', 'sw1:p4'],
    ['r1:eth1', 'sw2:p4'],
    ['pc2:eth0', 'sw2:p1'],
  ],
});

const lan = topologyFromLevel({
  devices: [{ name: 'sw1', kind: 'switch' }, ...[1, 2, 3, 4].map((i) => ({ name: `pc${i}`, kind: 'host' as const, address: `10.0.0.${i}/24` }))],
  links: [1, 2, 3, 4].map((i) => [`pc${i}:eth0`, `sw1:p${i}`] as const),
});

const show = (lines: readonly string[]) => `\n${lines.join('\n')}\n`;

describe('topology drawing', () => {
  it('draws the two-subnet office within 80×24, router on top, hosts under their switch', () => {
    const d = drawTopology(office, { width: 80, maxHeight: 20 });
    expect(d.mode).toBe('diagram');
    expect(show(d.lines)).toMatchInlineSnapshot(`
      "
      ┌─────────────────────┐
      │ r1                  │
      │ eth0 192.168.1.1/24 │
      │ eth1 10.0.0.1/24    │
      └─┬───────────────────┘
        ├eth0────────────────┐eth1
      ┌─┴p4─┐              ┌─┴p4─┐
      │ sw1 │              │ sw2 │
      └─┬───┘              └─┬───┘
        │p1                  │p1
      ┌─┴eth0───────────┐  ┌─┴eth0────────┐
      │ pc1             │  │ pc2          │
      │ 192.168.1.10/24 │  │ 10.0.0.20/24 │
      └─────────────────┘  │ gw 10.0.0.1  │
                           └──────────────┘
      "
    `);
  });

  it('draws a LAN of four hosts on a switch side by side', () => {
    const d = drawTopology(lan, { width: 80, maxHeight: 20 });
    expect(show(d.lines)).toMatchInlineSnapshot(`
      "
      ┌─────┐
      │ sw1 │
      └─┬───┘
        ├p1──────────────┬p2──────────────┬p3──────────────┐p4
      ┌─┴eth0───────┐  ┌─┴eth0───────┐  ┌─┴eth0───────┐  ┌─┴eth0───────┐
      │ pc1         │  │ pc2         │  │ pc3         │  │ pc4         │
      │ 10.0.0.1/24 │  │ 10.0.0.2/24 │  │ 10.0.0.3/24 │  │ 10.0.0.4/24 │
      └─────────────┘  └─────────────┘  └─────────────┘  └─────────────┘
      "
    `);
  });

  it('stacks the hosts when the row does not fit, and falls back to a list when not even the tree does', () => {
    const stacked = drawTopology(lan, { width: 40 });
    expect(stacked.mode).toBe('diagram');
    expect(show(stacked.lines.slice(0, 8))).toMatchInlineSnapshot(`
      "
      ┌─────┐
      │ sw1 │
      └─┬───┘
        │        ┌─────────────┐
        ├p1──eth0┤ pc1         │
        │        │ 10.0.0.1/24 │
        │        └─────────────┘
        │        ┌─────────────┐
      "
    `);
    const list = drawTopology(lan, { width: 12 });
    expect(list.mode).toBe('list');
    expect(list.lines).toContain('  pc1:eth0 …');
    expect(list.lines.slice(0, 3)).toEqual(['sw1  switch', 'pc1  host', '  10.0.0.1/…']);
    expect(list.lines.every((l) => [...l].length <= 12)).toBe(true);
    const short = drawTopology(lan, { width: 24, maxHeight: 4 });
    expect(short.lines).toHaveLength(4);
    expect(short.lines[3]).toBe('… 7 more');
  });

  it('draws a router chain on one row, with the link between them labelled at both ends', () => {
    const chain = topologyFromLevel({
      devices: [
        { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }, { name: 'eth1', address: '172.16.1.1/30' }] },
        { name: 'r2', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.1.2/30' }] },
      ],
      links: [['r1:eth1', 'r2:eth0']],
    });
    const d = drawTopology(chain, { width: 80 });
    expect(d.lines[1]).toMatch(/│ r1 +├eth1─+eth0┤ r2 +│/);
  });

  it('goes tight (no box padding, one-column gaps) before stacking a row that almost fits', () => {
    const wide = topologyFromLevel({
      devices: [{ name: 'hub1', kind: 'hub' }, ...[1, 2, 3, 4].map((i) => ({ name: `pc${i}`, kind: 'host' as const, address: `192.168.1.${i}0/24` }))],
      links: [1, 2, 3, 4].map((i) => [`pc${i}:eth0`, `hub1:p${i}`] as const),
    });
    const d = drawTopology(wide, { width: 78 });
    expect(d.lines).toHaveLength(8);
    expect(d.lines[5]).toBe('│pc1            │ │pc2            │ │pc3            │ │pc4            │');
  });

  it('when the routers do not fit side by side, stacks them with their links down the right', () => {
    const three = topologyFromLevel({
      devices: [
        { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '192.168.10.1/24' }, { name: 'eth1', address: '10.0.12.1/30' }] },
        { name: 'r2', kind: 'router', interfaces: [{ name: 'eth0', address: '10.0.12.2/30' }, { name: 'eth1', address: '10.0.23.1/30' }] },
        { name: 'r3', kind: 'router', interfaces: [{ name: 'eth0', address: '10.0.23.2/30' }, { name: 'eth1', address: '192.168.30.1/24' }] },
      ],
      links: [
        ['r1:eth1', 'r2:eth0'],
        ['r2:eth1', 'r3:eth0'],
      ],
    });
    expect(drawTopology(three, { width: 100 }).lines[1]).toMatch(/r1 .*├eth1──eth0┤ r2 .*├eth1──eth0┤ r3/);
    const d = drawTopology(three, { width: 40 });
    expect(show(d.lines)).toMatchInlineSnapshot(`
      "
      ┌──────────────────────┐
      │ r1                   │
      │ eth0 192.168.10.1/24 │
      │ eth1 10.0.12.1/30    ├eth1─┐
      └──────────────────────┘     │
                                   │
      ┌───────────────────┐        │
      │ r2                ├eth0────┘
      │ eth0 10.0.12.2/30 │
      │ eth1 10.0.23.1/30 ├eth1────┐
      └───────────────────┘        │
                                   │
      ┌──────────────────────┐     │
      │ r3                   ├eth0─┘
      │ eth0 10.0.23.2/30    │
      │ eth1 192.168.30.1/24 │
      └──────────────────────┘
      "
    `);
  });

  it('marks the highlighted link and the selected device', () => {
    const link = findLink(office, 'pc2', 'eth0')!;
    const d = drawTopology(office, { width: 80, highlightLink: link, selectedDevice: 'sw1' });
    const cells = (kind: string) => d.marks.filter((m) => m.kind === kind).map((m) => [...d.lines[m.row]!].slice(m.col, m.col + m.length).join(''));
    expect(cells('link')).toEqual(['┬', '│p1', '┴eth0']);
    expect(cells('device')).toEqual(['┌─┴p4─┐', '│ sw1 │', '└─┬───┘']);
  });

  it('lists links a tree cannot show (a loop) under the drawing, and uses ASCII for TERM=dumb', () => {
    const loop: Topology = {
      devices: [
        { name: 'sw1', kind: 'switch' },
        { name: 'sw2', kind: 'switch' },
        { name: 'sw3', kind: 'switch' },
      ],
      links: [
        { a: { device: 'sw1', port: 'p1' }, b: { device: 'sw2', port: 'p1' } },
        { a: { device: 'sw2', port: 'p2' }, b: { device: 'sw3', port: 'p1' } },
        { a: { device: 'sw3', port: 'p2' }, b: { device: 'sw1', port: 'p2' } },
      ],
    };
    const d = drawTopology(loop, { width: 80, ascii: true, highlightLink: 1 });
    expect(d.lines.slice(-2)).toEqual(['also linked:', '  sw2:p2 - sw3:p1']);
    expect(d.lines.join('')).toMatch(/^[\x20-\x7e]*$/);
    expect(d.marks.at(-1)).toEqual({ row: d.lines.length - 1, col: 0, length: 17, kind: 'link' });
  });
});

/** Four routers, a star with a chain in it (the campaign's hop-by-hop level). */
const routers = topologyFromLevel({
  devices: [
    { name: 'a', kind: 'host', address: '10.1.0.10/24', gateway: '10.1.0.1' },
    { name: 'b', kind: 'host', address: '10.3.0.20/24', gateway: '10.3.0.1' },
    { name: 'c', kind: 'host', address: '10.4.0.30/24', gateway: '10.4.0.1' },
    { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '10.1.0.1/24' }, { name: 'eth1', address: '172.16.0.1/30' }, { name: 'eth2', address: '172.16.0.5/30' }] },
    { name: 'r2', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.0.2/30' }, { name: 'eth1', address: '172.16.0.9/30' }] },
    { name: 'r3', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.0.10/30' }, { name: 'eth1', address: '10.3.0.1/24' }] },
    { name: 'r4', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.0.6/30' }, { name: 'eth1', address: '10.4.0.1/24' }] },
  ],
  links: [
    ['a:eth0', 'r1:eth0'],
    ['r1:eth1', 'r2:eth0'],
    ['r1:eth2', 'r4:eth0'],
    ['r2:eth1', 'r3:eth0'],
    ['r3:eth1', 'b:eth0'],
    ['r4:eth1', 'c:eth0'],
  ],
});

describe('topology drawing, the compact tree', () => {
  it('draws four routers in the 80×8 an 80×24 level screen gives the network, rooted at the most central router', () => {
    const d = drawTopology(routers, { width: 80, maxHeight: 8 });
    expect(d.style).toBe('tree');
    expect(show(d.lines)).toMatchInlineSnapshot(`
      "
      r1  eth0 10.1.0.1/24, eth1 172.16.0.1/30, eth2 172.16.0.5/30
      ├eth0──eth0 a  10.1.0.10/24, gw 10.1.0.1
      ├eth1──eth0 r2  eth0 172.16.0.2/30, eth1 172.16.0.9/30
      │ └eth1──eth0 r3  eth0 172.16.0.10/30, eth1 10.3.0.1/24
      │   └eth1──eth0 b  10.3.0.20/24, gw 10.3.0.1
      └eth2──eth0 r4  eth0 172.16.0.6/30, eth1 10.4.0.1/24
        └eth1──eth0 c  10.4.0.30/24, gw 10.4.0.1
      "
    `);
  });

  it('wraps a device\'s details under its name when the width is short, guides running past them', () => {
    const d = drawTopology(office, { width: 40, maxHeight: 11 });
    expect(d.style).toBe('tree');
    expect(show(d.lines)).toMatchInlineSnapshot(`
      "
      r1  eth0 192.168.1.1/24,
      │   eth1 10.0.0.1/24
      ├eth0──p4 sw1
      │ └p1──eth0 pc1  192.168.1.10/24
      └eth1──p4 sw2
        └p1──eth0 pc2  10.0.0.20/24,
                       gw 10.0.0.1
      "
    `);
  });

  it('uses the room it is given: boxes when they fit, the tree only when they do not', () => {
    expect(drawTopology(routers, { width: 160, maxHeight: 30 }).style).toBe('boxes');
    expect(drawTopology(routers, { width: 80, maxHeight: 8 }).style).toBe('tree');
    expect(drawTopology(routers, { width: 30, maxHeight: 8 }).style).toBe('list');
  });

  it('marks the highlighted link\'s connector and the selected device, also in the tree', () => {
    const d = drawTopology(routers, { width: 80, maxHeight: 8, highlightLink: findLink(routers, 'r3', 'eth0')!, selectedDevice: 'c' });
    const cells = (kind: string) => d.marks.filter((m) => m.kind === kind).map((m) => [...d.lines[m.row]!].slice(m.col, m.col + m.length).join(''));
    expect(cells('link')).toEqual(['└eth1──eth0']);
    expect(cells('device')).toEqual(['c', '10.4.0.30/24,', 'gw 10.4.0.1']);
  });

  it('prefers the tree to boxes that could only list a link (a star of routers too wide for a row of boxes)', () => {
    const star = topologyFromLevel({
      devices: [
        { name: 'pc1', kind: 'host', address: '10.1.0.10/24', gateway: '10.1.0.1' },
        { name: 'srv', kind: 'host', address: '10.2.0.80/24', gateway: '10.2.0.1' },
        { name: 'r1', kind: 'router', interfaces: [{ name: 'eth0', address: '10.1.0.1/24' }, { name: 'eth1', address: '172.16.0.1/30' }, { name: 'eth2', address: '172.16.0.5/30' }] },
        { name: 'r2', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.0.2/30' }, { name: 'eth1', address: '10.2.0.1/24' }] },
        { name: 'r3', kind: 'router', interfaces: [{ name: 'eth0', address: '172.16.0.6/30' }] },
      ],
      links: [
        ['pc1:eth0', 'r1:eth0'],
        ['r1:eth1', 'r2:eth0'],
        ['r2:eth1', 'srv:eth0'],
        ['r1:eth2', 'r3:eth0'],
      ],
    });
    const narrow = drawTopology(star, { width: 78, maxHeight: 23 });
    expect(narrow.style).toBe('tree');
    expect(narrow.lines.join('\n')).not.toContain('also linked');
    expect(narrow.lines).toContain('└eth2──eth0 r3  eth0 172.16.0.6/30');
    // With room for r2, r1 and r3 in a row, both of r1's router links are lines between boxes.
    const wide = drawTopology(star, { width: 90, maxHeight: 23 });
    expect(wide.style).toBe('boxes');
    expect(wide.lines[1]).toMatch(/r2 +├eth0──eth1┤ r1 +├eth2──eth0┤ r3/);
  });

  it('lists a loop\'s extra link under the tree, in ASCII for TERM=dumb', () => {
    const ring = topologyFromLevel({
      devices: [1, 2, 3].map((i) => ({ name: `r${i}`, kind: 'router' as const, interfaces: [{ name: 'eth0', address: `10.0.${i}.1/30` }, { name: 'eth1', address: `10.0.${i}.5/30` }] })),
      links: [
        ['r1:eth1', 'r2:eth0'],
        ['r2:eth1', 'r3:eth0'],
        ['r3:eth1', 'r1:eth0'],
      ],
    });
    const d = drawTopology(ring, { width: 44, maxHeight: 9, ascii: true });
    expect(d.style).toBe('tree');
    expect(d.lines.join('')).toMatch(/^[\x20-\x7e]*$/);
    expect(d.lines.slice(-2)).toEqual(['also linked:', '  r2:eth1 - r3:eth0']);
  });
});

// ---- properties ------------------------------------------------------------------------

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const port = fc.stringMatching(/^[a-z0-9/]{1,8}$/);
const line = fc.stringMatching(/^[a-z0-9./ ]{0,24}$/);
const kind = fc.constantFrom<DeviceKind>('host', 'router', 'switch', 'hub');

/** A random tree (or forest, with `extra` links making loops) of up to 12 devices. */
const topology = (extraLinks: boolean) =>
  fc
    .uniqueArray(name, { minLength: 1, maxLength: 12 })
    .chain((names) =>
      fc.record({
        devices: fc.tuple(...names.map((n) => fc.record({ name: fc.constant(n), kind, lines: fc.array(line, { maxLength: 3 }) }))),
        parents: fc.tuple(...names.map((_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 })))),
        ports: fc.array(fc.tuple(port, port), { minLength: names.length, maxLength: names.length }),
        extra: extraLinks ? fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(names.length - 1), port, port), { maxLength: 4 }) : fc.constant([]),
      }),
    )
    .map(({ devices, parents, ports, extra }): Topology => {
      const links = parents.flatMap((p, i) => (p < 0 ? [] : [{ a: { device: devices[p]!.name, port: ports[i]![0] }, b: { device: devices[i]!.name, port: ports[i]![1] } }]));
      for (const [a, b, pa, pb] of extra) links.push({ a: { device: devices[a]!.name, port: pa }, b: { device: devices[b]!.name, port: pb } });
      return { devices, links };
    });

describe('topology drawing, any small network', () => {
  it('never writes a line wider than the width, and shows every device name', () => {
    fc.assert(
      fc.property(topology(false), fc.integer({ min: 20, max: 200 }), fc.boolean(), (topo, width, ascii) => {
        const d = drawTopology(topo, { width, ascii });
        for (const l of d.lines) expect([...l].length).toBeLessThanOrEqual(width);
        const text = d.lines.join('\n');
        for (const dev of topo.devices) expect(text).toContain(dev.name);
      }),
      { numRuns: 300 },
    );
  });

  it('with loops, stray links and a height limit: within width and height, marks on the drawing', () => {
    fc.assert(
      fc.property(topology(true), fc.integer({ min: 20, max: 160 }), fc.integer({ min: 1, max: 40 }), fc.nat(20), (topo, width, maxHeight, hl) => {
        const d = drawTopology(topo, { width, maxHeight, highlightLink: hl, selectedDevice: topo.devices[0]!.name });
        expect(d.lines.length).toBeLessThanOrEqual(maxHeight);
        for (const l of d.lines) expect([...l].length).toBeLessThanOrEqual(width);
        for (const m of d.marks) expect(m.col + m.length).toBeLessThanOrEqual([...d.lines[m.row]!].length);
      }),
      { numRuns: 300 },
    );
  });

  it('a drawn diagram shows every link: port labels beside lines, or in the list of extra links', () => {
    fc.assert(
      fc.property(topology(true), (topo) => {
        const d = drawTopology(topo, { width: 400 });
        if (d.mode !== 'diagram') return;
        const text = d.lines.join('\n');
        for (const l of topo.links) {
          if (l.a.device === l.b.device) continue;
          expect(text).toContain(l.a.port);
          expect(text).toContain(l.b.port);
        }
      }),
      { numRuns: 200 },
    );
  });
});
