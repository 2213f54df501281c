import { darken, lighten, luminance } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

export const PRODUCT_COLOR = '#1f6feb';

// The relative luminance at which black and white text give the same contrast (about
// 4.58:1), so choosing by this threshold always meets WCAG AA for normal text.
export const WCAG_LUMINANCE_THRESHOLD = 0.179;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

// Shade 6 is the colour itself, because the theme uses shade 6 as the primary shade.
export function brandPalette(color: string): MantineColorsTuple {
  const base = isHexColor(color) ? color.toLowerCase() : PRODUCT_COLOR;
  return [
    lighten(base, 0.92),
    lighten(base, 0.8),
    lighten(base, 0.64),
    lighten(base, 0.48),
    lighten(base, 0.32),
    lighten(base, 0.16),
    base,
    darken(base, 0.16),
    darken(base, 0.32),
    darken(base, 0.48),
  ];
}

function contrastWithWhite(color: string): number {
  return 1.05 / (luminance(color) + 0.05);
}

/**
 * The school colour, darkened just enough to read as text on white (links, for one) with at
 * least `minContrast`; 4.8 leaves room for the faint tints some text sits on.
 */
export function readableOnWhite(color: string, minContrast = 4.8): string {
  let shade = isHexColor(color) ? color.toLowerCase() : PRODUCT_COLOR;
  for (let step = 0; step < 20 && contrastWithWhite(shade) < minContrast; step += 1) {
    shade = darken(shade, 0.1);
  }
  return shade;
}
