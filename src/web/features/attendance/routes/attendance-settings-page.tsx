import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';

import type { AttendanceSettings } from '../../../../shared/contracts/attendance.js';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { formatDateTime } from '../../../lib/format';
import { personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useForm } from '../../../lib/use-form';
import { useCurrentMe } from '../../auth/api/get-me';
import { useCreateUnlock } from '../api/create-unlock';
import { useDeleteUnlock } from '../api/delete-unlock';
import { useAttendanceSettings } from '../api/get-settings';
import { useActiveStaff } from '../api/list-active-staff';
import { useUnlocks } from '../api/list-unlocks';
import { useUpdateAttendanceSettings } from '../api/update-settings';
import { attendanceAccess } from '../attendance-access';
import { useAttendanceFieldErrors } from '../attendance-errors';
import { AttendanceErrorAlert } from '../components/attendance-error-alert';
import { useAttendanceT } from '../use-attendance-t';

/** The recording window and threshold (admins change them), and admins' unlocks. */
export function AttendanceSettingsPage() {
  const at = useAttendanceT();
  const me = useCurrentMe();
  const access = attendanceAccess(me);
  const settings = useAttendanceSettings();

  if (!access.readsSettings) return <StatusPage kind="forbidden" homePath="/attendance" />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/attendance" size="sm">
        {at('attendance.links.back')}
      </Anchor>
      <PageHeader title={at('attendance.settings.title')} />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <AttendanceErrorAlert error={settings.error} />
      ) : access.manages ? (
        <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} />
      ) : (
        <SettingsSummary settings={settings.data} />
      )}
      {access.manages && <UnlocksPanel />}
    </Stack>
  );
}

function SettingsSummary({ settings }: { settings: AttendanceSettings }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  return (
    <Stack gap="xs">
      <Text>
        {at('attendance.settings.windowValue', {
          days: settings.editWindowDays,
          today: formatCalendarDate(settings.today, locale),
        })}
      </Text>
      <Text>
        {at('attendance.settings.threshold')}: {settings.lowAttendanceThreshold}
      </Text>
      <Text size="sm" c="dimmed">
        {at('attendance.settings.readOnly')}
      </Text>
    </Stack>
  );
}

const SETTINGS_FIELDS = ['editWindowDays', 'lowAttendanceThreshold'] as const;

function SettingsForm({ settings }: { settings: AttendanceSettings }) {
  const at = useAttendanceT();
  const update = useUpdateAttendanceSettings();
  const [windowDays, setWindowDays] = useState<number | string>(settings.editWindowDays);
  const [threshold, setThreshold] = useState<number | string>(settings.lowAttendanceThreshold);
  const [saved, setSaved] = useState(false);
  const serverErrors = useAttendanceFieldErrors(update.error, SETTINGS_FIELDS);

  return (
    <Paper withBorder p="md" maw={560}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          update.mutate(
            {
              editWindowDays: Number(windowDays),
              lowAttendanceThreshold: Number(threshold),
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <Stack gap="md">
          {saved && <SuccessAlert>{at('attendance.settings.saved')}</SuccessAlert>}
          <NumberInput
            label={at('attendance.settings.window')}
            description={at('attendance.settings.windowHint')}
            min={0}
            max={365}
            allowDecimal={false}
            required
            value={windowDays}
            error={serverErrors.editWindowDays}
            onChange={setWindowDays}
          />
          <NumberInput
            label={at('attendance.settings.threshold')}
            description={at('attendance.settings.thresholdHint')}
            min={0}
            max={100}
            decimalScale={2}
            required
            value={threshold}
            error={serverErrors.lowAttendanceThreshold}
            onChange={setThreshold}
          />
          <AttendanceErrorAlert error={update.error} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {at('attendance.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const UNLOCK_FIELDS = ['staffId', 'startsOn', 'endsOn', 'expiresAt', 'reason'] as const;

function UnlocksPanel() {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const headingId = useId();
  const today = todayIn(school.timezone);
  const unlocks = useUnlocks(true);
  const staff = useActiveStaff(true);
  const create = useCreateUnlock();
  const remove = useDeleteUnlock();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({ staffId: '', startsOn: today, endsOn: today, expiresAt: '', reason: '' });
  const serverErrors = useAttendanceFieldErrors(create.error, UNLOCK_FIELDS);
  const { values, errors } = form;
  const required = at('attendance.open.required');
  const rows = unlocks.data?.pages.flatMap((page) => page.items) ?? [];
  const when = (iso: string) => formatDateTime(iso, locale, school.timezone);

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {at('attendance.unlocks.heading')}
        </Title>
        <Text size="sm" c="dimmed" maw="70ch">
          {at('attendance.unlocks.explain')}
        </Text>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
        <Paper withBorder p="md">
          <form
            ref={form.formRef}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setNotice(null);
              const found: Partial<Record<(typeof UNLOCK_FIELDS)[number], string>> = {};
              if (!values.staffId) found.staffId = required;
              if (!values.startsOn) found.startsOn = required;
              if (!values.endsOn) found.endsOn = required;
              else if (values.endsOn < values.startsOn) {
                found.endsOn = at('attendance.fieldErrors.before_start');
              }
              if (!values.reason.trim()) found.reason = required;
              if (!form.check(found)) return;
              const expires = values.expiresAt ? new Date(values.expiresAt) : null;
              create.mutate(
                {
                  staffId: values.staffId,
                  startsOn: values.startsOn,
                  endsOn: values.endsOn,
                  reason: values.reason.trim(),
                  ...(expires && !Number.isNaN(expires.getTime())
                    ? { expiresAt: expires.toISOString() }
                    : {}),
                },
                {
                  onSuccess: () => {
                    form.setValues({
                      staffId: '',
                      startsOn: today,
                      endsOn: today,
                      expiresAt: '',
                      reason: '',
                    });
                    setNotice(at('attendance.unlocks.granted'));
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <Group align="flex-start">
                <NativeSelect
                  label={at('attendance.unlocks.staff')}
                  required
                  value={values.staffId}
                  data={[
                    { value: '', label: at('attendance.open.choose') },
                    ...(staff.data ?? []).map((s) => ({ value: s.id, label: personName(s) })),
                  ]}
                  error={errors.staffId ?? serverErrors.staffId}
                  onChange={(event) => form.setValue('staffId', event.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={at('attendance.unlocks.startsOn')}
                  required
                  value={values.startsOn}
                  error={errors.startsOn ?? serverErrors.startsOn}
                  onChange={(event) => form.setValue('startsOn', event.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={at('attendance.unlocks.endsOn')}
                  required
                  value={values.endsOn}
                  min={values.startsOn || undefined}
                  error={errors.endsOn ?? serverErrors.endsOn}
                  onChange={(event) => form.setValue('endsOn', event.currentTarget.value)}
                />
                <TextInput
                  type="datetime-local"
                  label={at('attendance.unlocks.expiresAt')}
                  description={at('attendance.unlocks.expiresHint')}
                  value={values.expiresAt}
                  error={errors.expiresAt ?? serverErrors.expiresAt}
                  onChange={(event) => form.setValue('expiresAt', event.currentTarget.value)}
                />
              </Group>
              <TextInput
                label={at('attendance.unlocks.reason')}
                required
                maxLength={500}
                value={values.reason}
                error={errors.reason ?? serverErrors.reason}
                onChange={(event) => form.setValue('reason', event.currentTarget.value)}
                maw={560}
              />
              <AttendanceErrorAlert error={create.error} />
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {at('attendance.unlocks.grant')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <AttendanceErrorAlert error={remove.error} />
        {unlocks.isPending ? (
          <PageLoader />
        ) : unlocks.isError ? (
          <AttendanceErrorAlert error={unlocks.error} />
        ) : rows.length === 0 ? (
          <Text>{at('attendance.unlocks.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>{at('attendance.unlocks.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.staff')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.dates')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.expires')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.reason')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.grantedBy')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.state')}</Table.Th>
                  <Table.Th scope="col">{at('attendance.unlocks.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((unlock) => (
                  <Table.Tr key={unlock.id}>
                    <Table.Th scope="row" fw={500}>
                      {unlock.staffName}
                    </Table.Th>
                    <Table.Td>
                      {at('attendance.unlocks.dates', {
                        from: formatCalendarDate(unlock.startsOn, locale),
                        to: formatCalendarDate(unlock.endsOn, locale),
                      })}
                    </Table.Td>
                    <Table.Td>{when(unlock.expiresAt)}</Table.Td>
                    <Table.Td>{unlock.reason}</Table.Td>
                    <Table.Td>{unlock.grantedByName}</Table.Td>
                    <Table.Td>
                      <Badge color={unlock.active ? 'green' : 'gray'} variant="light">
                        {unlock.active
                          ? at('attendance.unlocks.active')
                          : at('attendance.unlocks.expired')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === unlock.id}
                        aria-label={at('attendance.unlocks.removeFor', { name: unlock.staffName })}
                        onClick={() => {
                          setNotice(null);
                          remove.mutate(unlock.id, {
                            onSuccess: () => setNotice(at('attendance.unlocks.removed')),
                          });
                        }}
                      >
                        {at('attendance.unlocks.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreButton
          hasNextPage={unlocks.hasNextPage}
          isFetchingNextPage={unlocks.isFetchingNextPage}
          fetchNextPage={unlocks.fetchNextPage}
        />
      </Stack>
    </section>
  );
}
