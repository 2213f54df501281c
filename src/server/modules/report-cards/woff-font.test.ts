import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff-font.js';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/cairo/files/cairo-latin-400-normal.woff'));

function tags(font: Buffer): string[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => font.toString('latin1', 12 + i * 16, 16 + i * 16));
}

describe('WOFF to OpenType', () => {
  it('unpacks every table to its stated length, 4-byte aligned', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(tags(sfnt)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx']));
    const count = sfnt.readUInt16BE(4);
    for (let i = 0; i < count; i += 1) {
      const offset = sfnt.readUInt32BE(12 + i * 16 + 8);
      const length = sfnt.readUInt32BE(12 + i * 16 + 12);
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(sfnt.length);
    }
    // The head table's magic number sits 12 bytes in.
    const head = tags(sfnt).indexOf('head');
    const headOffset = sfnt.readUInt32BE(12 + head * 16 + 8);
    expect(sfnt.readUInt32BE(headOffset + 12)).toBe(0x5f0f3cf5);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, not even close to one'))).toThrow(
      /WOFF/,
    );
  });
});
