import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';

import { useSectionOptions } from '../../academics/api/sections';
import { useAllClasses } from '../api/list-all-classes';
import { useMyClasses } from '../api/list-my-classes';
import { useMyRegisters } from '../api/list-my-registers';
import { registerSearch } from '../register-search';
import { useAttendanceT } from '../use-attendance-t';

interface OpenRegisterFormProps {
  /** Whole-school readers choose among every class and section; a teacher among hers. */
  wholeSchool: boolean;
  date: string;
}

/** Any register by hand: a class or a section, and a day. */
export function OpenRegisterForm({ wholeSchool, date: initialDate }: OpenRegisterFormProps) {
  const at = useAttendanceT();
  const navigate = useNavigate();
  const headingId = useId();
  const [kind, setKind] = useState<'class' | 'daily'>('class');
  const [classId, setClassId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [date, setDate] = useState(initialDate);
  const [missing, setMissing] = useState(false);

  const allClasses = useAllClasses(wholeSchool);
  const myClasses = useMyClasses(!wholeSchool);
  const sections = useSectionOptions();
  // A teacher's homeroom sections come with her registers (they do not depend on the day).
  const mine = useMyRegisters(initialDate);

  const classOptions = useMemo(() => {
    const list = wholeSchool
      ? (allClasses.data ?? []).map((c) => ({ value: c.id, label: c.name }))
      : (myClasses.data?.teaching ?? []).map((c) => ({
          value: c.id,
          label: `${c.name} (${c.term.name})`,
        }));
    return [{ value: '', label: at('attendance.open.choose') }, ...list];
  }, [wholeSchool, allClasses.data, myClasses.data, at]);

  const sectionOptions = useMemo(() => {
    const list = wholeSchool
      ? sections.map((s) => ({ value: s.section.id, label: s.label }))
      : (mine.data?.items ?? [])
          .filter((item) => item.kind === 'daily' && item.section)
          .map((item) => ({
            value: item.section?.id ?? '',
            label: `${item.section?.gradeLevelName ?? ''} ${item.section?.name ?? ''}`.trim(),
          }));
    return [{ value: '', label: at('attendance.open.choose') }, ...list];
  }, [wholeSchool, sections, mine.data, at]);

  const chosen = kind === 'class' ? classId : sectionId;

  return (
    <Paper withBorder p="md">
      <form
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) {
            setMissing(true);
            return;
          }
          void navigate({
            to: '/attendance/take',
            search: registerSearch(
              kind === 'class' ? { classId: chosen, date } : { sectionId: chosen, date },
            ),
          });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {at('attendance.open.heading')}
          </Title>
          <Group align="flex-start">
            <NativeSelect
              label={at('attendance.open.kind')}
              value={kind}
              data={[
                { value: 'class', label: at('attendance.open.kindClass') },
                { value: 'daily', label: at('attendance.open.kindDaily') },
              ]}
              onChange={(event) => {
                setKind(event.currentTarget.value === 'daily' ? 'daily' : 'class');
                setMissing(false);
              }}
            />
            {kind === 'class' ? (
              <NativeSelect
                label={at('attendance.open.class')}
                value={classId}
                data={classOptions}
                error={missing ? at('attendance.open.required') : undefined}
                onChange={(event) => {
                  setClassId(event.currentTarget.value);
                  setMissing(false);
                }}
              />
            ) : (
              <NativeSelect
                label={at('attendance.open.section')}
                value={sectionId}
                data={sectionOptions}
                error={missing ? at('attendance.open.required') : undefined}
                onChange={(event) => {
                  setSectionId(event.currentTarget.value);
                  setMissing(false);
                }}
              />
            )}
            <TextInput
              type="date"
              label={at('attendance.open.date')}
              value={date}
              onChange={(event) => {
                if (event.currentTarget.value) setDate(event.currentTarget.value);
              }}
            />
          </Group>
          <Group>
            <Button type="submit" variant="light">
              {at('attendance.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
