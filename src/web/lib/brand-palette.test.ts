import { luminance } from '@mantine/core';
import { describe, expect, it } from 'vitest';

import {
  brandPalette,
  PRODUCT_COLOR,
  readableOnWhite,
  WCAG_LUMINANCE_THRESHOLD,
} from './brand-palette';

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

describe('readableOnWhite', () => {
  const onWhite = (color: string) => contrast(luminance(color), 1);

  it('keeps a colour that already reads well on white', () => {
    expect(readableOnWhite('#1F4E8C')).toBe('#1f4e8c');
  });

  it.each(['#ffeb3b', '#40c057', '#ff9800', '#ffffff', '#2e7d32'])(
    'darkens %s until it reaches the contrast asked for',
    (color) => {
      expect(onWhite(readableOnWhite(color))).toBeGreaterThanOrEqual(4.8);
    },
  );

  it('uses the product colour for something that is not a colour', () => {
    expect(readableOnWhite('url(x)')).toBe(readableOnWhite(PRODUCT_COLOR));
  });
});
