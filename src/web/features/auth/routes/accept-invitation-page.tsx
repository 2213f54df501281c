import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { InvitationSummary } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { PasswordField } from '../../../components/password-field';
import { hasErrorCode } from '../../../lib/api-client';
import { takeFragmentToken } from '../../../lib/fragment-token';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import { PASSWORD_MIN_LENGTH } from '../../../lib/validation';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/inspect-invitation';
import { AuthCard } from '../components/auth-card';
import { newPasswordErrors } from '../password-rules';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(() => takeFragmentToken());
  const invitation = useInvitation(token);

  if (!token) return <InvalidInvitation message={t('auth.invitation.missingToken')} />;
  if (hasErrorCode(invitation.error, 'INVALID_TOKEN')) {
    return <InvalidInvitation message={t('auth.invitation.invalid')} />;
  }
  if (invitation.isError) {
    return (
      <AuthCard title={t('pages.error.heading')}>
        <ErrorAlert error={invitation.error} />
        <Button onClick={() => void invitation.refetch()}>{t('common.tryAgain')}</Button>
      </AuthCard>
    );
  }
  if (!invitation.data) {
    return (
      <Stack align="center" gap="xs">
        <PageLoader />
        <Text>{t('auth.invitation.checking')}</Text>
      </Stack>
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation.data} />;
}

function InvalidInvitation({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.invitation.invalidHeading')}>
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
    </AuthCard>
  );
}

const FIELDS = ['name', 'password'] as const;

function AcceptInvitationForm({
  token,
  invitation,
}: {
  token: string;
  invitation: InvitationSummary;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const form = useForm({ name: invitation.name, password: '', confirmPassword: '' });
  const serverErrors = useServerFieldErrors(accept.error, FIELDS);

  if (hasErrorCode(accept.error, 'INVALID_TOKEN')) {
    return <InvalidInvitation message={t('auth.invitation.invalid')} />;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, password, confirmPassword } = form.values;
    const found = newPasswordErrors(t, password, confirmPassword);
    const nameError = name.trim() ? {} : { name: t('validation.required') };
    if (!form.check({ ...nameError, ...found })) return;
    accept.mutate(
      { token, password, name: name.trim() },
      {
        onSuccess: () => void navigate({ to: '/', replace: true }),
        onError: form.focusFirstError,
      },
    );
  }

  const weak = hasErrorCode(accept.error, 'PASSWORD_TOO_WEAK');
  return (
    <AuthCard title={t('auth.invitation.heading', { schoolName: invitation.schoolName })}>
      <Text>{t('auth.invitation.intro', { email: invitation.email })}</Text>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {!weak && <ErrorAlert error={accept.error} />}
          <TextInput
            label={t('auth.fullName')}
            autoComplete="name"
            required
            value={form.values.name}
            onChange={(e) => form.setValue('name', e.currentTarget.value)}
            error={form.errors.name ?? serverErrors.name}
          />
          <PasswordField
            label={t('auth.password')}
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
          <Button type="submit" loading={accept.isPending} disabled={accept.isPending}>
            {t('auth.invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
