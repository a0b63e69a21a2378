/**
 * A fast first reading of YAML, for files that turn out to be fine: `js-yaml` builds the value
 * 3–4× faster than `yaml` builds a document with positions (source-location.ts), and most files
 * a loader sees (a pack being checked, a big level) have nothing to report.
 *
 * It is only ever a shortcut. Whenever it declines (undefined) or what it gives is refused, the
 * caller parses again with positions, and that reading decides and locates every complaint.
 * So it declines whatever the two parsers might read differently:
 * - directives (`%YAML 1.1` switches `yaml` to 1.1 scalars: `yes` is true there);
 * - aliases (`*name`): `yaml` bounds how far they expand, which is what stops alias bombs;
 * - anchors and tags (`&name`, `!tag`): js-yaml lets `&a[1]` through, where YAML needs a space;
 * - anything js-yaml refuses (custom tags, complex keys, syntax errors, empty files…);
 * - a null key (`? ` or `~:`), which `yaml` names "" and js-yaml "null".
 * Both parsers use the YAML 1.2 core schema and refuse duplicate keys; test/util/quick-yaml.test.ts
 * compares them on the campaign and on thousands of mutated levels.
 */
import { load } from 'js-yaml';
import { MAX_NESTING } from '../levels/yaml-depth';

const DIRECTIVE = /^%/m;
/** An anchor or tag where a node may start; "Q&A" or "Hello!" in a sentence is not one. */
const ANCHOR_OR_TAG = /(?:^|[\s[{,])[&!][^\s]/;

/** The value of a YAML text, or undefined when the careful parser must read it. Never throws. */
export function quickParse(text: string): { readonly value: unknown } | undefined {
  if (DIRECTIVE.test(text) || ANCHOR_OR_TAG.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { maxAliases: 0, maxDepth: MAX_NESTING });
  } catch {
    return undefined;
  }
  return hasDoubtfulKey(value) ? undefined : { value };
}

/** Whether a key somewhere could be a null key, which the two parsers name differently. */
function hasDoubtfulKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasDoubtfulKey);
  if (value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) if (k === 'null' || k === '' || hasDoubtfulKey(v)) return true;
  return false;
}
