import { describe, expect, it } from 'vitest';
import { parseScript } from '../../../src/machines/tcp/script';

const refusal = (text: string, file = 'play.yaml') => {
  const r = parseScript(text, file);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('TCP playground scripts', () => {
  it('accepts JSON and YAML alike', () => {
    const json = parseScript('{"iss": 1000, "events": [{"type": "app", "call": "connect"}]}', 'a.json');
    const yaml = parseScript('iss: 1000\nevents:\n  - { type: app, call: connect }\n', 'a.yaml');
    expect(json).toEqual(yaml);
    expect(json.ok && json.value.events).toEqual([{ type: 'app', call: 'connect' }]);
  });

  it('fills in a segment’s len and window when they are left out', () => {
    const r = parseScript('iss: 1\nevents:\n  - { type: segment, flags: [SYN], seq: 5 }\n', 'x.yaml');
    expect(r.ok && r.value.events[0]).toEqual({ type: 'segment', flags: ['SYN'], seq: 5, len: 0, window: 65535 });
  });

  it('names the event and points at the line and column of a bad value', () => {
    const e = refusal('iss: 1000\nevents:\n  - { type: app, call: connect }\n  - { type: segment, flags: [SYN, BOGUS], seq: 1 }\n');
    expect(e).toMatchObject({ file: 'play.yaml', line: 4 });
    expect(e.message).toMatch(/^events\[1\]\.flags\[1\]/);
  });

  it('requires ack exactly when the ACK flag is set', () => {
    const missing = refusal('iss: 1\nevents:\n  - { type: segment, flags: [SYN, ACK], seq: 5 }\n');
    expect(missing.message).toMatch(/events\[0\].*ACK flag is set/);
    const extra = refusal('iss: 1\nevents:\n  - { type: segment, flags: [SYN], seq: 5, ack: 9 }\n');
    expect(extra.message).toMatch(/events\[0\]\.ack.*not set/);
    expect(extra).toMatchObject({ line: 3 });
  });

  it('refuses unknown fields instead of ignoring a typo', () => {
    expect(refusal('iss: 1\nevents:\n  - { type: app, call: connect, lenght: 5 }\n').message).toMatch(/lenght/);
  });

  it('refuses sequence numbers outside 32 bits, and send without a length', () => {
    expect(refusal('iss: 4294967296\nevents: []\n').message).toMatch(/^iss/);
    expect(refusal('iss: 1\nevents:\n  - { type: app, call: send }\n').message).toMatch(/events\[0\]\.len: send needs/);
  });

  it('reports YAML syntax errors with their position, and never throws on junk', () => {
    expect(refusal('iss: [1, 2\n')).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    for (const junk of ['', '\u0000\u0001binary', '- a\n- b', 'iss: 1\nevents: 5', '{{{{']) expect(parseScript(junk, 'j').ok).toBe(false);
  });

  it('does not let an alias bomb expand', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    const e = refusal(bomb);
    expect(e.message).toMatch(/alias/i);
  });
});
