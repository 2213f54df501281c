import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { BulkClassEnrollment } from '../../../../shared/contracts/enrollment.js';
import type { Student } from '../../../../shared/contracts/people.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useStudentSearch } from '../../students/api/list-students';
import { useEnrollStudents } from '../api/enroll-students';

interface EnrollStudentsDialogProps {
  classId: string;
  className: string;
  opened: boolean;
  onClose: () => void;
  onEnrolled: (result: BulkClassEnrollment) => void;
}

export function EnrollStudentsDialog(props: EnrollStudentsDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('classes.enroll.title', { name: props.className })}
      size="lg"
    >
      {props.opened && <EnrollForm {...props} />}
    </Modal>
  );
}

const FIELDS = ['studentIds', 'startsOn'] as const;

function studentLabel(student: Student): string {
  return `${personName(student)} (${student.admissionNumber})`;
}

function EnrollForm({ classId, onClose, onEnrolled }: EnrollStudentsDialogProps) {
  const { t } = useTranslation();
  const enroll = useEnrollStudents(classId);
  const serverErrors = useRecordFieldErrors(enroll.error, FIELDS);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const matches = useStudentSearch(debouncedSearch);
  // Chosen students stay listed (with their names) while the search moves on to others.
  const [chosen, setChosen] = useState<Map<string, Student>>(new Map());
  const [startsOn, setStartsOn] = useState('');
  const [missing, setMissing] = useState(false);

  const options = new Map(chosen);
  for (const student of matches.data?.items ?? []) options.set(student.id, student);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.size === 0) {
      setMissing(true);
      return;
    }
    enroll.mutate(
      { studentIds: [...chosen.keys()], ...(startsOn ? { startsOn } : {}) },
      { onSuccess: onEnrolled },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('classes.enroll.intro')}</Text>
        <RecordErrorAlert error={enroll.error} />
        <MultiSelect
          label={t('classes.enroll.students')}
          description={t('classes.enroll.studentsHint')}
          required
          searchable
          data-autofocus
          data={[...options.values()].map((s) => ({ value: s.id, label: studentLabel(s) }))}
          // The server searches names and admission numbers; its answer is shown as it is.
          filter={({ options: all }) => all}
          searchValue={search}
          onSearchChange={setSearch}
          value={[...chosen.keys()]}
          onChange={(ids) => {
            setMissing(false);
            setChosen(
              new Map(
                ids.flatMap((id) => {
                  const student = options.get(id);
                  return student ? [[id, student] as const] : [];
                }),
              ),
            );
          }}
          nothingFoundMessage={t('records.noMatches')}
          error={missing ? t('classes.enroll.chooseStudents') : serverErrors.studentIds}
        />
        <TextInput
          label={t('classes.enroll.startsOn')}
          description={t('classes.enroll.startsOnHint')}
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={serverErrors.startsOn}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={enroll.isPending} disabled={enroll.isPending}>
            {t('classes.enroll.submit', { number: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
