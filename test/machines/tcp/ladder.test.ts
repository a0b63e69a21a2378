import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderLadder, segmentLabel, type LadderOptions, type LadderStep } from '../../../src/machines/tcp/ladder';
import { TCP_FLAGS, TCP_STATES, segment } from '../../../src/machines/tcp/types';

const draw = (steps: readonly LadderStep[], opts?: LadderOptions): string => renderLadder(steps, opts).join('\n');
const cp = (s: string): number => Array.from(s).length;

const handshake: LadderStep[] = [
  { from: 'left', segment: segment(['SYN'], 1000, 0), leftState: 'SYN-SENT', rightState: 'SYN-RECEIVED' },
  { from: 'right', segment: segment(['SYN', 'ACK'], 5000, 1001), leftState: 'ESTABLISHED', rightState: 'SYN-RECEIVED' },
  { from: 'left', segment: segment(['ACK'], 1001, 5001), leftState: 'ESTABLISHED', rightState: 'ESTABLISHED' },
];

const dataTransfer: LadderStep[] = [
  { from: 'left', segment: segment(['PSH', 'ACK'], 1001, 5001, 100) },
  { from: 'right', segment: segment(['ACK'], 5001, 1101) },
  { from: 'right', segment: segment(['PSH', 'ACK'], 5001, 1101, 1460) },
  { from: 'left', segment: segment(['ACK'], 1101, 6461) },
];

const teardown: LadderStep[] = [
  { from: 'left', segment: segment(['FIN', 'ACK'], 1101, 5001), leftState: 'FIN-WAIT-1', rightState: 'CLOSE-WAIT' },
  { from: 'right', segment: segment(['ACK'], 5001, 1102), leftState: 'FIN-WAIT-2', rightState: 'CLOSE-WAIT' },
  { from: 'right', segment: segment(['FIN', 'ACK'], 5001, 1102), leftState: 'TIME-WAIT', rightState: 'LAST-ACK' },
  { from: 'left', segment: segment(['ACK'], 1102, 5002), leftState: 'TIME-WAIT', rightState: 'CLOSED' },
];

/** The two FINs cross in flight; a ladder draws them one after the other. */
const simultaneousClose: LadderStep[] = [
  { from: 'left', segment: segment(['FIN', 'ACK'], 1101, 5001), leftState: 'FIN-WAIT-1' },
  { from: 'right', segment: segment(['FIN', 'ACK'], 5001, 1101), leftState: 'CLOSING', rightState: 'CLOSING' },
  { from: 'left', segment: segment(['ACK'], 1102, 5002), rightState: 'TIME-WAIT' },
  { from: 'right', segment: segment(['ACK'], 5002, 1102), leftState: 'TIME-WAIT' },
];

/** A SYN to a port nobody listens on. */
const refused: LadderStep[] = [
  { from: 'left', segment: segment(['SYN'], 1000, 0), leftState: 'SYN-SENT' },
  { from: 'right', segment: segment(['RST', 'ACK'], 0, 1001), leftState: 'CLOSED' },
];

const lostSyn: LadderStep[] = [
  { from: 'left', segment: segment(['SYN'], 1000, 0), leftState: 'SYN-SENT', lost: true },
  { from: 'left', segment: segment(['SYN'], 1000, 0), rightState: 'SYN-RECEIVED' },
  { from: 'right', segment: segment(['SYN', 'ACK'], 5000, 1001), leftState: 'ESTABLISHED', lost: true },
];

describe('segmentLabel', () => {
  it('shows flags in tcpdump order, ack only with ACK, len only when non-zero', () => {
    expect(segmentLabel(segment(['SYN'], 1000, 0))).toBe('SYN seq=1000');
    expect(segmentLabel(segment(['ACK', 'SYN'], 5000, 1001))).toBe('SYN,ACK seq=5000 ack=1001');
    expect(segmentLabel(segment(['ACK'], 1001, 5001))).toBe('ACK seq=1001 ack=5001');
    expect(segmentLabel(segment(['PSH', 'ACK'], 1001, 5001, 100))).toBe('PSH,ACK seq=1001 ack=5001 len=100');
    expect(segmentLabel(segment(['FIN', 'ACK'], 1101, 5001))).toBe('FIN,ACK seq=1101 ack=5001');
    expect(segmentLabel(segment(['RST', 'ACK'], 0, 1001))).toBe('RST,ACK seq=0 ack=1001');
    expect(segmentLabel(segment(['RST'], 1001, 0))).toBe('RST seq=1001');
  });

  it('hides a stale ack number when ACK is off', () => {
    expect(segmentLabel({ flags: ['FIN'], seq: 7, ack: 99, len: 0, window: 0 })).toBe('FIN seq=7');
  });
});

describe('renderLadder', () => {
  it('draws the three-way handshake', () => {
    expect(draw(handshake, { initialLeft: 'CLOSED', initialRight: 'LISTEN' })).toMatchInlineSnapshot(`
      "           client                                       server
            CLOSED │                                            │ LISTEN
                   │                SYN seq=1000                │
          SYN-SENT │───────────────────────────────────────────▶│ SYN-RECEIVED
                   │         SYN,ACK seq=5000 ack=1001          │
       ESTABLISHED │◀───────────────────────────────────────────│
                   │           ACK seq=1001 ack=5001            │
                   │───────────────────────────────────────────▶│ ESTABLISHED"
    `);
  });

  it('draws data transfer with acknowledgements', () => {
    expect(draw(dataTransfer, { initialLeft: 'ESTABLISHED', initialRight: 'ESTABLISHED' })).toMatchInlineSnapshot(`
      "           client                                       server
       ESTABLISHED │                                            │ ESTABLISHED
                   │     PSH,ACK seq=1001 ack=5001 len=100      │
                   │───────────────────────────────────────────▶│
                   │           ACK seq=5001 ack=1101            │
                   │◀───────────────────────────────────────────│
                   │     PSH,ACK seq=5001 ack=1101 len=1460     │
                   │◀───────────────────────────────────────────│
                   │           ACK seq=1101 ack=6461            │
                   │───────────────────────────────────────────▶│"
    `);
  });

  it('draws the four-way teardown, the second segment a pure ACK', () => {
    expect(draw(teardown, { initialLeft: 'ESTABLISHED', initialRight: 'ESTABLISHED' })).toMatchInlineSnapshot(`
      "           client                                       server
       ESTABLISHED │                                            │ ESTABLISHED
                   │         FIN,ACK seq=1101 ack=5001          │
        FIN-WAIT-1 │───────────────────────────────────────────▶│ CLOSE-WAIT
                   │           ACK seq=5001 ack=1102            │
        FIN-WAIT-2 │◀───────────────────────────────────────────│
                   │         FIN,ACK seq=5001 ack=1102          │
         TIME-WAIT │◀───────────────────────────────────────────│ LAST-ACK
                   │           ACK seq=1102 ack=5002            │
                   │───────────────────────────────────────────▶│ CLOSED"
    `);
  });

  it('draws a simultaneous close', () => {
    expect(draw(simultaneousClose, { initialLeft: 'ESTABLISHED', initialRight: 'ESTABLISHED' })).toMatchInlineSnapshot(`
      "           client                                       server
       ESTABLISHED │                                            │ ESTABLISHED
                   │         FIN,ACK seq=1101 ack=5001          │
        FIN-WAIT-1 │───────────────────────────────────────────▶│
                   │         FIN,ACK seq=5001 ack=1101          │
           CLOSING │◀───────────────────────────────────────────│ CLOSING
                   │           ACK seq=1102 ack=5002            │
                   │───────────────────────────────────────────▶│ TIME-WAIT
                   │           ACK seq=5002 ack=1102            │
         TIME-WAIT │◀───────────────────────────────────────────│"
    `);
  });

  it('draws a reset answering a SYN', () => {
    expect(draw(refused, { initialLeft: 'CLOSED', initialRight: 'CLOSED' })).toMatchInlineSnapshot(`
      "           client                                       server
            CLOSED │                                            │ CLOSED
                   │                SYN seq=1000                │
          SYN-SENT │───────────────────────────────────────────▶│
                   │           RST,ACK seq=0 ack=1001           │
            CLOSED │◀───────────────────────────────────────────│"
    `);
  });

  it('draws lost segments with an ✗ short of the far side', () => {
    expect(draw(lostSyn, { initialLeft: 'CLOSED', initialRight: 'LISTEN', width: 60 })).toMatchInlineSnapshot(`
      "           client                           server
            CLOSED │                                │ LISTEN
                   │          SYN seq=1000          │
          SYN-SENT │───────────────────────✗        │
                   │          SYN seq=1000          │
                   │───────────────────────────────▶│ SYN-RECEIVED
                   │   SYN,ACK seq=5000 ack=1001    │
       ESTABLISHED │        ✗───────────────────────│"
    `);
  });

  it('draws with ASCII only for dumb terminals, truncating with ...', () => {
    expect(
      draw([...handshake, { from: 'right', segment: segment(['PSH', 'ACK'], 5001, 1001, 512), lost: true }], {
        ascii: true,
        width: 40,
        leftName: 'laptop',
        rightName: 'web',
        initialLeft: 'CLOSED',
        initialRight: 'LISTEN',
      }),
    ).toMatchInlineSnapshot(`
      "           laptop        web
            CLOSED |            | LISTEN
                   |SYN seq=1000|
          SYN-SENT |----------->| SYN-RECEIVED
                   |SYN,ACK s...|
       ESTABLISHED |<-----------|
                   |ACK seq=1...|
                   |----------->| ESTABLISHED
                   |PSH,ACK s...|
                   |   x--------|"
    `);
  });

  it('keeps names in their halves and truncates long ones', () => {
    expect(
      draw([], { width: 40, leftName: 'a-very-long-client-hostname', rightName: 'x' }),
    ).toMatchInlineSnapshot(`
      "a-very-long-client…       x
                   │            │"
    `);
  });

  it('uses 72 columns by default and never fewer than 40', () => {
    const steps = [{ from: 'left', segment: segment(['SYN'], 1, 0), rightState: 'SYN-RECEIVED' }] as const;
    expect(Math.max(...renderLadder(steps).map(cp))).toBe(72);
    expect(Math.max(...renderLadder(steps, { width: 10 }).map(cp))).toBe(40);
    expect(Math.max(...renderLadder(steps, { width: Number.NaN }).map(cp))).toBe(72);
  });

  it('shows a state only on the row where it changes', () => {
    const lines = renderLadder(handshake, { initialLeft: 'CLOSED', initialRight: 'LISTEN' });
    expect(lines.filter((l) => l.includes('SYN-RECEIVED'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('ESTABLISHED'))).toHaveLength(2);
  });

  const longest: LadderStep[] = [
    { from: 'left', segment: segment([...TCP_FLAGS], 0xffffffff, 0xffffffff, 65535), leftState: 'SYN-RECEIVED', rightState: 'SYN-RECEIVED' },
    { from: 'right', segment: segment([...TCP_FLAGS], 0xffffffff, 0xffffffff, 65535), leftState: 'ESTABLISHED', rightState: 'ESTABLISHED', lost: true },
  ];

  for (const width of [40, 60, 72, 100]) {
    it(`fits every line in ${width} columns`, () => {
      for (const ascii of [false, true]) {
        const lines = renderLadder(longest, { width, ascii, leftName: 'x'.repeat(200), rightName: 'y'.repeat(200), initialLeft: 'CLOSE-WAIT', initialRight: 'CLOSE-WAIT' });
        for (const line of lines) expect(cp(line)).toBeLessThanOrEqual(width);
        for (const s of ['SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT']) expect(lines.join('\n').split(s).length - 1).toBe(2);
      }
    });
  }

  it('ASCII mode prints only printable ASCII', () => {
    for (const steps of [handshake, dataTransfer, teardown, simultaneousClose, refused, lostSyn, longest]) {
      const text = renderLadder(steps, { ascii: true, width: 40, leftName: 'clïent→', rightName: 'sërver\t🙂', initialLeft: 'CLOSED' }).join('\n');
      expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });
});

describe('renderLadder properties', () => {
  const arbState = fc.option(fc.constantFrom(...TCP_STATES), { nil: undefined });
  const arbStep: fc.Arbitrary<LadderStep> = fc.record({
    from: fc.constantFrom('left' as const, 'right' as const),
    segment: fc
      .record({
        flags: fc.subarray([...TCP_FLAGS]),
        seq: fc.nat({ max: 0xffffffff }),
        ack: fc.nat({ max: 0xffffffff }),
        len: fc.oneof(fc.constant(0), fc.nat({ max: 65535 })),
      })
      .map(({ flags, seq, ack, len }) => segment(flags, seq, ack, len)),
    leftState: arbState,
    rightState: arbState,
    lost: fc.boolean(),
  });
  const arbWidth = fc.oneof(fc.constantFrom(40, 60, 72, 80, 100), fc.integer({ min: 0, max: 200 }));
  const arbOpts = fc.record({
    width: arbWidth,
    ascii: fc.boolean(),
    leftName: fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
    rightName: fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
    initialLeft: arbState,
    initialRight: arbState,
  });

  it('fits the width, leaves no trailing spaces, and shows every label, states and arrow', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 12 }), arbOpts, (steps, opts) => {
        const width = Math.max(40, opts.width);
        const lines = renderLadder(steps, opts);
        const bar = opts.ascii ? '|' : '│';
        const ellipsis = opts.ascii ? '...' : '…';
        expect(lines).toHaveLength(2 + 2 * steps.length);
        for (const line of lines) {
          expect(cp(line)).toBeLessThanOrEqual(width);
          expect(line).toBe(line.trimEnd());
          if (opts.ascii) expect(line).toMatch(/^[\x20-\x7e]*$/);
        }
        let left = opts.initialLeft;
        let right = opts.initialRight;
        steps.forEach((step, i) => {
          const labelRow = lines[2 + 2 * i]!;
          const arrowRow = lines[3 + 2 * i]!;
          const label = segmentLabel(step.segment);
          const shown = labelRow.split(bar)[1]!.trim();
          if (shown !== label) {
            expect(shown.endsWith(ellipsis)).toBe(true);
            expect(label.startsWith(shown.slice(0, -ellipsis.length))).toBe(true);
          }
          const head = opts.ascii ? (step.lost ? 'x' : step.from === 'left' ? '>' : '<') : step.lost ? '✗' : step.from === 'left' ? '▶' : '◀';
          expect(arrowRow.split(bar)[1]!.split(head)).toHaveLength(2);
          const [beforeLeft, , afterRight] = arrowRow.split(bar);
          if (step.leftState !== undefined && step.leftState !== left) expect(beforeLeft!.trim()).toBe(step.leftState);
          else expect(beforeLeft!.trim()).toBe('');
          if (step.rightState !== undefined && step.rightState !== right) expect(afterRight!.trim()).toBe(step.rightState);
          else expect((afterRight ?? '').trim()).toBe('');
          left = step.leftState ?? left;
          right = step.rightState ?? right;
        });
      }),
      { numRuns: 300 },
    );
  });
});
