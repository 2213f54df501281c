import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Staff } from '../../../../shared/contracts/people.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FactList } from '../../../components/fact-list';
import { InviteToPortalDialog } from '../../../components/invite-to-portal-dialog';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { hasNavigationEntry } from '../../../lib/navigation-entries';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useSectionOptions } from '../../academics/api/sections';
import { useCurrentMe } from '../../auth/api/get-me';
import { classGroupLabel } from '../../classes/class-group';
import { useNavigation } from '../../auth/api/get-navigation';
import { useCreateStaffAccount } from '../api/create-staff-account';
import { useStaffMember } from '../api/get-staff-member';
import { useStaffClasses } from '../api/list-staff-classes';
import { useSetStaffArchived } from '../api/set-staff-archived';
import { useUpdateStaffMember } from '../api/update-staff-member';
import { StaffFields } from '../components/staff-fields';
import { StaffStatusBadge } from '../components/staff-status-badge';
import { checkStaffValues, STAFF_FIELDS, staffChanges, staffValues } from '../staff-values';

export function StaffDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  const member = useStaffMember(id ?? '');

  if (member.isPending) return <PageLoader />;
  if (member.isError) {
    const kind = statusKindOf(member.error);
    return kind === 'error' ? (
      <RecordErrorAlert error={member.error} />
    ) : (
      <StatusPage kind={kind} homePath="/staff" />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff" size="sm">
        {t('common.backToList')}
      </Anchor>
      <StaffProfile member={member.data} />
    </Stack>
  );
}

function StaffProfile({ member }: { member: Staff }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = hasPermission(me, 'staff:manage');
  const name = personName(member);
  const archived = member.status === 'archived';
  const invite = useCreateStaffAccount(member.id);
  const setArchived = useSetStaffArchived(member.id);
  const [inviting, setInviting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const closeConfirm = () => {
    setArchived.reset();
    setConfirming(false);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={name}
        actions={
          canManage && (
            <Group gap="sm">
              {!member.userId && !archived && (
                <Button
                  variant="default"
                  onClick={() => {
                    setNotice(null);
                    setInviting(true);
                  }}
                >
                  {t('records.invite.open')}
                </Button>
              )}
              <Button
                variant="outline"
                color={archived ? undefined : 'red'}
                onClick={() => {
                  setNotice(null);
                  setConfirming(true);
                }}
              >
                {archived ? t('staff.detail.restore') : t('staff.detail.archive')}
              </Button>
            </Group>
          )
        }
      />
      <Group gap="sm">
        <StaffStatusBadge status={member.status} />
        {member.isTeacher && (
          <Badge variant="light" c="dark.8">
            {t('staff.fields.isTeacher')}
          </Badge>
        )}
        {member.userId && (
          <Badge variant="outline" c="dark.8">
            {t('records.hasAccount')}
          </Badge>
        )}
      </Group>
      {notice && <SuccessAlert>{notice}</SuccessAlert>}

      {canManage ? (
        <StaffEditForm key={member.id} member={member} />
      ) : (
        <FactList
          facts={[
            {
              label: t('staff.fields.employeeNumber'),
              value: <bdi>{member.employeeNumber}</bdi>,
            },
            { label: t('staff.fields.position'), value: member.position || '—' },
            { label: t('staff.fields.department'), value: member.department || '—' },
            {
              label: t('staff.fields.email'),
              value: member.email ? <bdi>{member.email}</bdi> : '—',
            },
            {
              label: t('staff.fields.phone'),
              value: member.phone ? <bdi dir="ltr">{member.phone}</bdi> : '—',
            },
          ]}
        />
      )}
      {member.isTeacher && <StaffClasses staffId={member.id} name={name} />}

      {canManage && (
        <>
          <InviteToPortalDialog
            opened={inviting}
            onClose={() => setInviting(false)}
            name={name}
            defaultEmail={member.email ?? ''}
            invite={invite}
            onInvited={(email) => {
              setInviting(false);
              setNotice(t('records.invite.sent', { email }));
            }}
          />
          <ConfirmDialog
            opened={confirming}
            title={
              archived
                ? t('staff.detail.restoreTitle', { name })
                : t('staff.detail.archiveTitle', { name })
            }
            confirmLabel={archived ? t('staff.detail.restore') : t('staff.detail.archive')}
            danger={!archived}
            pending={setArchived.isPending}
            error={setArchived.error}
            onClose={closeConfirm}
            onConfirm={() =>
              setArchived.mutate(!archived, {
                onSuccess: (saved) => {
                  setConfirming(false);
                  setNotice(
                    saved.status === 'archived'
                      ? t('staff.detail.archived')
                      : t('staff.detail.restored'),
                  );
                },
              })
            }
          >
            <Text>
              {archived ? t('staff.detail.restoreConfirm') : t('staff.detail.archiveConfirm')}
            </Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

function StaffEditForm({ member }: { member: Staff }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateStaffMember(member.id);
  const form = useForm(staffValues(member));
  const serverErrors = useRecordFieldErrors(update.error, STAFF_FIELDS);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found = checkStaffValues(form.values, {
      required: t('validation.required'),
      email: t('validation.email'),
    });
    if (!form.check(found)) return;
    const body = staffChanges(member, form.values);
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
            {t('staff.detail.editHeading')}
          </Title>
          {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
          <RecordErrorAlert error={update.error} />
          <StaffFields
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

function StaffClasses({ staffId, name }: { staffId: string; name: string }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const navigation = useNavigation();
  const canOpenClasses = hasNavigationEntry(navigation, 'classes');
  const headingId = useId();
  const classes = useStaffClasses(staffId);
  const sections = useSectionOptions();

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('staff.detail.classesHeading')}
      </Title>
      {classes.isPending ? (
        <PageLoader />
      ) : classes.isError ? (
        <RecordErrorAlert error={classes.error} />
      ) : classes.data.items.length === 0 ? (
        <Text>{t('staff.detail.noClasses')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('staff.detail.classesCaption', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('classes.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.group')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.term')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.room')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {classes.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={500}>
                    {canOpenClasses ? (
                      <Anchor component={Link} to={`/classes/${item.id}`}>
                        {item.name}
                      </Anchor>
                    ) : (
                      item.name
                    )}
                  </Table.Th>
                  <Table.Td>{item.subject.name}</Table.Td>
                  <Table.Td>{classGroupLabel(item, sections)}</Table.Td>
                  <Table.Td>
                    {t('classes.termDates', {
                      name: item.term.name,
                      from: formatCalendarDate(item.term.startsOn, locale),
                      to: formatCalendarDate(item.term.endsOn, locale),
                    })}
                  </Table.Td>
                  <Table.Td>{item.room?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
