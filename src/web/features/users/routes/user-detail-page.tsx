import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CustomRole, User } from '../../../../shared/contracts/identity.js';
import type { BuiltInRole } from '../../../../shared/permissions.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { useRoles } from '../../roles/api/get-roles';
import { useUser } from '../api/get-user';
import { useResendInvitation } from '../api/resend-invitation';
import { useUpdateUser } from '../api/update-user';
import { RoleFields } from '../components/role-fields';
import { UserStatusBadge } from '../components/user-badges';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  const user = useUser(id ?? '');
  const roles = useRoles();

  if (user.isPending) return <PageLoader />;
  if (user.isError) {
    const kind = statusKindOf(user.error);
    return kind === 'error' ? (
      <ErrorAlert error={user.error} />
    ) : (
      <StatusPage kind={kind} homePath="/admin/users" />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('common.backToList')}
      </Anchor>
      <PageHeader title={user.data.name} />
      <UserFacts user={user.data} />
      <UserEditForm key={user.data.id} user={user.data} customRoles={roles.data?.custom ?? []} />
      <UserAccess user={user.data} />
    </Stack>
  );
}

function UserFacts({ user }: { user: User }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const facts = [
    { label: t('users.detail.email'), value: <bdi>{user.email}</bdi> },
    { label: t('users.detail.status'), value: <UserStatusBadge status={user.status} /> },
    {
      label: t('users.detail.created'),
      value: formatDateTime(user.createdAt, locale, school.timezone),
    },
    {
      label: t('users.detail.lastLogin'),
      value: user.lastLoginAt
        ? formatDateTime(user.lastLoginAt, locale, school.timezone)
        : t('common.never'),
    },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" m={0}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0}>
            {fact.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

const FIELDS = ['name', 'roles', 'customRoleIds'] as const;

interface EditValues {
  name: string;
  roles: BuiltInRole[];
  customRoleIds: string[];
}

function UserEditForm({ user, customRoles }: { user: User; customRoles: CustomRole[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateUser(user.id);
  const form = useForm<EditValues>({
    name: user.name,
    roles: user.roles,
    customRoleIds: user.customRoleIds,
  });
  const serverErrors = useServerFieldErrors(update.error, FIELDS);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found: FieldErrors<EditValues> = {};
    if (!form.values.name.trim()) found.name = t('validation.required');
    if (!form.check(found)) return;
    update.mutate(
      {
        name: form.values.name.trim(),
        roles: form.values.roles,
        customRoleIds: form.values.customRoleIds,
      },
      { onSuccess: () => setSaved(true), onError: form.focusFirstError },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('users.detail.editHeading')}
          </Title>
          {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('auth.fullName')}
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
            rolesError={serverErrors.roles}
            customRolesError={serverErrors.customRoleIds}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={update.isPending}>
              {t('users.detail.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function UserAccess({ user }: { user: User }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateUser(user.id);
  const resend = useResendInvitation(user.id);
  const [confirming, setConfirming] = useState(false);
  const [statusChanged, setStatusChanged] = useState(false);
  const disabling = user.status !== 'disabled';

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('users.detail.accessHeading')}
        </Title>
        {statusChanged && <SuccessAlert>{t('users.detail.statusChanged')}</SuccessAlert>}
        {resend.isSuccess && <SuccessAlert>{t('users.detail.resent')}</SuccessAlert>}
        <ErrorAlert error={resend.error ?? update.error} />
        <Text>
          {user.status === 'invited'
            ? t('users.detail.invitedNote')
            : user.status === 'disabled'
              ? t('users.detail.disabledNote')
              : t('users.detail.activeNote')}
        </Text>
        <Group gap="sm">
          {user.status === 'invited' && (
            <Button
              variant="light"
              loading={resend.isPending}
              disabled={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {t('users.detail.resend')}
            </Button>
          )}
          <Button
            color={disabling ? 'red' : undefined}
            variant={disabling ? 'outline' : 'filled'}
            onClick={() => {
              setStatusChanged(false);
              setConfirming(true);
            }}
          >
            {disabling ? t('users.detail.disable') : t('users.detail.enable')}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={
          disabling
            ? t('users.detail.confirmDisableTitle', { name: user.name })
            : t('users.detail.confirmEnableTitle', { name: user.name })
        }
      >
        <Stack gap="md">
          <Text>
            {disabling ? t('users.detail.confirmDisable') : t('users.detail.confirmEnable')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={disabling ? 'red' : undefined}
              loading={update.isPending}
              disabled={update.isPending}
              onClick={() =>
                update.mutate(
                  { status: disabling ? 'disabled' : 'active' },
                  {
                    onSuccess: () => setStatusChanged(true),
                    onSettled: () => setConfirming(false),
                  },
                )
              }
            >
              {disabling ? t('users.detail.disable') : t('users.detail.enable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
