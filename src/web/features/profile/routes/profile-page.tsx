import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Me } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PasswordField } from '../../../components/password-field';
import { SuccessAlert } from '../../../components/success-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../lib/locale';
import { useSchool } from '../../../lib/school-context';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { PASSWORD_MIN_LENGTH } from '../../../lib/validation';
import { useCurrentMe } from '../../auth/api/get-me';
import { newPasswordErrors } from '../../auth/password-rules';
import { useChangePassword } from '../api/change-password';
import { useUpdateMe } from '../api/update-me';

const SCHOOL_DEFAULT = 'school';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <Stack gap="xl">
      <PageHeader title={t('profile.heading')} />
      {me.impersonation ? (
        <Alert variant="light">{t('profile.impersonationNote')}</Alert>
      ) : (
        <>
          <DetailsForm me={me} />
          <PasswordForm />
        </>
      )}
    </Stack>
  );
}

const DETAIL_FIELDS = ['name', 'locale'] as const;

function DetailsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const school = useSchool();
  const headingId = useId();
  const update = useUpdateMe();
  // Me carries the language in effect, not whether it was chosen: when it matches the
  // school's, the person most likely never chose one, so "School default" is shown.
  const form = useForm({
    name: me.user.name,
    locale: me.locale === school.locale ? SCHOOL_DEFAULT : me.locale,
  });
  const serverErrors = useServerFieldErrors(update.error, DETAIL_FIELDS);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const name = form.values.name.trim();
    if (!form.check(name ? {} : { name: t('validation.required') })) return;
    const locale = isLocale(form.values.locale) ? form.values.locale : null;
    update.mutate(
      { name, locale },
      { onSuccess: () => setSaved(true), onError: form.focusFirstError },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={640} component="section" aria-labelledby={headingId}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('profile.detailsHeading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('profile.email', { email: me.user.email })}
          </Text>
          {saved && <SuccessAlert>{t('profile.detailsSaved')}</SuccessAlert>}
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('auth.fullName')}
            autoComplete="name"
            required
            value={form.values.name}
            onChange={(e) => form.setValue('name', e.currentTarget.value)}
            error={form.errors.name ?? serverErrors.name}
          />
          <NativeSelect
            label={t('language.label')}
            value={form.values.locale}
            onChange={(e) => form.setValue('locale', e.currentTarget.value)}
            data={[
              {
                value: SCHOOL_DEFAULT,
                label: `${t('language.schoolDefault')} (${LOCALE_NAMES[school.locale]})`,
              },
              ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
            ]}
            error={serverErrors.locale}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={update.isPending}>
              {t('profile.saveDetails')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const EMPTY_PASSWORDS: PasswordValues = {
  currentPassword: '',
  newPassword: '',
  confirmPassword: '',
};

function PasswordForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const change = useChangePassword();
  const form = useForm<PasswordValues>(EMPTY_PASSWORDS);
  const serverErrors = useServerFieldErrors(change.error, PASSWORD_FIELDS);
  // A wrong current password is a rule broken on this form, not a lost session.
  const wrongCurrent = hasErrorCode(change.error, 'INVALID_CREDENTIALS');
  const weak = hasErrorCode(change.error, 'PASSWORD_TOO_WEAK');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { currentPassword, newPassword, confirmPassword } = form.values;
    const rules = newPasswordErrors(t, newPassword, confirmPassword);
    const found: FieldErrors<PasswordValues> = {};
    if (!currentPassword) found.currentPassword = t('validation.required');
    if (rules.password) found.newPassword = rules.password;
    if (rules.confirmPassword) found.confirmPassword = rules.confirmPassword;
    if (!form.check(found)) return;
    change.mutate(
      { currentPassword, newPassword },
      { onSuccess: () => form.setValues(EMPTY_PASSWORDS), onError: form.focusFirstError },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={640} component="section" aria-labelledby={headingId}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('profile.passwordHeading')}
          </Title>
          {change.isSuccess && <SuccessAlert>{t('profile.passwordChanged')}</SuccessAlert>}
          {!wrongCurrent && !weak && <ErrorAlert error={change.error} />}
          <PasswordField
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            value={form.values.currentPassword}
            onChange={(e) => form.setValue('currentPassword', e.currentTarget.value)}
            error={
              form.errors.currentPassword ??
              serverErrors.currentPassword ??
              (wrongCurrent ? t('profile.currentPasswordWrong') : undefined)
            }
          />
          <PasswordField
            label={t('profile.newPassword')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={form.values.newPassword}
            onChange={(e) => form.setValue('newPassword', e.currentTarget.value)}
            error={
              form.errors.newPassword ??
              serverErrors.newPassword ??
              (weak ? t('apiErrors.PASSWORD_TOO_WEAK') : undefined)
            }
          />
          <PasswordField
            label={t('profile.confirmNewPassword')}
            autoComplete="new-password"
            required
            value={form.values.confirmPassword}
            onChange={(e) => form.setValue('confirmPassword', e.currentTarget.value)}
            error={form.errors.confirmPassword}
          />
          <Group>
            <Button type="submit" loading={change.isPending} disabled={change.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
