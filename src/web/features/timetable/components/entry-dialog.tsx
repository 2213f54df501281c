import { Button, Group, Modal, NativeSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  CreateEntryBody,
  TimetableEntry,
  UpdateEntryBody,
} from '../../../../shared/contracts/timetable.js';
import { useAppLocale } from '../../../lib/app-locale';
import { personName } from '../../../lib/person-name';
import { useRooms } from '../../academics/api/rooms';
import { useTeachers } from '../../staff/api/list-staff';
import { useCreateEntry } from '../api/create-entry';
import { useDeleteEntry } from '../api/delete-entry';
import { useTermClasses } from '../api/list-term-classes';
import { useUpdateEntry } from '../api/update-entry';
import { useTimetableFieldErrors } from '../timetable-errors';
import { useTimetableT } from '../use-timetable-t';
import { weekdayName } from '../week-grid';

import { TimetableErrorAlert } from './timetable-error-alert';
import type { WeekPeriod } from './week-grid';

export interface EntryTarget {
  /** The lesson to change; null to add one in the cell. */
  entry: TimetableEntry | null;
  day: number;
  periodId: string;
}

interface EntryDialogProps {
  target: EntryTarget | null;
  termId: string;
  periods: WeekPeriod[];
  onClose: () => void;
}

export function EntryDialog(props: EntryDialogProps) {
  const tt = useTimetableT();
  const entry = props.target?.entry ?? null;
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={
        entry
          ? tt('timetable.entry.editTitle', { name: entry.class.name })
          : tt('timetable.entry.addTitle')
      }
      size="lg"
    >
      {props.target && <EntryForm {...props} target={props.target} />}
    </Modal>
  );
}

// Room and teacher: a chosen record, none, or (left as '') whatever the class has.
const CLASS_DEFAULT = '';
const NONE = 'none';
const FIELDS = ['classId', 'day', 'periodId', 'roomId', 'teacherId'] as const;

function EntryForm({
  target,
  termId,
  periods,
  onClose,
}: EntryDialogProps & { target: EntryTarget }) {
  const { t } = useTranslation();
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const { entry } = target;
  const classes = useTermClasses(termId);
  const rooms = useRooms();
  const teachers = useTeachers();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const save = entry ? update : create;
  const serverErrors = useTimetableFieldErrors(save.error, FIELDS);

  const [classId, setClassId] = useState<string | null>(entry?.class.id ?? null);
  const [periodId, setPeriodId] = useState(target.periodId);
  const [day, setDay] = useState(String(target.day));
  const [room, setRoom] = useState(entry ? (entry.room?.id ?? NONE) : CLASS_DEFAULT);
  const [teacher, setTeacher] = useState(entry ? (entry.teacher?.id ?? NONE) : CLASS_DEFAULT);
  const [missingClass, setMissingClass] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  const chosenClass = classes.data?.find((c) => c.id === classId) ?? null;
  const period = periods.find((p) => p.id === periodId);
  const teacherName = new Map((teachers.data ?? []).map((s) => [s.id, personName(s)]));
  const classTeacherIds = chosenClass?.teacherIds ?? (entry?.teacher ? [entry.teacher.id] : []);
  const roomName = (id: string | null) => rooms.data?.find((r) => r.id === id)?.name;

  function choosePeriod(id: string) {
    setPeriodId(id);
    const days = periods.find((p) => p.id === id)?.days ?? [];
    if (!days.includes(Number(day)) && days[0] !== undefined) setDay(String(days[0]));
  }

  function chooseClass(id: string | null) {
    setClassId(id);
    setMissingClass(false);
    // A teacher of another class cannot stay on the lesson.
    const next = classes.data?.find((c) => c.id === id);
    if (
      next &&
      teacher !== CLASS_DEFAULT &&
      teacher !== NONE &&
      !next.teacherIds.includes(teacher)
    ) {
      setTeacher(CLASS_DEFAULT);
    }
  }

  function roomValue(): string | null | undefined {
    if (room === NONE) return null;
    if (room !== CLASS_DEFAULT) return room;
    // Adding, the server fills in the class's room; changing, it must be said.
    return entry ? (chosenClass?.roomId ?? null) : undefined;
  }

  function teacherValue(): string | null | undefined {
    if (teacher === NONE) return null;
    return teacher === CLASS_DEFAULT ? undefined : teacher;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!classId) {
      setMissingClass(true);
      return;
    }
    const roomId = roomValue();
    const teacherId = teacherValue();
    if (entry) {
      const body: UpdateEntryBody = {};
      if (classId !== entry.class.id) body.classId = classId;
      if (Number(day) !== entry.day) body.day = Number(day);
      if (periodId !== entry.period.id) body.periodId = periodId;
      if (roomId !== undefined && roomId !== (entry.room?.id ?? null)) body.roomId = roomId;
      if (teacherId !== undefined && teacherId !== (entry.teacher?.id ?? null)) {
        body.teacherId = teacherId;
      }
      if (Object.keys(body).length === 0) {
        onClose();
        return;
      }
      update.mutate({ id: entry.id, body }, { onSuccess: onClose });
    } else {
      const body: CreateEntryBody = { classId, day: Number(day), periodId };
      if (roomId !== undefined) body.roomId = roomId;
      if (teacherId !== undefined) body.teacherId = teacherId;
      create.mutate(body, { onSuccess: onClose });
    }
  }

  const classRoom = roomName(chosenClass?.roomId ?? null);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TimetableErrorAlert error={save.error ?? remove.error} />
        {classes.isSuccess && classes.data.length === 0 && (
          <Text size="sm">{tt('timetable.entry.noClasses')}</Text>
        )}
        <Select
          label={tt('timetable.entry.class')}
          required
          searchable
          // Focus opens the list: right when adding, in the way when changing.
          data-autofocus={entry ? undefined : true}
          data={(classes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={classId}
          onChange={chooseClass}
          nothingFoundMessage={t('records.noMatches')}
          error={missingClass ? t('validation.required') : serverErrors.classId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={tt('timetable.entry.period')}
            data-autofocus={entry ? true : undefined}
            value={periodId}
            onChange={(e) => choosePeriod(e.currentTarget.value)}
            error={serverErrors.periodId}
            data={periods.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.startsAt}–${p.endsAt})`,
            }))}
          />
          <NativeSelect
            label={tt('timetable.entry.day')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={serverErrors.day}
            data={(period?.days ?? [Number(day)]).map((d) => ({
              value: String(d),
              label: weekdayName(d, locale),
            }))}
          />
          <NativeSelect
            label={tt('timetable.entry.room')}
            value={room}
            onChange={(e) => setRoom(e.currentTarget.value)}
            error={serverErrors.roomId}
            data={[
              {
                value: CLASS_DEFAULT,
                label: classRoom
                  ? `${tt('timetable.entry.classRoom')} (${classRoom})`
                  : tt('timetable.entry.classRoom'),
              },
              { value: NONE, label: tt('timetable.entry.noRoom') },
              ...(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name })),
            ]}
          />
          <NativeSelect
            label={tt('timetable.entry.teacher')}
            value={teacher}
            onChange={(e) => setTeacher(e.currentTarget.value)}
            error={serverErrors.teacherId}
            data={[
              { value: CLASS_DEFAULT, label: tt('timetable.entry.classTeacher') },
              { value: NONE, label: tt('timetable.entry.noTeacher') },
              ...classTeacherIds.map((id) => ({
                value: id,
                label: teacherName.get(id) ?? entry?.teacher?.name ?? id,
              })),
            ]}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          {entry ? (
            confirmingRemove ? (
              <Group gap="xs">
                <Text size="sm">{tt('timetable.entry.removeQuestion')}</Text>
                <Button
                  color="red"
                  loading={remove.isPending}
                  onClick={() => remove.mutate(entry.id, { onSuccess: onClose })}
                >
                  {tt('timetable.entry.confirmRemove')}
                </Button>
              </Group>
            ) : (
              <Button variant="outline" color="red" onClick={() => setConfirmingRemove(true)}>
                {tt('timetable.entry.remove')}
              </Button>
            )
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={save.isPending}>
              {entry ? t('records.saveChanges') : tt('timetable.entry.add')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
