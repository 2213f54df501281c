import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CustomRole } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { useDeleteRole } from '../api/delete-role';
import { useRoles } from '../api/get-roles';
import { BuiltInRolesMatrix } from '../components/built-in-roles-matrix';
import { CustomRoleDialog } from '../components/custom-role-dialog';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const builtInHeadingId = useId();
  const customHeadingId = useId();
  const [editing, setEditing] = useState<{ role: CustomRole | null } | null>(null);
  const [deleting, setDeleting] = useState<CustomRole | null>(null);
  const [saved, setSaved] = useState(false);

  if (roles.isPending) return <PageLoader />;
  if (roles.isError) {
    return (
      <Stack>
        <PageHeader title={t('rolesPage.heading')} />
        <ErrorAlert error={roles.error} />
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <PageHeader title={t('rolesPage.heading')} />

      <section aria-labelledby={builtInHeadingId}>
        <Title order={2} size="h3" id={builtInHeadingId} mb="xs">
          {t('rolesPage.builtInHeading')}
        </Title>
        <Text c="dimmed" mb="md" maw="75ch">
          {t('rolesPage.builtInIntro')}
        </Text>
        <BuiltInRolesMatrix builtIn={roles.data.builtIn} />
      </section>

      <section aria-labelledby={customHeadingId}>
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} size="h3" id={customHeadingId}>
            {t('rolesPage.customHeading')}
          </Title>
          <Button
            onClick={() => {
              setSaved(false);
              setEditing({ role: null });
            }}
          >
            {t('rolesPage.newRole')}
          </Button>
        </Group>
        <Text c="dimmed" mb="md" maw="75ch">
          {t('rolesPage.customIntro')}
        </Text>
        <Stack gap="md">
          {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
          {roles.data.custom.length === 0 ? (
            <Text>{t('rolesPage.noCustom')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {roles.data.custom.map((role) => (
                <Card key={role.id} withBorder radius="md" padding="lg" component="article">
                  <Stack gap="xs">
                    <Title order={3} size="h4">
                      {role.name}
                    </Title>
                    {role.description && <Text size="sm">{role.description}</Text>}
                    <Text size="sm" c="dimmed">
                      {t('rolesPage.permissionsCount', { number: role.permissions.length })}
                      {' · '}
                      {t('rolesPage.assigned', { number: role.assignedUsers })}
                    </Text>
                    <Group gap="sm" mt="xs">
                      <Button
                        variant="light"
                        size="xs"
                        aria-label={t('rolesPage.editRole', { name: role.name })}
                        onClick={() => {
                          setSaved(false);
                          setEditing({ role });
                        }}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t('rolesPage.deleteRole', { name: role.name })}
                        onClick={() => setDeleting(role)}
                      >
                        {t('common.delete')}
                      </Button>
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </section>

      <CustomRoleDialog
        opened={editing !== null}
        role={editing?.role ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setSaved(true);
        }}
      />
      <DeleteRoleDialog role={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function DeleteRoleDialog({ role, onClose }: { role: CustomRole | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteRole();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={role !== null}
      onClose={close}
      title={role ? t('rolesPage.deleteTitle', { name: role.name }) : ''}
    >
      {role && (
        <Stack gap="md">
          <Text>{t('rolesPage.deleteConfirm')}</Text>
          <ErrorAlert
            error={remove.error}
            message={
              hasErrorCode(remove.error, 'ROLE_IN_USE') && role.assignedUsers > 0
                ? t('rolesPage.deleteInUse', { number: role.assignedUsers })
                : undefined
            }
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={remove.isPending}
              onClick={() => remove.mutate(role.id, { onSuccess: close })}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
