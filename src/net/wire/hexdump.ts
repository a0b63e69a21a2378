/**
 * The classic `hexdump -C` layout, 16 bytes a line: offset, two groups of 8 hex bytes, then the
 * printable ASCII (others as '.') between bars. Repeated lines are not collapsed into '*' and
 * there is no final offset line: learners read every byte.
 *
 *   00000000  45 00 00 73 00 00 40 00  40 11 b8 61 c0 a8 00 01  |E..s..@.@..a....|
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hexdump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    let hexPart = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      if (i === 8) hexPart += ' ';
      const at = offset + i;
      if (at < bytes.length) {
        const b = bytes[at]!;
        hexPart += HEX[b]! + ' ';
        ascii += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
      } else {
        hexPart += '   ';
      }
    }
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hexPart} |${ascii}|`);
  }
  return lines.join('\n');
}
