import { Button, Menu, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Student, StudentStatusValue } from '../../../../shared/contracts/people.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useChangeStudentStatus } from '../api/change-student-status';
import { isFinalStatus, nextStatuses } from '../student-status';

const REASON_MAX_LENGTH = 500;

/** The statuses the lifecycle allows from the current one; each asks before it applies. */
export function StudentStatusMenu({
  student,
  onChanged,
}: {
  student: Student;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeStudentStatus(student.id);
  const [target, setTarget] = useState<StudentStatusValue | null>(null);
  const [reason, setReason] = useState('');
  const options = nextStatuses(student.status);
  if (options.length === 0) return null;

  const close = () => {
    change.reset();
    setTarget(null);
  };

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="light">{t('students.status.change')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('students.status.moveTo')}</Menu.Label>
          {options.map((status) => (
            <Menu.Item
              key={status}
              onClick={() => {
                setReason('');
                setTarget(status);
              }}
            >
              {t(`studentStatus.${status}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>

      <ConfirmDialog
        opened={target !== null}
        title={
          target ? t('students.status.confirmTitle', { status: t(`studentStatus.${target}`) }) : ''
        }
        confirmLabel={t('students.status.confirm')}
        danger={target !== null && isFinalStatus(target)}
        pending={change.isPending}
        error={change.error}
        onClose={close}
        onConfirm={() => {
          if (!target) return;
          const text = reason.trim();
          change.mutate(
            { status: target, ...(text ? { reason: text } : {}) },
            {
              onSuccess: () => {
                setTarget(null);
                onChanged();
              },
            },
          );
        }}
      >
        {target && isFinalStatus(target) && <Text>{t('students.status.finalNote')}</Text>}
        <Textarea
          label={t('students.status.reason')}
          description={t('students.status.reasonHint')}
          maxLength={REASON_MAX_LENGTH}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ConfirmDialog>
    </>
  );
}
