import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

import type { Locale } from '../../shared/boot.js';
import { createI18n } from '../i18n/i18n';
import { AppLocaleContext } from '../lib/app-locale';
import { directionOf } from '../lib/locale';
import type { Direction } from '../lib/locale';
import { readStyleNonce } from '../lib/style-nonce';

import { createAppTheme, createCssVariablesResolver } from './theme';

interface AppProviderProps {
  locale: Locale;
  primaryColor?: string;
  children: ReactNode;
}

export function AppProvider({ locale: initialLocale, primaryColor, children }: AppProviderProps) {
  const [locale, setLocaleState] = useState(initialLocale);
  const [i18n] = useState(() => createI18n(initialLocale));
  const [theme] = useState(() => createAppTheme(primaryColor));
  const [cssVariablesResolver] = useState(() => createCssVariablesResolver(primaryColor));

  const setLocale = useCallback(
    (next: Locale) => {
      // The catalogues are bundled, so the switch is synchronous and the next render is
      // already in the new language.
      if (i18n.language !== next) void i18n.changeLanguage(next);
      setLocaleState(next);
    },
    [i18n],
  );
  const appLocale = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <I18nextProvider i18n={i18n}>
      <AppLocaleContext value={appLocale}>
        <DirectionProvider initialDirection={directionOf(initialLocale)} detectDirection={false}>
          <DocumentLanguage locale={locale} direction={directionOf(locale)} />
          <MantineProvider
            theme={theme}
            cssVariablesResolver={cssVariablesResolver}
            defaultColorScheme="light"
            getStyleNonce={readStyleNonce}
          >
            {children}
          </MantineProvider>
        </DirectionProvider>
      </AppLocaleContext>
    </I18nextProvider>
  );
}

function DocumentLanguage({ locale, direction }: { locale: Locale; direction: Direction }) {
  const { setDirection } = useDirection();
  useEffect(() => {
    document.documentElement.lang = locale;
    // Mantine's setter also writes `dir` on <html>.
    setDirection(direction);
  }, [locale, direction, setDirection]);
  return null;
}
