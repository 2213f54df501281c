import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

// Lines of text for the PDF, in the order they are drawn. PDFKit draws runs left to right and
// knows nothing of paragraph direction, so a line that mixes Arabic, Latin and digits is cut
// into runs with the Unicode bidirectional algorithm (bidi-js gives each character its
// embedding level), the runs are put in visual order (rule L2, applied to whole runs), and
// each run names the Cairo subset that has its glyphs.
//
// How a run's text is handed to PDFKit:
//   - Arabic-font runs stay in logical order: fontkit shapes them and, seeing Arabic script,
//     lays them out right to left itself. An Arabic-font run at an even (left-to-right) level
//     (Arabic-Indic digits inside Latin text) is reversed first, because fontkit reverses it.
//     Spaces inside Arabic runs become no-break spaces: with plain spaces, PDF readers drop
//     them and reorder the words when extracting the text.
//   - Other runs at odd (right-to-left) levels are reversed here, with mirrored characters
//     swapped (an opening parenthesis becomes a closing one, and so on).

// bidi-js is a CommonJS package whose types describe an ES default export; requiring it
// gives the factory itself on every runtime.
const bidiFactory = createRequire(import.meta.url)('bidi-js') as () => Bidi;
const bidi = bidiFactory();

export type RunFont = 'arabic' | 'latin' | 'latinExt';
export type Direction = 'ltr' | 'rtl';

export interface VisualRun {
  text: string;
  font: RunFont;
  /** The run is right to left (odd embedding level). */
  rtl: boolean;
}

const NO_BREAK_SPACE = '\u00a0';

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => cp >= from && cp <= to);
}

// The unicode ranges of the Cairo subsets shipped by @fontsource/cairo.
const ARABIC: readonly [number, number][] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0x200c, 0x200d],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];
const LATIN: readonly [number, number][] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];
const LATIN_EXT: readonly [number, number][] = [
  [0x0100, 0x02ff],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x20a0, 0x20c0],
  [0x2113, 0x2113],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];
/** Directional marks and embeddings: they steer the algorithm and are not drawn. */
const CONTROLS: readonly [number, number][] = [
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0x061c, 0x061c],
];

/** The subset that draws the character; null for a space, which follows its neighbours. */
export function fontFor(cp: number): RunFont | null {
  if (cp === 0x20 || cp === 0xa0) return null;
  if (inRanges(cp, ARABIC)) return 'arabic';
  if (inRanges(cp, LATIN)) return 'latin';
  if (inRanges(cp, LATIN_EXT)) return 'latinExt';
  return 'latin';
}

interface Unit {
  text: string;
  level: number;
  font: RunFont | null;
}

/** The runs of one line, left to right as they are drawn, for a paragraph direction. */
export function visualRuns(line: string, direction: Direction): VisualRun[] {
  if (line === '') return [];
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const units: Unit[] = [];
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i) ?? 0;
    const text = String.fromCodePoint(cp);
    if (!inRanges(cp, CONTROLS)) units.push({ text, level: levels[i] ?? 0, font: fontFor(cp) });
    i += text.length;
  }
  // A space takes the font of the character before it on the same level, else the one after.
  units.forEach((unit, i) => {
    if (unit.font !== null) return;
    const before = units[i - 1];
    if (before && before.level === unit.level && before.font) {
      unit.font = before.font;
      return;
    }
    const after = units.slice(i + 1).find((u) => u.font !== null);
    unit.font = after && after.level === unit.level ? after.font : 'latin';
  });

  const runs: { text: string[]; level: number; font: RunFont }[] = [];
  for (const unit of units) {
    const font = unit.font ?? 'latin';
    const last = runs[runs.length - 1];
    if (last && last.level === unit.level && last.font === font) last.text.push(unit.text);
    else runs.push({ text: [unit.text], level: unit.level, font });
  }

  // L2 on whole runs: from the highest level down to the lowest odd one, reverse every
  // stretch of runs at that level or higher.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  const ordered = [...runs];
  for (let level = highest; level >= lowestOdd && level > 0; level -= 1) {
    let i = 0;
    while (i < ordered.length) {
      if ((ordered[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let end = i;
      while (end + 1 < ordered.length && (ordered[end + 1]?.level ?? 0) >= level) end += 1;
      const stretch = ordered.slice(i, end + 1).reverse();
      ordered.splice(i, stretch.length, ...stretch);
      i = end + 1;
    }
  }

  return ordered.map((run) => {
    const rtl = run.level % 2 === 1;
    let chars = run.text;
    if (run.font === 'arabic') {
      if (!rtl) chars = [...chars].reverse();
      chars = chars.map((c) => (c === ' ' ? NO_BREAK_SPACE : c));
    } else if (rtl) {
      chars = [...chars].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c);
    }
    return { text: chars.join(''), font: run.font, rtl };
  });
}

/**
 * Breaks a paragraph into lines no wider than `maxWidth` (as `measure` finds them), at spaces,
 * and inside a word only when the word alone is too wide. Newlines start new lines.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (line: string) => number,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      if (measure(word) <= maxWidth) {
        current = word;
        continue;
      }
      // A word wider than the line is cut where it no longer fits.
      let piece = '';
      for (const ch of word) {
        if (piece !== '' && measure(piece + ch) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
      current = piece;
    }
    lines.push(current);
  }
  return lines;
}
