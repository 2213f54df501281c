import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StudentGuardian } from '../../../../shared/contracts/people.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { SuccessAlert } from '../../../components/success-alert';
import { personName } from '../../../lib/person-name';
import { useStudentGuardians } from '../api/list-student-guardians';
import { useUnlinkStudentGuardian } from '../api/unlink-student-guardian';

import { GuardianLinkFlags, useRelationshipLabel } from './guardian-link-flags';
import { LinkGuardianDialog } from './link-guardian-dialog';

interface StudentGuardiansPanelProps {
  studentId: string;
  studentName: string;
  canManage: boolean;
  /** Whether the guardians' own pages are open to the actor, to link to them. */
  canOpenGuardians: boolean;
}

export function StudentGuardiansPanel(props: StudentGuardiansPanelProps) {
  const { t } = useTranslation();
  const relationshipLabel = useRelationshipLabel();
  const guardians = useStudentGuardians(props.studentId);
  const unlink = useUnlinkStudentGuardian(props.studentId);
  const [editing, setEditing] = useState<{ link: StudentGuardian | null } | null>(null);
  const [unlinking, setUnlinking] = useState<StudentGuardian | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const closeUnlink = () => {
    unlink.reset();
    setUnlinking(null);
  };

  return (
    <Stack gap="md">
      {props.canManage && (
        <Group>
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ link: null });
            }}
          >
            {t('students.guardians.linkOpen')}
          </Button>
        </Group>
      )}
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {guardians.isPending ? (
        <PageLoader />
      ) : guardians.isError ? (
        <RecordErrorAlert error={guardians.error} />
      ) : guardians.data.items.length === 0 ? (
        <Text>{t('students.guardians.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>
              {t('students.guardians.caption', { name: props.studentName })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('students.guardians.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('students.guardians.columns.relationship')}</Table.Th>
                <Table.Th scope="col">{t('students.guardians.columns.contact')}</Table.Th>
                <Table.Th scope="col">{t('students.guardians.columns.flags')}</Table.Th>
                {props.canManage && <Table.Th scope="col">{t('records.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guardians.data.items.map((link) => {
                const name = personName(link.guardian);
                return (
                  <Table.Tr key={link.guardianId}>
                    <Table.Th scope="row" fw={500}>
                      {props.canOpenGuardians ? (
                        <Anchor component={Link} to={`/guardians/${link.guardianId}`}>
                          {name}
                        </Anchor>
                      ) : (
                        name
                      )}
                    </Table.Th>
                    <Table.Td>{relationshipLabel(link.relationship)}</Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {link.guardian.email && <bdi>{link.guardian.email}</bdi>}
                        {link.guardian.phone && <bdi dir="ltr">{link.guardian.phone}</bdi>}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <GuardianLinkFlags link={link} />
                    </Table.Td>
                    {props.canManage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t('students.guardians.editLabel', { name })}
                            onClick={() => {
                              setNotice(null);
                              setEditing({ link });
                            }}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('students.guardians.unlinkLabel', { name })}
                            onClick={() => {
                              setNotice(null);
                              setUnlinking(link);
                            }}
                          >
                            {t('students.guardians.unlink')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {props.canManage && (
        <>
          <LinkGuardianDialog
            studentId={props.studentId}
            link={editing?.link ?? null}
            opened={editing !== null}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice(t('common.saved'));
            }}
          />
          <ConfirmDialog
            opened={unlinking !== null}
            title={
              unlinking
                ? t('students.guardians.unlinkTitle', { name: personName(unlinking.guardian) })
                : ''
            }
            confirmLabel={t('students.guardians.unlink')}
            danger
            pending={unlink.isPending}
            error={unlink.error}
            onClose={closeUnlink}
            onConfirm={() => {
              if (!unlinking) return;
              unlink.mutate(unlinking.guardianId, {
                onSuccess: () => {
                  setUnlinking(null);
                  setNotice(t('students.guardians.unlinked'));
                },
              });
            }}
          >
            <Text>{t('students.guardians.unlinkConfirm')}</Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}
