import { Button, Group, NativeSelect, Paper, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolSettings } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../lib/locale';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { isHttpsUrl, isLowerHexColor, normalizeHexColor } from '../../../lib/validation';
import { useSchoolSettings } from '../api/get-school-settings';
import { useUpdateSchoolSettings } from '../api/update-school-settings';
import { timeZoneOptions } from '../time-zones';

export function SchoolSettingsPage() {
  const { t } = useTranslation();
  const settings = useSchoolSettings();
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.heading')} description={t('settings.intro')} />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Stack>
  );
}

const FIELDS = ['name', 'locale', 'timezone', 'primaryColor', 'logoUrl'] as const;

interface SettingsValues {
  name: string;
  locale: string;
  timezone: string;
  primaryColor: string;
  logoUrl: string;
}

function SettingsForm({ settings }: { settings: SchoolSettings }) {
  const { t } = useTranslation();
  const update = useUpdateSchoolSettings();
  const form = useForm<SettingsValues>({
    name: settings.name,
    locale: settings.locale,
    timezone: settings.timezone,
    primaryColor: settings.primaryColor,
    logoUrl: settings.logoUrl ?? '',
  });
  const serverErrors = useServerFieldErrors(update.error, FIELDS);
  const zones = useMemo(() => timeZoneOptions(settings.timezone), [settings.timezone]);
  const colorForPicker = isLowerHexColor(normalizeHexColor(form.values.primaryColor))
    ? normalizeHexColor(form.values.primaryColor)
    : settings.primaryColor;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = form.values;
    const name = values.name.trim();
    const primaryColor = normalizeHexColor(values.primaryColor);
    const logoUrl = values.logoUrl.trim();
    const found: FieldErrors<SettingsValues> = {};
    if (name.length < 2) found.name = name ? t('validation.tooShort') : t('validation.required');
    if (!isLowerHexColor(primaryColor)) found.primaryColor = t('validation.color');
    if (logoUrl && !isHttpsUrl(logoUrl)) found.logoUrl = t('validation.httpsUrl');
    if (!form.check(found) || !isLocale(values.locale)) return;
    update.mutate(
      {
        name,
        locale: values.locale,
        timezone: values.timezone,
        primaryColor,
        logoUrl: logoUrl || null,
      },
      {
        // The colour and logo are set when the page loads, so a reload shows the new branding.
        onSuccess: () => window.location.reload(),
        onError: form.focusFirstError,
      },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={640}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('settings.name')}
            required
            maxLength={120}
            value={form.values.name}
            onChange={(e) => form.setValue('name', e.currentTarget.value)}
            error={form.errors.name ?? serverErrors.name}
          />
          <NativeSelect
            label={t('settings.locale')}
            value={form.values.locale}
            onChange={(e) => form.setValue('locale', e.currentTarget.value)}
            data={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
            error={serverErrors.locale}
          />
          <NativeSelect
            label={t('settings.timezone')}
            value={form.values.timezone}
            onChange={(e) => form.setValue('timezone', e.currentTarget.value)}
            data={zones}
            error={serverErrors.timezone}
          />
          <Group align="flex-start" gap="md" wrap="nowrap">
            <TextInput
              label={t('settings.color')}
              type="color"
              value={colorForPicker}
              onChange={(e) => form.setValue('primaryColor', e.currentTarget.value)}
              styles={{ input: { width: 72, padding: 4, cursor: 'pointer' } }}
            />
            <TextInput
              label={t('settings.colorCode')}
              dir="ltr"
              maxLength={7}
              spellCheck={false}
              value={form.values.primaryColor}
              onChange={(e) => form.setValue('primaryColor', e.currentTarget.value)}
              onBlur={(e) =>
                form.setValue('primaryColor', normalizeHexColor(e.currentTarget.value))
              }
              error={form.errors.primaryColor ?? serverErrors.primaryColor}
              style={{ flexGrow: 1 }}
            />
          </Group>
          <TextInput
            label={t('settings.logoUrl')}
            description={t('settings.logoHint')}
            type="url"
            dir="ltr"
            maxLength={500}
            value={form.values.logoUrl}
            onChange={(e) => form.setValue('logoUrl', e.currentTarget.value)}
            error={form.errors.logoUrl ?? serverErrors.logoUrl}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={update.isPending}>
              {t('settings.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
