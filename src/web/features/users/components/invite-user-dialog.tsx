import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CustomRole } from '../../../../shared/contracts/identity.js';
import type { BuiltInRole } from '../../../../shared/permissions.js';
import { ErrorAlert } from '../../../components/error-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { looksLikeEmail } from '../../../lib/validation';
import { useInviteUser } from '../api/invite-user';

import { RoleFields } from './role-fields';

interface InviteUserDialogProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
  customRoles: CustomRole[];
}

export function InviteUserDialog({
  opened,
  onClose,
  onInvited,
  customRoles,
}: InviteUserDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.inviteDialog.title')} size="lg">
      {/* Mounted only while open, so every invitation starts from an empty form. */}
      {opened && <InviteForm onCancel={onClose} onInvited={onInvited} customRoles={customRoles} />}
    </Modal>
  );
}

const FIELDS = ['email', 'name', 'roles', 'customRoleIds'] as const;

interface InviteValues {
  email: string;
  name: string;
  roles: BuiltInRole[];
  customRoleIds: string[];
}

function InviteForm({
  onCancel,
  onInvited,
  customRoles,
}: {
  onCancel: () => void;
  onInvited: (email: string) => void;
  customRoles: CustomRole[];
}) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const form = useForm<InviteValues>({ email: '', name: '', roles: [], customRoleIds: [] });
  const serverErrors = useServerFieldErrors(invite.error, FIELDS);
  const emailTaken = hasErrorCode(invite.error, 'EMAIL_TAKEN');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, name, roles, customRoleIds } = form.values;
    const found: FieldErrors<InviteValues> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!looksLikeEmail(email)) found.email = t('validation.email');
    if (!name.trim()) found.name = t('validation.required');
    if (roles.length === 0 && customRoleIds.length === 0)
      found.roles = t('validation.roleRequired');
    if (!form.check(found)) return;
    invite.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        roles,
        ...(customRoleIds.length > 0 ? { customRoleIds } : {}),
      },
      { onSuccess: (user) => onInvited(user.email), onError: form.focusFirstError },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('users.inviteDialog.intro')}</Text>
        {!emailTaken && <ErrorAlert error={invite.error} />}
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
            serverErrors.email ??
            (emailTaken ? t('apiErrors.EMAIL_TAKEN') : undefined)
          }
        />
        <TextInput
          label={t('auth.fullName')}
          autoComplete="off"
          required
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name ?? serverErrors.name}
        />
        <RoleFields
          roles={form.values.roles}
          customRoleIds={form.values.customRoleIds}
          customRoles={customRoles}
          onRolesChange={(roles) => form.setValue('roles', roles)}
          onCustomRoleIdsChange={(ids) => form.setValue('customRoleIds', ids)}
          rolesError={form.errors.roles ?? serverErrors.roles}
          customRolesError={serverErrors.customRoleIds}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} disabled={invite.isPending}>
            {t('users.inviteDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
