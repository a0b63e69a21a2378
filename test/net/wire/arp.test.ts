import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { mac } from '../../../src/net/address/mac';
import { decodeArp, encodeArp, type ArpPacket } from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { arpArb, fromHex } from './arbitraries';

// "192.168.1.1 is at 00:11:22:33:44:55", the reply to a request from 192.168.1.100.
const replyBytes = fromHex(`
  00 01  08 00  06  04  00 02
  00 11 22 33 44 55  c0 a8 01 01
  00 1a 2b 3c 4d 5e  c0 a8 01 64
`);
const reply: ArpPacket = {
  kind: 'arp',
  op: 'reply',
  senderMac: mac('00:11:22:33:44:55'),
  senderIp: ipv4('192.168.1.1'),
  targetMac: mac('00:1a:2b:3c:4d:5e'),
  targetIp: ipv4('192.168.1.100'),
};

describe('ARP (RFC 826)', () => {
  it('encodes the 28 bytes: htype 1, ptype 0x0800, hlen 6, plen 4, op, sender, target', () => {
    expect(unwrap(encodeArp(reply))).toStrictEqual(replyBytes);
  });

  it('decodes them', () => {
    expect(unwrap(decodeArp(replyBytes))).toStrictEqual(reply);
  });

  it('ignores what follows the 28 bytes (Ethernet padding)', () => {
    expect(unwrap(decodeArp(Uint8Array.from([...replyBytes, 0, 0, 0, 0])))).toStrictEqual(reply);
  });

  it.each([
    [0, 'hardware type (htype, byte 0) is 6', (b: Uint8Array) => (b[1] = 6)],
    [2, 'protocol type (ptype, byte 2) is 0x86dd', (b: Uint8Array) => ((b[2] = 0x86), (b[3] = 0xdd))],
    [4, 'hardware address length (hlen, byte 4) is 8', (b: Uint8Array) => (b[4] = 8)],
    [5, 'protocol address length (plen, byte 5) is 16', (b: Uint8Array) => (b[5] = 16)],
    [6, 'operation (op, byte 6) is 3', (b: Uint8Array) => (b[7] = 3)],
  ])('refuses a wrong field at byte %i, naming it', (offset, words, damage) => {
    const bytes = replyBytes.slice();
    damage(bytes);
    const r = decodeArp(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.layer).toBe('arp');
      expect(r.error.offset).toBe(offset);
      expect(r.error.message).toContain(words);
    }
  });

  it('says a short packet is truncated', () => {
    const r = decodeArp(replyBytes.subarray(0, 27));
    expect(!r.ok && r.error.message).toMatch(/28 bytes; only 27/);
  });

  it('refuses to encode an address out of range', () => {
    expect(encodeArp({ ...reply, senderIp: -1 as never }).ok).toBe(false);
    expect(encodeArp({ ...reply, targetMac: 1.5 as never }).ok).toBe(false);
  });

  it('round-trips every valid packet both ways', () => {
    fc.assert(
      fc.property(arpArb, (p) => {
        const bytes = unwrap(encodeArp(p));
        expect(bytes.length).toBe(28);
        expect(unwrap(decodeArp(bytes))).toStrictEqual(p);
        expect(unwrap(encodeArp(unwrap(decodeArp(bytes))))).toStrictEqual(bytes);
      }),
    );
  });
});
