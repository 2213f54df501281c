import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';

import type { Assessment, GradebookGrid } from '../../../../shared/contracts/gradebook.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { useAppLocale } from '../../../lib/app-locale';
import { hasPermission } from '../../../lib/permissions';
import { joinNames, personName } from '../../../lib/person-name';
import { useCurrentMe } from '../../auth/api/get-me';
import { useDeleteAssessment } from '../api/delete-assessment';
import { useGradebook } from '../api/get-gradebook';
import { useSaveAssessment } from '../api/save-assessment';
import { AssessmentDialog } from '../components/assessment-dialog';
import { CategoriesDialog } from '../components/categories-dialog';
import { ClassPicker } from '../components/class-picker';
import { GradebookErrorAlert } from '../components/gradebook-error-alert';
import { ScoreGrid } from '../components/score-grid';
import { formatPoints, weightTotal } from '../grade-format';
import { useGradebookT } from '../use-gradebook-t';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function classIdFrom(search: unknown): string | null {
  const value = (search as { classId?: unknown } | null)?.classId;
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

/** /gradebook: pick a class, then its grid of scores (teachers: the classes they teach). */
export function GradebookPage() {
  const gt = useGradebookT();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const classId = classIdFrom(useSearch({ strict: false }));
  const wholeSchool = me.scopes['grades:read']?.includes('all') ?? false;
  const canManage = hasPermission(me, 'grades:manage');
  const grid = useGradebook(classId);
  const openFirstClass = useCallback(
    (first: string) =>
      void navigate({ to: '/gradebook', search: { classId: first }, replace: true }),
    [navigate],
  );
  const selectedName =
    classId && grid.data
      ? gt('gradebook.picker.option', {
          name: grid.data.class.name,
          term: grid.data.class.term.name,
        })
      : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={gt('gradebook.title')}
        description={gt('gradebook.description')}
        actions={
          canManage && (
            <Button component={Link} to="/gradebook/settings" variant="light">
              {gt('gradebook.settingsLink')}
            </Button>
          )
        }
      />
      <ClassPicker
        value={classId}
        selectedLabel={selectedName}
        wholeSchool={wholeSchool}
        onChange={(next) => void navigate({ to: '/gradebook', search: { classId: next } })}
        onDefault={openFirstClass}
      />
      {classId === null ? (
        <Text c="dimmed">{gt('gradebook.pickClass')}</Text>
      ) : grid.isPending ? (
        <PageLoader />
      ) : grid.isError ? (
        statusKindOf(grid.error) === 'error' ? (
          <GradebookErrorAlert error={grid.error} />
        ) : (
          <StatusPage kind={statusKindOf(grid.error)} headingOrder={2} homePath="/gradebook" />
        )
      ) : (
        <ClassGradebook key={classId} grid={grid.data} />
      )}
    </Stack>
  );
}

function ClassGradebook({ grid }: { grid: GradebookGrid }) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const publish = useSaveAssessment();
  const remove = useDeleteAssessment();
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const [editing, setEditing] = useState<Assessment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Assessment | null>(null);
  const total = weightTotal(grid.categories);
  const klass = grid.class;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3">
            {klass.name}
          </Title>
          <Text size="sm" c="dimmed">
            {gt('gradebook.classFacts', {
              subject: klass.subject.name,
              term: klass.term.name,
              teachers: joinNames(klass.teachers.map(personName), locale),
            })}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" onClick={() => setCategoriesOpen(true)}>
            {gt('gradebook.categories.open')}
          </Button>
          <Button onClick={() => setEditing('new')} disabled={grid.categories.length === 0}>
            {gt('gradebook.assessments.add')}
          </Button>
        </Group>
      </Group>

      {grid.categories.length === 0 ? (
        <Alert color="blue" variant="light">
          {gt('gradebook.categories.needOne')}
        </Alert>
      ) : (
        total !== 100 && (
          <Text size="sm" c="dimmed">
            {total === 0
              ? gt('gradebook.categories.weightsZero')
              : gt('gradebook.categories.weightsNormalised', {
                  total: formatPoints(total, locale),
                })}
          </Text>
        )
      )}
      <Text size="sm" c="dimmed">
        {grid.missingCountsAsZero
          ? gt('gradebook.missingAsZeroOn')
          : gt('gradebook.missingAsZeroOff')}{' '}
        {gt('gradebook.scaleInUse', { name: grid.scale.name })}
      </Text>
      <GradebookErrorAlert error={publish.error} />

      {grid.assessments.length === 0 ? (
        <Text>{gt('gradebook.assessments.none')}</Text>
      ) : (
        <ScoreGrid
          grid={grid}
          onEditAssessment={setEditing}
          onTogglePublished={(a) => publish.mutate({ id: a.id, body: { published: !a.published } })}
          onDeleteAssessment={(a) => {
            remove.reset();
            setDeleting(a);
          }}
        />
      )}

      <CategoriesDialog
        opened={categoriesOpen}
        classId={klass.id}
        className={klass.name}
        categories={grid.categories}
        onClose={() => setCategoriesOpen(false)}
      />
      <AssessmentDialog
        opened={editing !== null}
        classId={klass.id}
        item={editing === 'new' ? null : editing}
        categories={grid.categories}
        onClose={() => setEditing(null)}
        onSaved={() => setEditing(null)}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={gt('gradebook.assessments.deleteTitle', { title: deleting?.title ?? '' })}
      >
        <Stack gap="md">
          <Text>{gt('gradebook.assessments.deleteConfirm')}</Text>
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
              {gt('gradebook.assessments.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
