import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { User } from '../../shared/contracts/identity.js';
import type { LinkAccountBody } from '../../shared/contracts/people.js';
import { hasErrorCode } from '../lib/api-client';
import { useRecordFieldErrors } from '../lib/record-errors';
import { useForm } from '../lib/use-form';
import type { FieldErrors } from '../lib/use-form';
import { looksLikeEmail } from '../lib/validation';

import { RecordErrorAlert } from './record-error-alert';

interface InviteToPortalDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The student's, guardian's or staff member's name, which the account takes by default. */
  name: string;
  defaultEmail: string;
  invite: UseMutationResult<User, Error, LinkAccountBody>;
  onInvited: (email: string) => void;
}

/** Gives a person on file an account: the server emails them an invitation to join. */
export function InviteToPortalDialog(props: InviteToPortalDialogProps) {
  const { t } = useTranslation();
  const close = () => {
    props.invite.reset();
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('records.invite.title', { name: props.name })}
    >
      {props.opened && <InviteForm {...props} onCancel={close} />}
    </Modal>
  );
}

const FIELDS = ['email', 'name'] as const;

function InviteForm({
  name,
  defaultEmail,
  invite,
  onInvited,
  onCancel,
}: InviteToPortalDialogProps & { onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ email: defaultEmail, name });
  const serverErrors = useRecordFieldErrors(invite.error, FIELDS);
  const emailTaken = hasErrorCode(invite.error, 'EMAIL_TAKEN');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = form.values.email.trim();
    const found: FieldErrors<typeof form.values> = {};
    if (!email) found.email = t('validation.required');
    else if (!looksLikeEmail(email)) found.email = t('validation.email');
    if (!form.check(found)) return;
    const accountName = form.values.name.trim();
    invite.mutate(
      { email, ...(accountName ? { name: accountName } : {}) },
      { onSuccess: (user) => onInvited(user.email), onError: form.focusFirstError },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('records.invite.intro')}</Text>
        {!emailTaken && <RecordErrorAlert error={invite.error} />}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          value={form.values.email}
          onChange={(e) => form.setValue('email', e.currentTarget.value)}
          error={
            form.errors.email ??
            (emailTaken ? t('apiErrors.EMAIL_TAKEN') : undefined) ??
            serverErrors.email
          }
        />
        <TextInput
          label={t('records.invite.accountName')}
          autoComplete="off"
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={serverErrors.name}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} disabled={invite.isPending}>
            {t('records.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
