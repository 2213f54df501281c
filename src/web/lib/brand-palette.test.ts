import { luminance } from '@mantine/core';
import { describe, expect, it } from 'vitest';

import { brandPalette, PRODUCT_COLOR, WCAG_LUMINANCE_THRESHOLD } from './brand-palette';

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

describe('brandPalette', () => {
  it('puts the school colour itself at the primary shade and runs light to dark', () => {
    const palette = brandPalette('#2E7D32');
    expect(palette).toHaveLength(10);
    expect(palette[6]).toBe('#2e7d32');
    const levels = palette.map((shade) => luminance(shade));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
  });

  it.each(['', 'red', '#fff', '#12345g', 'url(x)'])(
    'uses the product colour when given "%s"',
    (color) => {
      expect(brandPalette(color)[6]).toBe(PRODUCT_COLOR);
    },
  );
});

describe('WCAG_LUMINANCE_THRESHOLD', () => {
  it('gives at least 4.5:1 contrast to the text colour it picks', () => {
    const black = 0;
    const white = 1;
    for (let level = 0; level <= 1; level += 0.001) {
      const text = level > WCAG_LUMINANCE_THRESHOLD ? black : white;
      expect(contrast(level, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
