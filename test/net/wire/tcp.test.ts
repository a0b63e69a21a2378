import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4 } from '../../../src/net/address/ipv4';
import { decodeTcp, encodeTcp, formatTcpFlags, tcpFlags, tcpLength, type TcpSegment } from '../../../src/net/wire';
import { unwrap } from '../../../src/net/result';
import { fromHex, ipArb, pseudoHeader, referenceChecksum, tcpArb } from './arbitraries';

// A SYN from 192.168.1.100:49152 to 93.184.216.34:80 with the usual options:
// MSS 1460, NOP, window scale 7, NOP, NOP, SACK permitted (12 bytes, so data offset 8 words).
const src = ipv4('192.168.1.100');
const dst = ipv4('93.184.216.34');
const synBytes = fromHex(`
  c000 0050  1a2b3c4d  00000000  8002 faf0  6570 0000
  020405b4  01030307  01010402
`);
const syn: TcpSegment = {
  kind: 'tcp',
  srcPort: 49152,
  dstPort: 80,
  seq: 0x1a2b3c4d,
  ack: 0,
  flags: tcpFlags({ syn: true }),
  window: 64240,
  urgentPointer: 0,
  options: fromHex('020405b4 01030307 01010402'),
  data: new Uint8Array(0),
};

/** Recomputes the checksum after a test changes a field, so that field is the only fault. */
function fixChecksum(bytes: Uint8Array): Uint8Array {
  bytes[16] = bytes[17] = 0;
  const sum = referenceChecksum(pseudoHeader('192.168.1.100', '93.184.216.34', 6, bytes.length), bytes);
  bytes[16] = sum >> 8;
  bytes[17] = sum & 0xff;
  return bytes;
}

describe('TCP header (RFC 9293 §3.1)', () => {
  it('checksums the pseudo-header (addresses, zero, 6, TCP length) and the segment', () => {
    const zeroed = synBytes.slice();
    zeroed[16] = zeroed[17] = 0;
    expect(referenceChecksum(pseudoHeader('192.168.1.100', '93.184.216.34', 6, 32), zeroed)).toBe(0x6570);
  });

  it('encodes a SYN with options', () => {
    expect(unwrap(encodeTcp(syn, src, dst))).toStrictEqual(synBytes);
  });

  it('decodes it', () => {
    expect(unwrap(decodeTcp(synBytes, src, dst))).toStrictEqual(syn);
  });

  it('keeps sequence numbers unsigned 32-bit', () => {
    const s = { ...syn, seq: 0xffffffff, ack: 0x80000000, flags: tcpFlags({ ack: true }) };
    expect(unwrap(decodeTcp(unwrap(encodeTcp(s, src, dst)), src, dst))).toMatchObject({ seq: 4294967295, ack: 2147483648 });
    expect(encodeTcp({ ...syn, seq: -1 }, src, dst).ok).toBe(false);
    expect(encodeTcp({ ...syn, seq: 2 ** 32 }, src, dst).ok).toBe(false);
  });

  it('puts the eight flags in byte 13, CWR high to FIN low', () => {
    const all = tcpFlags({ cwr: true, ece: true, urg: true, ack: true, psh: true, rst: true, syn: true, fin: true });
    expect(unwrap(encodeTcp({ ...syn, flags: all }, src, dst))[13]).toBe(0xff);
    expect(unwrap(encodeTcp({ ...syn, flags: tcpFlags({ psh: true, ack: true }) }, src, dst))[13]).toBe(0x18);
  });

  it('ignores the reserved bits on receipt, as RFC 9293 asks', () => {
    const bytes = synBytes.slice();
    bytes[12] |= 0x0f;
    expect(unwrap(decodeTcp(fixChecksum(bytes), src, dst))).toStrictEqual(syn);
  });

  it('refuses options that are not a multiple of 4 or over 40 bytes', () => {
    expect(encodeTcp({ ...syn, options: new Uint8Array(5) }, src, dst).ok).toBe(false);
    expect(encodeTcp({ ...syn, options: new Uint8Array(44) }, src, dst).ok).toBe(false);
    expect(encodeTcp({ ...syn, options: new Uint8Array(40) }, src, dst).ok).toBe(true);
  });

  it('refuses a port over 65535 and a window over 16 bits', () => {
    expect(encodeTcp({ ...syn, srcPort: 65536 }, src, dst).ok).toBe(false);
    expect(encodeTcp({ ...syn, window: 65536 }, src, dst)).toMatchObject({ ok: false, error: expect.stringMatching(/window scale/) });
  });

  it('reports a bad checksum at its offset with both values', () => {
    const bytes = synBytes.slice();
    bytes[17] = 0x71;
    expect(decodeTcp(bytes, src, dst)).toEqual({
      ok: false,
      error: {
        layer: 'tcp',
        offset: 16,
        message:
          'the TCP checksum is 0x6571 but the segment and its pseudo-header (IP addresses, protocol, length) add up to 0x6570: it was damaged or misdelivered',
      },
    });
  });

  it('refuses a data offset under 5 words or past the end', () => {
    const small = synBytes.slice();
    small[12] = 0x40;
    expect(decodeTcp(fixChecksum(small), src, dst)).toMatchObject({ ok: false, error: { offset: 12, message: expect.stringMatching(/at least 5 words/) } });
    const big = synBytes.slice();
    big[12] = 0xf0;
    expect(decodeTcp(fixChecksum(big), src, dst)).toMatchObject({ ok: false, error: { offset: 12, message: expect.stringMatching(/truncated/) } });
  });
});

describe('flags', () => {
  it('tcpFlags defaults every flag to false', () => {
    expect(tcpFlags()).toEqual({ cwr: false, ece: false, urg: false, ack: false, psh: false, rst: false, syn: false, fin: false });
    expect(tcpFlags({ rst: true }).rst).toBe(true);
  });

  it('formats them in a fixed order, low bit first as Wireshark does', () => {
    expect(formatTcpFlags(tcpFlags({ ack: true, syn: true }))).toBe('SYN, ACK');
    expect(formatTcpFlags(tcpFlags({ ack: true, fin: true, psh: true }))).toBe('FIN, PSH, ACK');
    expect(formatTcpFlags(tcpFlags({ rst: true }))).toBe('RST');
    expect(formatTcpFlags(tcpFlags())).toBe('none');
    const all = tcpFlags({ cwr: true, ece: true, urg: true, ack: true, psh: true, rst: true, syn: true, fin: true });
    expect(formatTcpFlags(all)).toBe('FIN, SYN, RST, PSH, ACK, URG, ECE, CWR');
  });
});

describe('properties', () => {
  it('round-trips every valid segment, both ways', () => {
    fc.assert(
      fc.property(tcpArb, ipArb, ipArb, (s, a, b) => {
        const bytes = unwrap(encodeTcp(s, a, b));
        expect(bytes.length).toBe(tcpLength(s));
        expect(unwrap(decodeTcp(bytes, a, b))).toStrictEqual(s);
        expect(unwrap(encodeTcp(unwrap(decodeTcp(bytes, a, b)), a, b))).toStrictEqual(bytes);
      }),
    );
  });

  it('detects any single-bit error by the checksum, even in the data offset', () => {
    fc.assert(
      fc.property(tcpArb, ipArb, ipArb, fc.nat(), (s, a, b, n) => {
        const bytes = unwrap(encodeTcp(s, a, b));
        const bit = n % (bytes.length * 8);
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const r = decodeTcp(bytes, a, b);
        expect(!r.ok && r.error.message).toContain('checksum');
      }),
    );
  });
});
