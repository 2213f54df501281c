import { createTheme } from '@mantine/core';
import type { MantineThemeOverride } from '@mantine/core';

import { brandPalette, PRODUCT_COLOR, WCAG_LUMINANCE_THRESHOLD } from '../lib/brand-palette';

export function createAppTheme(primaryColor: string = PRODUCT_COLOR): MantineThemeOverride {
  return createTheme({
    colors: { brand: brandPalette(primaryColor) },
    primaryColor: 'brand',
    primaryShade: 6,
    autoContrast: true,
    luminanceThreshold: WCAG_LUMINANCE_THRESHOLD,
    defaultRadius: 'md',
  });
}
