import {
  Anchor,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';

import type { RateGroup, RateRow } from '../../../../shared/contracts/attendance.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage } from '../../../components/status-page';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useLowAttendance } from '../api/get-low-attendance';
import { useRates } from '../api/get-rates';
import { attendanceAccess } from '../attendance-access';
import { addCalendarDays } from '../attendance-dates';
import { AttendanceErrorAlert } from '../components/attendance-error-alert';
import { useAttendanceT } from '../use-attendance-t';

const GROUPS: RateGroup[] = ['student', 'class', 'section', 'school'];

/** Rates over a span grouped as asked, and the students below the threshold. */
export function AttendanceReportsPage() {
  const at = useAttendanceT();
  const me = useCurrentMe();
  const school = useSchool();
  const access = attendanceAccess(me);
  const wholeSchool = (me.scopes['attendance:read'] ?? []).includes('all');
  const today = todayIn(school.timezone);
  const [from, setFrom] = useState(addCalendarDays(today, -29));
  const [to, setTo] = useState(today);

  if (!access.readsRegisters) return <StatusPage kind="forbidden" homePath="/attendance" />;
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/attendance" size="sm">
        {at('attendance.links.back')}
      </Anchor>
      <PageHeader title={at('attendance.reports.title')} />
      <Group align="flex-end">
        <TextInput
          type="date"
          label={at('attendance.reports.from')}
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={at('attendance.reports.to')}
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
      </Group>
      <RatesSection
        range={range}
        groups={wholeSchool ? GROUPS : GROUPS.filter((g) => g !== 'school')}
      />
      <LowSection range={range} />
    </Stack>
  );
}

function useRate() {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    number,
    rate: (value: number | null) =>
      value === null
        ? at('attendance.reports.none')
        : at('attendance.reports.rate', { rate: number.format(value) }),
  };
}

function RateTable({ rows, caption }: { rows: RateRow[]; caption: string }) {
  const at = useAttendanceT();
  const { number, rate } = useRate();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{at('attendance.reports.columns.name')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.present')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.absent')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.late')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.excused')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.total')}</Table.Th>
            <Table.Th scope="col">{at('attendance.reports.columns.rate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              <Table.Td>{number.format(row.present)}</Table.Td>
              <Table.Td>{number.format(row.absent)}</Table.Td>
              <Table.Td>{number.format(row.late)}</Table.Td>
              <Table.Td>{number.format(row.excused)}</Table.Td>
              <Table.Td>{number.format(row.total)}</Table.Td>
              <Table.Td fw={600}>{rate(row.ratePercent)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RatesSection({
  range,
  groups,
}: {
  range: { from?: string; to?: string };
  groups: RateGroup[];
}) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const [groupBy, setGroupBy] = useState<RateGroup>('class');
  const rates = useRates({ ...range, groupBy });
  const caption = rates.data
    ? at('attendance.reports.caption', {
        from: formatCalendarDate(rates.data.from, locale),
        to: formatCalendarDate(rates.data.to, locale),
      })
    : '';

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id={headingId}>
            {at('attendance.reports.ratesHeading')}
          </Title>
          <NativeSelect
            label={at('attendance.reports.groupBy')}
            value={groupBy}
            data={groups.map((g) => ({ value: g, label: at(`attendance.reports.group.${g}`) }))}
            onChange={(event) => {
              const next = groups.find((g) => g === event.currentTarget.value);
              if (next) setGroupBy(next);
            }}
          />
        </Group>
        {rates.isPending ? (
          <PageLoader />
        ) : rates.isError ? (
          <AttendanceErrorAlert error={rates.error} />
        ) : rates.data.items.length === 0 ? (
          <Text>{at('attendance.reports.empty')}</Text>
        ) : (
          <RateTable rows={rates.data.items} caption={caption} />
        )}
      </Stack>
    </section>
  );
}

function LowSection({ range }: { range: { from?: string; to?: string } }) {
  const at = useAttendanceT();
  const { number } = useRate();
  const headingId = useId();
  const [threshold, setThreshold] = useState<number | ''>('');
  const low = useLowAttendance({ ...range, ...(threshold === '' ? {} : { threshold }) });
  const shown = low.data ? number.format(low.data.threshold) : '';

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id={headingId}>
            {at('attendance.reports.lowHeading')}
          </Title>
          <NumberInput
            label={at('attendance.reports.threshold')}
            min={0}
            max={100}
            decimalScale={2}
            placeholder={shown}
            value={threshold}
            onChange={(value) =>
              setThreshold(typeof value === 'number' && value >= 0 && value <= 100 ? value : '')
            }
            w={180}
          />
        </Group>
        {low.isPending ? (
          <PageLoader />
        ) : low.isError ? (
          <AttendanceErrorAlert error={low.error} />
        ) : low.data.items.length === 0 ? (
          <Text>{at('attendance.reports.lowEmpty', { threshold: shown })}</Text>
        ) : (
          <RateTable
            rows={low.data.items}
            caption={at('attendance.reports.lowCaption', { threshold: shown })}
          />
        )}
      </Stack>
    </section>
  );
}
