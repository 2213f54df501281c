import { Alert, Anchor, Group, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';

import type {
  RegisterQuery,
  RegisterView,
  SavedRegister,
} from '../../../../shared/contracts/attendance.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useRegister } from '../api/get-register';
import { useSaveRegister } from '../api/save-register';
import { AttendanceErrorAlert } from '../components/attendance-error-alert';
import { RegisterEditor } from '../components/register-editor';
import { parseRegisterSearch, registerSearch } from '../register-search';
import { useAttendanceT } from '../use-attendance-t';

/**
 * `/attendance/take?classId=&date=&periodId=` or `?sectionId=&date=`: one register, everyone
 * present until saved. The timetable's "Take attendance" links open this page.
 */
export function TakeAttendancePage() {
  const at = useAttendanceT();
  const school = useSchool();
  const search = parseRegisterSearch(useSearch({ strict: false }));
  if (!search) {
    return (
      <Stack gap="md">
        <BackLink />
        <Alert color="yellow" variant="light">
          {at('attendance.take.missing')}
        </Alert>
      </Stack>
    );
  }
  const target: RegisterQuery = { ...search, date: search.date ?? todayIn(school.timezone) };
  return <TakeRegister target={target} />;
}

function BackLink() {
  const at = useAttendanceT();
  return (
    <Anchor component={Link} to="/attendance" size="sm">
      {at('attendance.links.back')}
    </Anchor>
  );
}

function TakeRegister({ target }: { target: RegisterQuery }) {
  const at = useAttendanceT();
  const navigate = useNavigate();
  const register = useRegister(target);
  const save = useSaveRegister(target);
  const [saved, setSaved] = useState<SavedRegister | null>(null);

  if (register.isPending) return <PageLoader />;
  if (register.isError) {
    const kind = statusKindOf(register.error);
    return kind === 'error' ? (
      <Stack gap="md">
        <BackLink />
        <AttendanceErrorAlert error={register.error} />
      </Stack>
    ) : (
      <StatusPage kind={kind} homePath="/attendance" />
    );
  }
  const view = register.data;

  return (
    <Stack gap="lg">
      <BackLink />
      <RegisterHeading view={view} />
      <Group align="flex-end">
        <TextInput
          type="date"
          label={at('attendance.open.date')}
          value={view.date}
          onChange={(event) => {
            const date = event.currentTarget.value;
            if (!date) return;
            setSaved(null);
            save.reset();
            void navigate({ to: '/attendance/take', search: registerSearch({ ...target, date }) });
          }}
        />
      </Group>
      <RegisterStatus view={view} />
      {saved && <SavedNotice saved={saved} />}
      <AttendanceErrorAlert error={save.error} />
      <RegisterEditor
        // A fresh draft whenever the register behind it changes (another day, a new save).
        key={`${view.date}:${view.register?.updatedAt ?? 'new'}`}
        view={view}
        saving={save.isPending}
        onEdit={() => setSaved(null)}
        onSave={(marks, reason) => {
          setSaved(null);
          save.mutate(
            {
              kind: view.kind,
              date: view.date,
              ...(view.class ? { classId: view.class.id } : {}),
              ...(view.section ? { sectionId: view.section.id } : {}),
              ...(view.period ? { periodId: view.period.id } : {}),
              marks,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            },
            { onSuccess: setSaved },
          );
        }}
      />
    </Stack>
  );
}

function RegisterHeading({ view }: { view: RegisterView }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const title = view.class
    ? at('attendance.take.titleClass', { name: view.class.name })
    : at('attendance.take.titleDaily', {
        name: `${view.section?.gradeLevelName ?? ''} ${view.section?.name ?? ''}`.trim(),
      });
  const period = view.period
    ? at('attendance.take.period', {
        name: view.period.name,
        start: view.period.startsAt,
        end: view.period.endsAt,
      })
    : null;
  return (
    <PageHeader
      title={title}
      description={[formatCalendarDate(view.date, locale), period].filter(Boolean).join(' · ')}
    />
  );
}

function RegisterStatus({ view }: { view: RegisterView }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const school = useSchool();
  return (
    <Stack gap="xs">
      {view.lockedReason && (
        <Alert color="yellow" variant="light">
          {at(`attendance.take.locked.${view.lockedReason}`)}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {view.register
          ? at('attendance.take.updatedBy', {
              name: view.register.updatedByName,
              time: formatDateTime(view.register.updatedAt, locale, school.timezone),
            })
          : at('attendance.take.notTaken')}
      </Text>
      <Text size="sm">{at('attendance.counts', view.counts)}</Text>
    </Stack>
  );
}

function SavedNotice({ saved }: { saved: SavedRegister }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const school = useSchool();
  return (
    <SuccessAlert>
      <Text size="sm" fw={600}>
        {at('attendance.take.saved', { counts: at('attendance.counts', saved.counts) })}
      </Text>
      {saved.register && (
        <Text size="sm">
          {at('attendance.take.savedBy', {
            name: saved.register.updatedByName,
            time: formatDateTime(saved.register.updatedAt, locale, school.timezone),
          })}
        </Text>
      )}
      {saved.counts.changed > 0 && (
        <Text size="sm">{at('attendance.take.changed', { count: saved.counts.changed })}</Text>
      )}
    </SuccessAlert>
  );
}
