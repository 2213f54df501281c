import { describe, expect, it } from 'vitest';
import { fontFor, visualRuns, wrapText } from './pdf-text-layout.js';

const NBSP = '\u00a0';

describe('visual runs', () => {
  it('keeps a Latin line as one left-to-right run', () => {
    expect(visualRuns('Mathematics 1A', 'ltr')).toEqual([
      { text: 'Mathematics 1A', font: 'latin', rtl: false },
    ]);
  });

  it('hands an Arabic phrase to the shaper in logical order, spaces made no-break', () => {
    expect(visualRuns('لينا حداد', 'rtl')).toEqual([
      { text: `لينا${NBSP}حداد`, font: 'arabic', rtl: true },
    ]);
  });

  it('puts Latin and digits after an Arabic label on its left, punctuation reversed', () => {
    // Read right to left: the label, the colon, then "1A".
    expect(visualRuns('الصف: 1A', 'rtl')).toEqual([
      { text: '1A', font: 'latin', rtl: false },
      { text: ' :', font: 'latin', rtl: true },
      { text: 'الصف', font: 'arabic', rtl: true },
    ]);
  });

  it('mirrors brackets around Arabic and keeps the number inside them', () => {
    expect(visualRuns('رياضيات (الفصل 1)', 'rtl')).toEqual([
      { text: '(', font: 'latin', rtl: true },
      { text: '1', font: 'latin', rtl: false },
      { text: `الفصل${NBSP}`, font: 'arabic', rtl: true },
      { text: ')', font: 'latin', rtl: true },
      { text: `رياضيات${NBSP}`, font: 'arabic', rtl: true },
    ]);
  });

  it('orders an Arabic name inside an English sentence', () => {
    expect(visualRuns('Student: لينا حداد (A-7)', 'ltr')).toEqual([
      { text: 'Student: ', font: 'latin', rtl: false },
      { text: `لينا${NBSP}حداد`, font: 'arabic', rtl: true },
      { text: ' (A-7)', font: 'latin', rtl: false },
    ]);
  });

  it('reads two Arabic words around an English one from right to left', () => {
    // Logical: "درجة" "Math" "ممتازة"; drawn left to right: the last word first.
    expect(visualRuns('درجة Math ممتازة', 'rtl')).toEqual([
      { text: `${NBSP}ممتازة`, font: 'arabic', rtl: true },
      { text: 'Math', font: 'latin', rtl: false },
      { text: `درجة${NBSP}`, font: 'arabic', rtl: true },
    ]);
  });

  it('leaves a number and percent sign alone in a right-to-left cell', () => {
    expect(visualRuns('85.5%', 'rtl')).toEqual([{ text: '85.5%', font: 'latin', rtl: false }]);
  });

  it('keeps several digits of a number in order after Arabic text', () => {
    const runs = visualRuns('الحضور 95', 'rtl');
    expect(runs.map((r) => r.text)).toEqual(['95', `الحضور${NBSP}`]);
    expect(runs[0]).toEqual({ text: '95', font: 'latin', rtl: false });
  });

  it('pre-reverses Arabic-Indic digits in left-to-right text, which the shaper reverses', () => {
    expect(visualRuns('Score ١٢٣', 'ltr')).toEqual([
      { text: 'Score ', font: 'latin', rtl: false },
      { text: '٣٢١', font: 'arabic', rtl: false },
    ]);
  });

  it('drops directional marks', () => {
    expect(visualRuns('\u200fAB\u200e', 'ltr')).toEqual([
      { text: 'AB', font: 'latin', rtl: false },
    ]);
  });

  it('returns nothing for an empty line', () => {
    expect(visualRuns('', 'rtl')).toEqual([]);
  });
});

describe('font for a character', () => {
  it('picks the subset that covers it', () => {
    expect(fontFor('ب'.codePointAt(0) ?? 0)).toBe('arabic');
    expect(fontFor('A'.codePointAt(0) ?? 0)).toBe('latin');
    expect(fontFor('é'.codePointAt(0) ?? 0)).toBe('latin');
    expect(fontFor('Ł'.codePointAt(0) ?? 0)).toBe('latinExt');
    expect(fontFor(0x20)).toBeNull();
  });
});

describe('wrapping', () => {
  const measure = (line: string) => line.length;

  it('breaks at spaces and keeps lines within the width', () => {
    expect(wrapText('one two three four', 9, measure)).toEqual(['one two', 'three', 'four']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapText('abcdefghij xy', 4, measure)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });

  it('starts a new line at each newline', () => {
    expect(wrapText('first\n\nsecond', 20, measure)).toEqual(['first', '', 'second']);
  });
});
