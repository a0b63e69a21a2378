// Builds the single production bundle that `bin/netquest.js` runs.
// Why a bundle: a bundled Ink app starts in ~190 ms against ~460 ms from node_modules
// (../shared/notes/ink-on-node20.md). NODE_ENV=production is inlined so React's
// development build (which leaks per frame under Ink) never ships.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Ink imports react-devtools-core dynamically; bundling would make it static. Stub it out. */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools(\.js)?$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`) ? { path: 'ink-devtools-stub', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {}; export const connectToDevTools = () => {};' }));
  },
};

/**
 * Ink 6.8 turns every frame into text from scratch: each line of each Text is tokenized into
 * styled characters, measured and, inside an overflow box, sliced, with caches that last one
 * frame; then every row is joined back with a style diff computed per character. On the level
 * screen that was most of a keypress's ~16 ms of CPU (docs/performance.md). Three patches,
 * applied to the bundle only (the source in node_modules is untouched, and so are the tests):
 *
 * 1. ink/build/output.js: the per-frame caches also keep the previous frame's results, so an
 *    unchanged line costs a lookup. Memory stays bounded: only what the last frame used
 *    survives into the next. Clipping (sliceAnsi) is cached the same way.
 * 2. ink/build/render-node-to-output.js: the width of each Text's content, cached likewise.
 * 3. @alcalzone/ansi-tokenize styledChars.js: no style diff between neighbouring characters
 *    with the same styles (most of a frame), which is what the diff returns for them anyway.
 *
 * 4. string-width: the first string that is not plain ASCII (the title screen's ›, the footer's
 *    ↑↓) compiled its Unicode-property regular expressions and loaded the grapheme segmenter:
 *    ~190 ms before the game's first frame, which a bare Ink app printing ASCII never pays.
 *    Strings made only of characters that are each their own grapheme and never a mark or
 *    invisible (Latin, punctuation, arrows, box drawing, symbols) are measured by their East
 *    Asian Width directly. The build checks that this gives string-width's own answer for
 *    every one of those characters (checkWidthFastPath below).
 *
 * Every cached function is pure and its results are only read, so the frames are the same.
 * The build fails if a file is not the one a patch was written for (after an upgrade).
 */
const FRAME_CACHES = `
class OutputCaches {
    constructor(prev) {
        this.prev = prev;
        this.widths = new Map();
        this.blockWidths = new Map();
        this.styledChars = new Map();
        this.slices = new Map();
    }
    lookup(name, key, compute) {
        const here = this[name];
        let value = here.get(key);
        if (value === undefined) {
            value = this.prev?.[name].get(key);
            if (value === undefined) value = compute(key);
            here.set(key, value);
        }
        return value;
    }
    getStyledChars(line) {
        return this.lookup('styledChars', line, (l) => styledCharsFromTokens(tokenize(l)));
    }
    getStringWidth(text) {
        return this.lookup('widths', text, stringWidth);
    }
    getWidestLine(text) {
        return this.lookup('blockWidths', text, (t) => {
            let lineWidth = 0;
            for (const line of t.split('\\n')) lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            return lineWidth;
        });
    }
    sliceAnsi(line, from, to) {
        return this.lookup('slices', from + ',' + to + ',' + line, () => sliceAnsi(line, from, to));
    }
}
let lastFrameCaches;
function frameCaches() {
    if (lastFrameCaches) lastFrameCaches.prev = undefined;
    lastFrameCaches = new OutputCaches(lastFrameCaches);
    return lastFrameCaches;
}
`;

const WIDTH_CACHE = `
// Two generations: what the last frames measured; bounded by clearing the older one.
let widthsNow = new Map();
let widthsBefore = new Map();
function cachedWidestLine(text) {
    let width = widthsNow.get(text);
    if (width === undefined) {
        width = widthsBefore.get(text) ?? widestLine(text);
        if (widthsNow.size >= 5000) {
            widthsBefore = widthsNow;
            widthsNow = new Map();
        }
        widthsNow.set(text, width);
    }
    return width;
}
const renderNodeToOutput =`;

const SAME_STYLES = `
function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    return true;
}
export function styledCharsToString(chars) {`;

/**
 * Characters that are always a grapheme of their own, visible, and not combining: see patch 4.
 * Latin, punctuation and symbols; and for the Chinese interface CJK punctuation, the unified
 * ideographs and fullwidth forms (without them a Chinese first frame took ~40 ms longer).
 */
const SIMPLE_WIDTH_CHARS = '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u2030-\\u205E\\u2070-\\u20CF\\u2100-\\u2BFF\\u3001-\\u3003\\u3008-\\u3011\\u4E00-\\u9FFF\\uFF01-\\uFF5E';
const WIDTH_FAST_PATH = `
	// netquest build patch (scripts/build.mjs): one East Asian Width lookup per character when
	// every character is its own grapheme and visible, without the segmenter and property regexes.
	if (/^[${SIMPLE_WIDTH_CHARS}]*$/.test(string)) {
		const options = {ambiguousAsWide: !ambiguousIsNarrow};
		let width = 0;
		for (let index = 0; index < string.length; index++) {
			width += eastAsianWidth(string.charCodeAt(index), options);
		}
		return width;
	}

	let width = 0;
	const eastAsianWidthOptions`;

/** [file (path from the project), [regex or string to find, replacement][]] */
const PATCHES = [
  ['/ink/build/output.js', [
    [/class OutputCaches \{[\s\S]*?\n\}\n(?=export default class Output)/, FRAME_CACHES],
    ['caches = new OutputCaches();', 'caches = frameCaches();'],
    ['return sliceAnsi(line, from, to);', 'return this.caches.sliceAnsi(line, from, to);'],
  ]],
  ['/ink/build/render-node-to-output.js', [
    ['const renderNodeToOutput =', WIDTH_CACHE],
    ['const currentWidth = widestLine(text);', 'const currentWidth = cachedWidestLine(text);'],
  ]],
  ['/string-width/index.js', [
    ['\n\tlet width = 0;\n\tconst eastAsianWidthOptions', WIDTH_FAST_PATH],
  ]],
  ['/@alcalzone/ansi-tokenize/build/styledChars.js', [
    ['export function styledCharsToString(chars) {', SAME_STYLES],
    ['ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));', 'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'],
  ]],
];

const patched = new Set();
const nodeModules = realpathSync(join(root, 'node_modules')).split('\\').join('/');
const inkFramePatches = {
  name: 'ink-frame-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](ink|@alcalzone[\\/]ansi-tokenize|string-width)[\\/].*\.js$/ }, async (args) => {
      const path = args.path.split('\\').join('/');
      // Only the copies at the top of node_modules (wrap-ansi has its own, older string-width).
      // Real paths: esbuild reports them, and node_modules may be a link (npm run pack-check).
      const patch = PATCHES.find(([end]) => path === `${nodeModules}${end}`);
      if (!patch) return undefined;
      let src = await readFile(args.path, 'utf8');
      for (const [find, replace] of patch[1]) {
        const found = typeof find === 'string' ? src.split(find).length === 2 : find.test(src);
        if (!found) throw new Error(`ink-frame-patches: ${patch[0]} is not the file this patch was written for (looking for ${String(find).slice(0, 60)}); review scripts/build.mjs`);
        src = src.replace(find, () => replace);
      }
      patched.add(patch[0]);
      return { contents: src, loader: 'js' };
    });
  },
};

// A fresh folder each time: chunk names are content hashes, so old chunks would pile up (and
// ship in `npm pack`).
await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { netquest: 'src/cli/main.ts', bench: 'bench/main.ts', 'gen-schema': 'scripts/gen-schema.ts', 'campaign-table': 'scripts/campaign-table.ts', 'bare-ink': 'bench/bare-ink.tsx', 'campaign-cache': 'scripts/campaign-cache.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __nqCreateRequire } from 'node:module'; const require = __nqCreateRequire(import.meta.url);" },
  plugins: [noDevtools, inkFramePatches],
});
await checkWidthFastPath();
for (const [file] of PATCHES) if (!patched.has(file)) throw new Error(`ink-frame-patches: ${file} was not in the bundle, so it went unpatched; review scripts/build.mjs`);

/** Patch 4 must measure exactly as string-width does: compared for every character it covers. */
async function checkWidthFastPath() {
  const { default: stringWidth } = await import('string-width');
  const { eastAsianWidth } = await import('get-east-asian-width');
  const simple = new RegExp(`^[${SIMPLE_WIDTH_CHARS}]*$`);
  const wrong = [];
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (!simple.test(ch)) continue;
    for (const ambiguousIsNarrow of [true, false]) {
      if (stringWidth(ch, { ambiguousIsNarrow }) !== eastAsianWidth(c, { ambiguousAsWide: !ambiguousIsNarrow })) wrong.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  if (wrong.length > 0) throw new Error(`ink-frame-patches: the string-width fast path would measure ${wrong.slice(0, 10).join(', ')} differently; narrow SIMPLE_WIDTH_CHARS in scripts/build.mjs`);
}

// The campaign, loaded once now so the game need not parse it at every start (~700 ms of it).
const { writeCampaignCache } = await import('../dist/campaign-cache.js');
if (!writeCampaignCache(join(root, 'levels'), join(root, 'dist', 'campaign.json'))) {
  console.warn('build: the campaign in levels/ does not load, so dist/campaign.json was not written (run `netquest check levels`)');
}
