import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Guardian } from '../../../../shared/contracts/people.js';
import { FactList } from '../../../components/fact-list';
import { InviteToPortalDialog } from '../../../components/invite-to-portal-dialog';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useCurrentMe } from '../../auth/api/get-me';
import {
  GuardianLinkFlags,
  useRelationshipLabel,
} from '../../students/components/guardian-link-flags';
import { StudentStatusBadge } from '../../students/components/student-status-badge';
import { useCreateGuardianAccount } from '../api/create-guardian-account';
import { useGuardian } from '../api/get-guardian';
import { useGuardianStudents } from '../api/list-guardian-students';
import { useUpdateGuardian } from '../api/update-guardian';
import { GuardianFields } from '../components/guardian-fields';
import {
  checkGuardianValues,
  GUARDIAN_FIELDS,
  guardianChanges,
  guardianValues,
} from '../guardian-values';

export function GuardianDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  const guardian = useGuardian(id ?? '');

  if (guardian.isPending) return <PageLoader />;
  if (guardian.isError) {
    const kind = statusKindOf(guardian.error);
    return kind === 'error' ? (
      <RecordErrorAlert error={guardian.error} />
    ) : (
      <StatusPage kind={kind} homePath="/guardians" />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/guardians" size="sm">
        {t('common.backToList')}
      </Anchor>
      <GuardianProfile guardian={guardian.data} />
    </Stack>
  );
}

function GuardianProfile({ guardian }: { guardian: Guardian }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = hasPermission(me, 'guardians:manage');
  const name = personName(guardian);
  const invite = useCreateGuardianAccount(guardian.id);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title={name}
        actions={
          canManage &&
          !guardian.userId && (
            <Button
              variant="default"
              onClick={() => {
                setNotice(null);
                setInviting(true);
              }}
            >
              {t('records.invite.open')}
            </Button>
          )
        }
      />
      {guardian.userId && (
        <Group>
          <Badge variant="outline" c="dark.8">
            {t('records.hasAccount')}
          </Badge>
        </Group>
      )}
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {canManage ? (
        <GuardianEditForm key={guardian.id} guardian={guardian} />
      ) : (
        <FactList
          facts={[
            { label: t('guardians.fields.email'), value: guardian.email ?? '—' },
            {
              label: t('guardians.fields.phone'),
              value: guardian.phone ? <bdi dir="ltr">{guardian.phone}</bdi> : '—',
            },
            { label: t('guardians.fields.address'), value: guardian.address ?? '—' },
          ]}
        />
      )}
      <GuardianChildren guardianId={guardian.id} name={name} />

      {canManage && (
        <InviteToPortalDialog
          opened={inviting}
          onClose={() => setInviting(false)}
          name={name}
          defaultEmail={guardian.email ?? ''}
          invite={invite}
          onInvited={(email) => {
            setInviting(false);
            setNotice(t('records.invite.sent', { email }));
          }}
        />
      )}
    </Stack>
  );
}

function GuardianEditForm({ guardian }: { guardian: Guardian }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateGuardian(guardian.id);
  const form = useForm(guardianValues(guardian));
  const serverErrors = useRecordFieldErrors(update.error, GUARDIAN_FIELDS);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found = checkGuardianValues(form.values, {
      required: t('validation.required'),
      email: t('validation.email'),
    });
    if (!form.check(found)) return;
    const body = guardianChanges(guardian, form.values);
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(body, { onSuccess: () => setSaved(true), onError: form.focusFirstError });
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('guardians.detail.editHeading')}
          </Title>
          {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
          <RecordErrorAlert error={update.error} />
          <GuardianFields
            values={form.values}
            errors={{ ...serverErrors, ...form.errors }}
            onChange={form.setValue}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={update.isPending}>
              {t('records.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function GuardianChildren({ guardianId, name }: { guardianId: string; name: string }) {
  const { t } = useTranslation();
  const relationshipLabel = useRelationshipLabel();
  const headingId = useId();
  const children = useGuardianStudents(guardianId);

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('guardians.detail.childrenHeading')}
      </Title>
      {children.isPending ? (
        <PageLoader />
      ) : children.isError ? (
        <RecordErrorAlert error={children.error} />
      ) : children.data.items.length === 0 ? (
        <Text>{t('guardians.detail.noChildren')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('guardians.detail.childrenCaption', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('students.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('students.columns.admissionNumber')}</Table.Th>
                <Table.Th scope="col">{t('students.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('students.guardians.columns.relationship')}</Table.Th>
                <Table.Th scope="col">{t('students.guardians.columns.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {children.data.items.map((link) => (
                <Table.Tr key={link.studentId}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/students/${link.studentId}`}>
                      {personName(link.student)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{link.student.admissionNumber}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <StudentStatusBadge status={link.student.status} />
                  </Table.Td>
                  <Table.Td>{relationshipLabel(link.relationship)}</Table.Td>
                  <Table.Td>
                    <GuardianLinkFlags link={link} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
