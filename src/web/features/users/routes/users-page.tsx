import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { User } from '../../../../shared/contracts/identity.js';
import { BUILT_IN_ROLES, isBuiltInRole } from '../../../../shared/permissions.js';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useRoles } from '../../roles/api/get-roles';
import { useUsers } from '../api/list-users';
import type { UserFilters } from '../api/list-users';
import { InviteUserDialog } from '../components/invite-user-dialog';
import { UserRoleBadges, UserStatusBadge } from '../components/user-badges';

const STATUSES: User['status'][] = ['invited', 'active', 'disabled'];

function isStatus(value: string): value is User['status'] {
  return (STATUSES as string[]).includes(value);
}

export function UsersPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [inviteOpen, setInviteOpen] = useState(false);
  const [invitedEmail, setInvitedEmail] = useState<string | null>(null);

  const filters: UserFilters = {
    q: debouncedSearch || undefined,
    role: isBuiltInRole(role) ? role : undefined,
    status: isStatus(status) ? status : undefined,
  };
  const users = useUsers(filters);
  // Custom role names for the table and the invitation form; the page works without them.
  const roles = useRoles();
  const customRoles = roles.data?.custom ?? [];
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.heading')}
        actions={
          <Button
            onClick={() => {
              setInvitedEmail(null);
              setInviteOpen(true);
            }}
          >
            {t('users.invite')}
          </Button>
        }
      />
      {invitedEmail && (
        <SuccessAlert>{t('users.inviteDialog.sent', { email: invitedEmail })}</SuccessAlert>
      )}
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('users.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flexGrow: 1, minWidth: 220 }}
        />
        <NativeSelect
          label={t('users.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data={[
            { value: '', label: t('users.allRoles') },
            ...BUILT_IN_ROLES.map((r) => ({ value: r, label: t(`roleNames.${r}`) })),
          ]}
        />
        <NativeSelect
          label={t('users.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('users.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) })),
          ]}
        />
      </Group>

      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorAlert error={users.error} />
      ) : rows.length === 0 ? (
        <Text>{t('users.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('users.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/admin/users/${user.id}`}>
                      {user.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{user.email}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <UserRoleBadges user={user} customRoles={customRoles} />
                  </Table.Td>
                  <Table.Td>
                    <UserStatusBadge status={user.status} />
                  </Table.Td>
                  <Table.Td>
                    {user.lastLoginAt
                      ? formatDateTime(user.lastLoginAt, locale, school.timezone)
                      : t('common.never')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={users.hasNextPage}
        isFetchingNextPage={users.isFetchingNextPage}
        fetchNextPage={users.fetchNextPage}
      />

      <InviteUserDialog
        opened={inviteOpen}
        onClose={() => setInviteOpen(false)}
        customRoles={customRoles}
        onInvited={(email) => {
          setInviteOpen(false);
          setInvitedEmail(email);
        }}
      />
    </Stack>
  );
}
