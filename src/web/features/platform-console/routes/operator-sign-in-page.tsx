import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { CopyValue } from '../../../components/copy-value';
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
import { groupSecret, totpSetupFrom } from '../totp-setup';
import type { TotpSetup } from '../totp-setup';

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
  // The setup answer names `totp` in its details to carry the secret, not to report an error.
  const serverErrors = useServerFieldErrors(
    hasErrorCode(signIn.error, 'TOTP_SETUP_REQUIRED') ? null : signIn.error,
    FIELDS,
  );
  // The code field appears once the server says this operator needs one; an operator without
  // two-factor authentication first gets the secret to set it up with.
  const [needsTotp, setNeedsTotp] = useState(false);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [sentTotp, setSentTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const setupHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Someone setting up reads the secret first; everyone else goes straight to the code.
    if (setup) setupHeadingRef.current?.focus();
    else if (needsTotp) totpRef.current?.focus();
  }, [needsTotp, setup]);

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
          const enrolment = totpSetupFrom(error);
          if (enrolment) {
            setSetup(enrolment);
            setNeedsTotp(true);
          } else if (hasErrorCode(error, 'TOTP_REQUIRED') && !needsTotp) setNeedsTotp(true);
          else form.focusFirstError();
        },
      },
    );
  }

  const error = signIn.error;
  // The first TOTP_REQUIRED (or TOTP_SETUP_REQUIRED) is a request for the code, not a
  // failure; after a code was sent, it means the code was wrong.
  const askingForCode = hasErrorCode(error, 'TOTP_REQUIRED', 'TOTP_SETUP_REQUIRED') && !sentTotp;
  let message: string | undefined;
  if (hasErrorCode(error, 'INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'TOTP_SETUP_REQUIRED')) {
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
            {setup && <TotpSetupStep setup={setup} headingRef={setupHeadingRef} />}
            {needsTotp && (
              <TextInput
                ref={totpRef}
                label={t('platform.signIn.totp')}
                description={
                  setup ? t('platform.totpSetup.codeHint') : t('platform.signIn.totpHint')
                }
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

function TotpSetupStep({
  setup,
  headingRef,
}: {
  setup: TotpSetup;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} bg="gray.0" p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('platform.totpSetup.heading')}
        </Title>
        <Text size="sm">{t('platform.totpSetup.intro')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('platform.totpSetup.secret')}
          </Text>
          <CopyValue
            label={t('platform.totpSetup.secret')}
            value={setup.secret}
            display={groupSecret(setup.secret)}
          />
        </Stack>
        {setup.uri && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('platform.totpSetup.uri')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('platform.totpSetup.uriHint')}
            </Text>
            <CopyValue label={t('platform.totpSetup.uri')} value={setup.uri} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
