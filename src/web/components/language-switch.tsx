import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useAppLocale } from '../lib/app-locale';
import { LOCALE_NAMES } from '../lib/locale';

/**
 * For pages before sign-in: switches the language of this page only. The button names the
 * other language in that language, so it can be found by someone who cannot read this one.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useAppLocale();
  const other = locale === 'ar' ? 'en' : 'ar';
  return (
    <Button
      variant="white"
      size="xs"
      lang={other}
      title={t('language.switchTo')}
      onClick={() => setLocale(other)}
    >
      {LOCALE_NAMES[other]}
    </Button>
  );
}
