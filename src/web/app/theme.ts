import {
  createTheme,
  MultiSelect,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { CSSVariablesResolver, MantineThemeOverride } from '@mantine/core';

import {
  brandPalette,
  PRODUCT_COLOR,
  readableOnWhite,
  WCAG_LUMINANCE_THRESHOLD,
} from '../lib/brand-palette';

// Required inputs keep the `required` attribute (which assistive technology announces) but
// show no asterisk: the asterisk would become part of the label's text, so "Password" would
// no longer be labelled exactly "Password".
const noAsterisk = { defaultProps: { withAsterisk: false } };

export function createAppTheme(primaryColor: string = PRODUCT_COLOR): MantineThemeOverride {
  return createTheme({
    colors: { brand: brandPalette(primaryColor) },
    primaryColor: 'brand',
    primaryShade: 6,
    autoContrast: true,
    luminanceThreshold: WCAG_LUMINANCE_THRESHOLD,
    defaultRadius: 'md',
    components: {
      TextInput: TextInput.extend(noAsterisk),
      PasswordInput: PasswordInput.extend(noAsterisk),
      Textarea: Textarea.extend(noAsterisk),
      NumberInput: NumberInput.extend(noAsterisk),
      NativeSelect: NativeSelect.extend(noAsterisk),
      MultiSelect: MultiSelect.extend(noAsterisk),
    },
  });
}

// Text colours that meet WCAG AA on white whatever the school's colour: links use the school
// colour darkened as far as needed, and secondary text a darker grey than Mantine's default.
export function createCssVariablesResolver(
  primaryColor: string = PRODUCT_COLOR,
): CSSVariablesResolver {
  const anchor = readableOnWhite(primaryColor);
  return () => ({
    variables: {},
    light: {
      '--mantine-color-anchor': anchor,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    },
    dark: {},
  });
}
