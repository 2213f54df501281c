import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

import type { Locale } from '../../shared/boot.js';
import { createI18n } from '../i18n/i18n';
import { directionOf } from '../lib/locale';
import { readStyleNonce } from '../lib/style-nonce';

import { createAppTheme } from './theme';

interface AppProviderProps {
  locale: Locale;
  primaryColor?: string;
  children: ReactNode;
}

export function AppProvider({ locale, primaryColor, children }: AppProviderProps) {
  const [queryClient] = useState(() => new QueryClient());
  const [i18n] = useState(() => createI18n(locale));
  const [theme] = useState(() => createAppTheme(primaryColor));
  const direction = directionOf(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = direction;
  }, [locale, direction]);

  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={direction} detectDirection={false}>
        <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={readStyleNonce}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
