import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { hasErrorCode } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { formatMinutes, minutesToWait } from '../../../lib/format';
import { safeNextPath } from '../../../lib/next-path';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { looksLikeEmail } from '../../../lib/validation';
import { parseSignInSearch } from '../../../lib/sign-in-search';
import { useOperatorSignIn } from '../api/operator-sign-in';

const FIELDS = ['email', 'password', 'totp'] as const;

interface SignInValues {
  email: string;
  password: string;
  totp: string;
}

export function OperatorSignInPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const search = parseSignInSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const signIn = useOperatorSignIn();
  const form = useForm<SignInValues>({ email: '', password: '', totp: '' });
  const serverErrors = useServerFieldErrors(signIn.error, FIELDS);
  // The code field appears once the server says this operator needs one.
  const [needsTotp, setNeedsTotp] = useState(false);
  const [sentTotp, setSentTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, password, totp } = form.values;
    const found: FieldErrors<SignInValues> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!looksLikeEmail(email)) found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    if (needsTotp && !/^\d{6}$/.test(totp.trim())) found.totp = t('validation.totp');
    if (!form.check(found)) return;
    setSentTotp(needsTotp);
    signIn.mutate(
      { email: email.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) },
      {
        onSuccess: () => void navigate({ href: safeNextPath(search.next), replace: true }),
        onError: (error) => {
          if (hasErrorCode(error, 'TOTP_REQUIRED') && !needsTotp) setNeedsTotp(true);
          else form.focusFirstError();
        },
      },
    );
  }

  const error = signIn.error;
  // The first TOTP_REQUIRED is a request for the code, not a failure; after a code was sent,
  // it means the code was wrong.
  const askingForCode = hasErrorCode(error, 'TOTP_REQUIRED') && !sentTotp;
  let message: string | undefined;
  if (hasErrorCode(error, 'INVALID_CREDENTIALS', 'TOTP_REQUIRED')) {
    message = t('platform.signIn.invalid');
  } else if (hasErrorCode(error, 'RATE_LIMITED')) {
    message =
      error.retryAfter === null
        ? t('apiErrors.RATE_LIMITED')
        : t('auth.signIn.rateLimited', {
            wait: formatMinutes(minutesToWait(error.retryAfter), locale),
          });
  }

  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="md">
        <Title order={2}>{t('platform.signIn.heading')}</Title>
        <form ref={form.formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {!askingForCode && <ErrorAlert error={error} message={message} />}
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
            {needsTotp && (
              <TextInput
                ref={totpRef}
                label={t('platform.signIn.totp')}
                description={t('platform.signIn.totpHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                dir="ltr"
                value={form.values.totp}
                onChange={(e) => form.setValue('totp', e.currentTarget.value.replace(/\D/g, ''))}
                error={form.errors.totp ?? serverErrors.totp}
              />
            )}
            <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
              {t('platform.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
