import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { SuccessAlert } from '../../../components/success-alert';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import { looksLikeEmail } from '../../../lib/validation';
import { useRequestPasswordReset } from '../api/request-password-reset';
import { AuthCard } from '../components/auth-card';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({ email: '' });
  const serverErrors = useServerFieldErrors(request.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = form.values.email.trim();
    const found = !email
      ? { email: t('validation.required') }
      : !looksLikeEmail(email)
        ? { email: t('validation.email') }
        : {};
    if (!form.check(found)) return;
    request.mutate({ email }, { onError: form.focusFirstError });
  }

  return (
    <AuthCard title={t('auth.forgot.heading')}>
      {request.isSuccess ? (
        <SuccessAlert>{t('auth.forgot.sent')}</SuccessAlert>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text>{t('auth.forgot.intro')}</Text>
            <ErrorAlert error={request.error} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={form.values.email}
              onChange={(e) => form.setValue('email', e.currentTarget.value)}
              error={form.errors.email ?? serverErrors.email}
            />
            <Button type="submit" loading={request.isPending} disabled={request.isPending}>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
