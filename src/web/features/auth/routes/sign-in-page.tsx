import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { SuccessAlert } from '../../../components/success-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { formatMinutes, minutesToWait } from '../../../lib/format';
import { safeNextPath } from '../../../lib/next-path';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { looksLikeEmail } from '../../../lib/validation';
import { useSignIn } from '../api/sign-in';
import { AuthCard } from '../components/auth-card';
import { parseSignInSearch } from '../../../lib/sign-in-search';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const search = parseSignInSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const form = useForm({ email: '', password: '' });
  const serverErrors = useServerFieldErrors(signIn.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, password } = form.values;
    const found: FieldErrors<typeof form.values> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!looksLikeEmail(email)) found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    if (!form.check(found)) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate({ href: safeNextPath(search.next), replace: true }),
        onError: form.focusFirstError,
      },
    );
  }

  const error = signIn.error;
  let errorMessage: string | undefined;
  if (hasErrorCode(error, 'INVALID_CREDENTIALS'))
    errorMessage = t('auth.signIn.invalidCredentials');
  else if (hasErrorCode(error, 'RATE_LIMITED')) {
    errorMessage =
      error.retryAfter === null
        ? t('apiErrors.RATE_LIMITED')
        : t('auth.signIn.rateLimited', {
            wait: formatMinutes(minutesToWait(error.retryAfter), locale),
          });
  }

  return (
    <AuthCard title={t('auth.signIn.heading')}>
      {search.notice === 'password-reset' && (
        <SuccessAlert>{t('auth.signIn.notice.passwordReset')}</SuccessAlert>
      )}
      {search.notice === 'session-ended' && (
        <Alert variant="light" role="status">
          {t('auth.signIn.notice.sessionEnded')}
        </Alert>
      )}
      {search.notice === 'signed-out' && (
        <Alert variant="light" role="status">
          {t('auth.signIn.notice.signedOut')}
        </Alert>
      )}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} message={errorMessage} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={form.values.email}
            onChange={(e) => form.setValue('email', e.currentTarget.value)}
            error={form.errors.email ?? serverErrors.email}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={form.values.password}
            onChange={(e) => form.setValue('password', e.currentTarget.value)}
            error={form.errors.password ?? serverErrors.password}
          />
          <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
