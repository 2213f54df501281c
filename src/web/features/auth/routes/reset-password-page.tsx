import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { hasErrorCode } from '../../../lib/api-client';
import { takeFragmentToken } from '../../../lib/fragment-token';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import { PASSWORD_MIN_LENGTH } from '../../../lib/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { AuthCard } from '../components/auth-card';
import { newPasswordErrors } from '../password-rules';

const FIELDS = ['password'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => takeFragmentToken());
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const form = useForm({ password: '', confirmPassword: '' });
  const serverErrors = useServerFieldErrors(confirm.error, FIELDS);

  if (!token || hasErrorCode(confirm.error, 'INVALID_TOKEN')) {
    return (
      <AuthCard title={t('auth.reset.heading')}>
        <Alert color="red" variant="light" role="alert">
          {token ? t('auth.reset.invalid') : t('auth.reset.missingToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('auth.reset.requestNew')}
        </Anchor>
      </AuthCard>
    );
  }
  const validToken = token;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { password, confirmPassword } = form.values;
    if (!form.check(newPasswordErrors(t, password, confirmPassword))) return;
    confirm.mutate(
      { token: validToken, password },
      {
        onSuccess: () =>
          void navigate({ to: '/sign-in', search: { notice: 'password-reset' }, replace: true }),
        onError: form.focusFirstError,
      },
    );
  }

  const weak = hasErrorCode(confirm.error, 'PASSWORD_TOO_WEAK');
  return (
    <AuthCard title={t('auth.reset.heading')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {!weak && <ErrorAlert error={confirm.error} />}
          <PasswordField
            label={t('auth.reset.newPassword')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={form.values.password}
            onChange={(e) => form.setValue('password', e.currentTarget.value)}
            error={
              form.errors.password ??
              serverErrors.password ??
              (weak ? t('apiErrors.PASSWORD_TOO_WEAK') : undefined)
            }
          />
          <PasswordField
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            value={form.values.confirmPassword}
            onChange={(e) => form.setValue('confirmPassword', e.currentTarget.value)}
            error={form.errors.confirmPassword}
          />
          <Button type="submit" loading={confirm.isPending} disabled={confirm.isPending}>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
