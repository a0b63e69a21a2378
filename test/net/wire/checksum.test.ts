import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, expectedChecksum, internetChecksum, onesComplementSum, pseudoHeaderSum } from '../../../src/net/wire';
import { ipv4 } from '../../../src/net/address/ipv4';
import { fromHex, pseudoHeader, referenceChecksum } from './arbitraries';

describe('Internet checksum (RFC 1071)', () => {
  it('gives 0xb861 for the classic IPv4 header example', () => {
    // By hand: 4500 + 0073 + 0000 + 4000 + 4011 + 0000 + c0a8 + 0001 + c0a8 + 00c7 = 0x2479c;
    // fold the carry: 0x479c + 0x2 = 0x479e; complement: 0xb861.
    const header = fromHex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7');
    expect(internetChecksum(header)).toBe(0xb861);
  });

  it('sums to 0xffff over a message that carries its correct checksum (how receivers verify)', () => {
    const header = fromHex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
    expect(onesComplementSum(header)).toBe(0xffff);
    expect(internetChecksum(header)).toBe(0);
  });

  it('pads an odd final byte with a zero low half', () => {
    expect(internetChecksum(Uint8Array.of(0x12, 0x34, 0x56))).toBe(0xffff - (0x1234 + 0x5600));
  });

  it('works on a range of a larger buffer, and with a starting sum', () => {
    const buf = fromHex('ffff 0001 0002 ffff');
    expect(internetChecksum(buf, 2, 6)).toBe(0xffff - 3);
    expect(internetChecksum(buf, 2, 6, 0x10)).toBe(0xffff - 0x13);
  });

  it('matches the textbook reference on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        // 0 and 0xffff are the two ones' complement zeros; the reference only ever gives 0xffff for an all-zero sum.
        const ref = referenceChecksum(bytes);
        const got = internetChecksum(bytes);
        expect(got === ref || (got === 0 && ref === 0xffff) || (got === 0xffff && ref === 0)).toBe(true);
      }),
    );
  });

  it('expectedChecksum ignores whatever the checksum field holds', () => {
    const header = fromHex('4500 0073 0000 4000 4011 dead c0a8 0001 c0a8 00c7');
    expect(expectedChecksum(header, 0, 20, 10)).toBe(0xb861);
  });

  it('adds the pseudo-header: source, destination, zero, protocol, length', () => {
    const written = pseudoHeader('192.168.1.100', '8.8.8.8', 17, 37);
    const sum = pseudoHeaderSum(ipv4('192.168.1.100'), ipv4('8.8.8.8'), 17, 37);
    expect(onesComplementSum(new Uint8Array(0), 0, 0, sum)).toBe(onesComplementSum(written));
  });
});

describe('CRC-32 (the Ethernet FCS)', () => {
  it('has the standard check value 0xCBF43926 for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes and unsigned for all', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toBe(0xffffffff);
  });

  it('works on a range', () => {
    const text = new TextEncoder().encode('xx123456789yy');
    expect(crc32(text, 2, 11)).toBe(0xcbf43926);
  });
});
