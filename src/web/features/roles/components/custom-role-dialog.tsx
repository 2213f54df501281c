import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useId } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CustomRole } from '../../../../shared/contracts/identity.js';
import { isPermission } from '../../../../shared/permissions.js';
import type { Permission } from '../../../../shared/permissions.js';
import { ErrorAlert } from '../../../components/error-alert';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { useCreateRole } from '../api/create-role';
import { useUpdateRole } from '../api/update-role';
import { groupPermissions, PERMISSION_LABELS, RESOURCE_LABELS } from '../permission-labels';

interface CustomRoleDialogProps {
  opened: boolean;
  /** The role to edit; null to create a new one. */
  role: CustomRole | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CustomRoleDialog({ opened, role, onClose, onSaved }: CustomRoleDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        role
          ? t('rolesPage.dialog.editTitle', { name: role.name })
          : t('rolesPage.dialog.createTitle')
      }
    >
      {opened && <CustomRoleForm role={role} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

const FIELDS = ['name', 'description', 'permissions'] as const;

interface RoleValues {
  name: string;
  description: string;
  permissions: Permission[];
}

function CustomRoleForm({
  role,
  onCancel,
  onSaved,
}: {
  role: CustomRole | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const permissionsErrorId = useId();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const form = useForm<RoleValues>({
    name: role?.name ?? '',
    description: role?.description ?? '',
    permissions: (role?.permissions ?? []).filter(isPermission),
  });
  const serverErrors = useServerFieldErrors(mutation.error, FIELDS);
  const permissionsError = form.errors.permissions ?? serverErrors.permissions;

  function toggle(permission: Permission, checked: boolean) {
    const current = form.values.permissions.filter((p) => p !== permission);
    form.setValue('permissions', checked ? [...current, permission] : current);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<RoleValues> = {};
    if (!form.values.name.trim()) found.name = t('validation.required');
    if (form.values.permissions.length === 0) found.permissions = t('validation.tooFew');
    if (!form.check(found)) return;
    const body = {
      name: form.values.name.trim(),
      description: form.values.description.trim(),
      permissions: form.values.permissions,
    };
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    if (role) update.mutate({ id: role.id, body }, options);
    else create.mutate(body, options);
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('rolesPage.dialog.name')}
          required
          data-autofocus
          maxLength={80}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name ?? serverErrors.name}
        />
        <Textarea
          label={t('rolesPage.dialog.description')}
          autosize
          minRows={2}
          maxLength={500}
          value={form.values.description}
          onChange={(e) => form.setValue('description', e.currentTarget.value)}
          error={serverErrors.description}
        />
        <Fieldset
          legend={t('rolesPage.dialog.permissions')}
          aria-describedby={permissionsError ? permissionsErrorId : undefined}
          aria-invalid={permissionsError ? true : undefined}
          tabIndex={permissionsError ? -1 : undefined}
        >
          {permissionsError && (
            <Text id={permissionsErrorId} c="red" size="sm" mb="sm">
              {permissionsError}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {groupPermissions().map((group) => (
              <Fieldset
                key={group.resource}
                legend={t(RESOURCE_LABELS[group.resource])}
                variant="unstyled"
              >
                <Stack gap={6}>
                  {group.permissions.map((permission) => (
                    <Checkbox
                      key={permission}
                      label={t(PERMISSION_LABELS[permission])}
                      checked={form.values.permissions.includes(permission)}
                      onChange={(e) => toggle(permission, e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
              </Fieldset>
            ))}
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
            {role ? t('rolesPage.dialog.submitEdit') : t('rolesPage.dialog.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
