import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hexdump } from '../../../src/net/wire';
import { fromHex } from './arbitraries';

describe('hexdump', () => {
  it('prints offset, 16 bytes in two groups of 8, and the printable ASCII, like `hexdump -C`', () => {
    expect(hexdump(fromHex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7'))).toBe(
      [
        '00000000  45 00 00 73 00 00 40 00  40 11 b8 61 c0 a8 00 01  |E..s..@.@..a....|',
        '00000010  c0 a8 00 c7                                       |....|',
      ].join('\n'),
    );
  });

  it('shows bytes outside 0x20–0x7e as dots', () => {
    expect(hexdump(new TextEncoder().encode('Hello, netquest!\n'))).toBe(
      [
        '00000000  48 65 6c 6c 6f 2c 20 6e  65 74 71 75 65 73 74 21  |Hello, netquest!|',
        '00000010  0a                                                |.|',
      ].join('\n'),
    );
  });

  it('prints repeated lines in full and nothing for no bytes', () => {
    expect(hexdump(new Uint8Array(32)).split('\n')).toHaveLength(2);
    expect(hexdump(new Uint8Array(0))).toBe('');
  });

  it('lines up every line, full or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const lines = hexdump(bytes).split('\n').filter((l) => l !== '');
        expect(lines).toHaveLength(Math.ceil(bytes.length / 16));
        for (const line of lines) expect(line.indexOf('|')).toBe(60);
      }),
    );
  });
});
