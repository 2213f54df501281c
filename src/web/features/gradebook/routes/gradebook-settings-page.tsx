import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';

import type { GradingScale } from '../../../../shared/contracts/gradebook.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { hasPermission } from '../../../lib/permissions';
import { useCurrentMe } from '../../auth/api/get-me';
import { useDeleteGradingScale } from '../api/delete-grading-scale';
import { useGradebookSettings } from '../api/get-gradebook-settings';
import { useGradingScales } from '../api/list-grading-scales';
import { useMakeGradingScaleDefault } from '../api/make-grading-scale-default';
import { useUpdateGradebookSettings } from '../api/update-gradebook-settings';
import { GradebookErrorAlert } from '../components/gradebook-error-alert';
import { ScaleDialog } from '../components/scale-dialog';
import { formatPercent } from '../grade-format';
import { describeBands } from '../scale-values';
import { useGradebookT } from '../use-gradebook-t';

/** /gradebook/settings: how averages are worked out, for those with grades:manage. */
export function GradebookSettingsPage() {
  const gt = useGradebookT();
  const me = useCurrentMe();
  if (!hasPermission(me, 'grades:manage')) return <StatusPage kind="forbidden" />;
  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/gradebook" size="sm">
        {gt('gradebook.settings.back')}
      </Anchor>
      <PageHeader
        title={gt('gradebook.settings.title')}
        description={gt('gradebook.settings.description')}
      />
      <MissingWorkSetting />
      <ScalesSection />
    </Stack>
  );
}

function MissingWorkSetting() {
  const gt = useGradebookT();
  const headingId = useId();
  const settings = useGradebookSettings();
  const update = useUpdateGradebookSettings();
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {gt('gradebook.settings.averagesHeading')}
        </Title>
        {settings.isPending ? (
          <PageLoader />
        ) : settings.isError ? (
          <GradebookErrorAlert error={settings.error} />
        ) : (
          <Switch
            label={gt('gradebook.settings.missingAsZero')}
            description={gt('gradebook.settings.missingAsZeroHint')}
            checked={
              update.isPending
                ? update.variables.missingCountsAsZero
                : settings.data.missingCountsAsZero
            }
            disabled={update.isPending}
            onChange={(event) => {
              setSaved(false);
              update.mutate(
                { missingCountsAsZero: event.currentTarget.checked },
                { onSuccess: () => setSaved(true) },
              );
            }}
          />
        )}
        {saved && <SuccessAlert>{gt('gradebook.settings.saved')}</SuccessAlert>}
        <GradebookErrorAlert error={update.error} />
      </Stack>
    </section>
  );
}

function ScalesSection() {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const scales = useGradingScales();
  const makeDefault = useMakeGradingScaleDefault();
  const remove = useDeleteGradingScale();
  const [editing, setEditing] = useState<GradingScale | 'new' | null>(null);
  const [deleting, setDeleting] = useState<GradingScale | null>(null);
  const format = (n: number) => formatPercent(n, locale);
  const items = scales.data?.items ?? [];

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id={headingId}>
            {gt('gradebook.scales.heading')}
          </Title>
          <Button onClick={() => setEditing('new')}>{gt('gradebook.scales.add')}</Button>
        </Group>
        <Text size="sm" c="dimmed" maw="70ch">
          {gt('gradebook.scales.intro')}
        </Text>
        <GradebookErrorAlert error={makeDefault.error} />
        {scales.isPending ? (
          <PageLoader />
        ) : scales.isError ? (
          <GradebookErrorAlert error={scales.error} />
        ) : items.length === 0 ? (
          <Text>
            {gt('gradebook.scales.builtIn', {
              bands: describeBands(scales.data.effective.bands, format),
            })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{gt('gradebook.scales.name')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.scales.bands')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.actions.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((scale) => (
                  <Table.Tr key={scale.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text fw={500}>{scale.name}</Text>
                        {scale.isDefault && (
                          <Badge variant="light">{gt('gradebook.scales.default')}</Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{describeBands(scale.bands, format)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(scale)}>
                          {gt('gradebook.actions.edit')}
                        </Button>
                        {!scale.isDefault && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={makeDefault.isPending && makeDefault.variables === scale.id}
                            onClick={() => makeDefault.mutate(scale.id)}
                          >
                            {gt('gradebook.scales.makeDefault')}
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            remove.reset();
                            setDeleting(scale);
                          }}
                        >
                          {gt('gradebook.actions.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ScaleDialog
        opened={editing !== null}
        item={editing === 'new' ? null : editing}
        first={items.length === 0}
        onClose={() => setEditing(null)}
        onSaved={() => setEditing(null)}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={gt('gradebook.scales.deleteTitle', { name: deleting?.name ?? '' })}
      >
        <Stack gap="md">
          <Text>
            {deleting?.isDefault
              ? gt('gradebook.scales.deleteDefaultConfirm')
              : gt('gradebook.scales.deleteConfirm')}
          </Text>
          <GradebookErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              {gt('gradebook.actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })
              }
            >
              {gt('gradebook.actions.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  );
}
