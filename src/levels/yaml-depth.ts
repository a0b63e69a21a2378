/**
 * How deeply a YAML text nests, found by one linear scan before the real parser runs.
 * Why: the yaml parser recurses per level; a 200 KB file of `[[[[…` or `- - - …` takes it
 * seconds and hundreds of megabytes before it reports "Maximum call stack size exceeded".
 * Level files nest about 8 deep, so anything past MAX_NESTING is refused up front, located.
 *
 * The scan is deliberately approximate but errs towards counting: flow brackets (outside
 * quotes, comments and block scalars) plus block nesting (indentation and compact `- `).
 */

export const MAX_NESTING = 64;

export interface TooDeep {
  readonly line: number;
  readonly column: number;
  readonly depth: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === undefined;

/** The first place where nesting passes `max`, or undefined when it never does. */
export function findTooDeep(text: string, max = MAX_NESTING): TooDeep | undefined {
  const indents: number[] = []; // block nodes open above this line, by column
  let flow = 0; // open [ and { in flow context
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1; // >= 0 while skipping a | or > scalar's lines
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // ---- start of a line
    const lineStart = i;
    let col = 0;
    while (text[i] === ' ') {
      i++;
      col++;
    }
    if (blockScalarIndent >= 0) {
      if (isBreak(text[i]) || col > blockScalarIndent) {
        i = afterBreak(text, skipLine(text, i));
        line++;
        continue;
      }
      blockScalarIndent = -1;
    }
    const lineIndent = col;
    let atScalarStart = true;
    if (!quote && flow === 0 && !isBreak(text[i]) && text[i] !== '#') {
      while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
    }
    // ---- the rest of the line
    for (; i < n && !isBreak(text[i]); i++, col++) {
      const c = text[i]!;
      if (quote === '"') {
        if (c === '\\') {
          i++;
          col++;
        } else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'") {
          if (text[i + 1] === "'") {
            i++;
            col++;
          } else quote = undefined;
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (c === '#' && (i === lineStart || isSpace(text[i - 1]))) {
        i = skipLine(text, i);
        break;
      }
      if ((c === '"' || c === "'") && atScalarStart) {
        quote = c;
        atScalarStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && (flow > 0 || atScalarStart)) {
        flow++;
        atScalarStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        atScalarStart = false;
      } else if (c === ',' && flow > 0) {
        atScalarStart = true;
      } else if ((c === '-' || c === '?' || c === ':') && (isSpace(text[i + 1]) || isBreak(text[i + 1]) || (flow > 0 && c === ':'))) {
        // A compact block node (`- - x`, `? x`) nests one deeper on the same line.
        if (flow === 0 && c !== ':' && atScalarStart) indents.push(col + 2);
        atScalarStart = true;
      } else if ((c === '|' || c === '>') && atScalarStart && flow === 0) {
        // A block scalar: its more-indented lines that follow are text, not structure.
        blockScalarIndent = lineIndent;
        i = skipLine(text, i);
        break;
      } else atScalarStart = false;
      const depth = indents.length + flow;
      if (depth > max) return { line, column: col + 1, depth };
    }
    if (indents.length + flow > max) return { line, column: col + 1, depth: indents.length + flow };
    i = afterBreak(text, i);
    line++;
  }
  return undefined;
}

function skipLine(text: string, i: number): number {
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** The index after the line break at `i` (\n, \r\n or \r). */
function afterBreak(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}
