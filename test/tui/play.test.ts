import { describe, expect, it } from 'vitest';
import { answerProblem, type Askable } from '../../src/tui/play';

const question = (q: Record<string, unknown>): Askable => ({ type: 'question', q: { id: 'q', ...q } } as unknown as Askable);
const prediction = (q: Record<string, unknown>): Askable => ({ type: 'prediction', q: { id: 'p', ...q } } as unknown as Askable);

describe('answer form, checked as typed (a malformed answer is never sent, so never counted wrong)', () => {
  it('an OSI layer: a number 1–7 or a name', () => {
    const a = question({ ask: 'osi-layer', of: 'http' });
    expect(answerProblem(a, '7')).toBeUndefined();
    expect(answerProblem(a, 'data link')).toBeUndefined();
    expect(answerProblem(a, '2physical')).toMatch(/layer number 1–7/);
    expect(answerProblem(a, '8')).toMatch(/layer number/);
  });

  it('a transport: tcp or udp', () => {
    const a = question({ ask: 'transport', for: 'dns' });
    expect(answerProblem(a, 'UDP')).toBeUndefined();
    expect(answerProblem(a, 'ip')).toBe('answer tcp or udp');
  });

  it('a TCP state: any of the eleven, spaces or underscores for the dashes', () => {
    const a = prediction({ ask: 'tcp-state', device: 'pc1', nth: 1 });
    expect(answerProblem(a, 'time wait')).toBeUndefined();
    expect(answerProblem(a, 'SYN_RECEIVED')).toBeUndefined();
    expect(answerProblem(a, 'SYN-ACKED')).toMatch(/a TCP state: CLOSED, LISTEN/);
  });

  it('an empty field has no problem yet (nothing is sent either)', () => {
    expect(answerProblem(question({ ask: 'osi-layer', of: 'http' }), '  ')).toBeUndefined();
  });
});

describe('the reveal after a prediction', () => {
  it('for a TCP segment shows the segments and states that led to it, not the ARP before them', async () => {
    const { loadLevelFile } = await import('../../src/levels/load');
    const { Session } = await import('../../src/verify/session');
    const { revealLines } = await import('../../src/tui/play');
    const loaded = loadLevelFile(new URL('../../levels/07-tcp/01-syn.yaml', import.meta.url).pathname);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const session = new Session(loaded.value);
    const segment = loaded.value.level.predictions.find((p) => p.ask === 'tcp-segment' && p.device === 'srv');
    expect(segment).toBeDefined();
    const lines = revealLines(segment!, session.scenarioTrace());
    expect(lines.at(-1)).toMatch(/\[SYN, ACK\] seq 5000 ack 1001/);
    expect(lines.join('\n')).not.toMatch(/ARP/);
  });
});

describe('a hex dump in a question', () => {
  const dump = '0000  ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01\n0010  08 00 06 04 00 01';
  it('is re-cut into whole rows that fit: 16 bytes when wide, 8 or 4 when narrow, with offsets', async () => {
    const { hexRows } = await import('../../src/tui/play');
    expect(hexRows(dump, 60)).toEqual(['0000  ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01', '0010  08 00 06 04 00 01']);
    const narrow = hexRows(dump, 38);
    expect(narrow[0]).toBe('0000  ff ff ff ff ff ff 02 00');
    expect(narrow[1]).toBe('0008  00 00 00 01 08 06 00 01');
    expect(narrow.every((r) => r.length <= 38)).toBe(true);
    expect(hexRows(dump, 20)[0]).toBe('0000  ff ff ff ff');
  });

  it('keeps the author’s text when it is not hex', async () => {
    const { hexRows } = await import('../../src/tui/play');
    expect(hexRows('not hex at all', 40)).toEqual(['not hex at all']);
  });
});
