import { Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Student } from '../../../../shared/contracts/people.js';
import { InviteToPortalDialog } from '../../../components/invite-to-portal-dialog';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { hasNavigationEntry } from '../../../lib/navigation-entries';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useSectionOptions } from '../../academics/api/sections';
import { useCurrentMe } from '../../auth/api/get-me';
import { useNavigation } from '../../auth/api/get-navigation';
import { useCreateStudentAccount } from '../api/create-student-account';
import { useStudent } from '../api/get-student';
import { StudentDetailsPanel } from '../components/student-details-panel';
import { StudentEnrollmentPanel } from '../components/student-enrollment-panel';
import { StudentGuardiansPanel } from '../components/student-guardians-panel';
import { StudentStatusBadge } from '../components/student-status-badge';
import { StudentStatusMenu } from '../components/student-status-menu';

export function StudentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  const student = useStudent(id ?? '');

  if (student.isPending) return <PageLoader />;
  if (student.isError) {
    const kind = statusKindOf(student.error);
    return kind === 'error' ? (
      <RecordErrorAlert error={student.error} />
    ) : (
      <StatusPage kind={kind} homePath="/students" />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/students" size="sm">
        {t('common.backToList')}
      </Anchor>
      <StudentProfile student={student.data} />
    </Stack>
  );
}

function StudentProfile({ student }: { student: Student }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigation = useNavigation();
  const canManage = hasPermission(me, 'students:manage');
  const canSeeGuardians = hasPermission(me, 'guardians:read');
  const name = personName(student);
  const invite = useCreateStudentAccount(student.id);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const options = useSectionOptions();

  return (
    <Stack gap="lg">
      <PageHeader
        title={name}
        actions={
          canManage && (
            <Group gap="sm">
              <StudentStatusMenu
                student={student}
                onChanged={() => setNotice(t('students.status.changed'))}
              />
              {!student.userId && (
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
            </Group>
          )
        }
      />
      <Group gap="sm">
        <Text>
          {t('students.fields.admissionNumber')}: <bdi>{student.admissionNumber}</bdi>
        </Text>
        <StudentStatusBadge status={student.status} />
        {student.userId && (
          <Badge variant="outline" c="dark.8">
            {t('records.hasAccount')}
          </Badge>
        )}
      </Group>
      {notice && <SuccessAlert>{notice}</SuccessAlert>}

      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('students.tabs.details')}</Tabs.Tab>
          {canSeeGuardians && <Tabs.Tab value="guardians">{t('students.tabs.guardians')}</Tabs.Tab>}
          <Tabs.Tab value="enrollment">{t('students.tabs.enrollment')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <StudentDetailsPanel student={student} sections={options} canManage={canManage} />
        </Tabs.Panel>
        {canSeeGuardians && (
          <Tabs.Panel value="guardians" pt="md">
            <StudentGuardiansPanel
              studentId={student.id}
              studentName={name}
              canManage={canManage}
              canOpenGuardians={hasNavigationEntry(navigation, 'guardians')}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="enrollment" pt="md">
          <StudentEnrollmentPanel
            student={student}
            sections={options}
            canOpenClasses={hasNavigationEntry(navigation, 'classes')}
          />
        </Tabs.Panel>
      </Tabs>

      {canManage && (
        <InviteToPortalDialog
          opened={inviting}
          onClose={() => setInviting(false)}
          name={name}
          defaultEmail=""
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
