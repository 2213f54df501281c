import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';

import type { RateSummary } from '../../../../shared/contracts/attendance.js';
import { FactList } from '../../../components/fact-list';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { useSchool } from '../../../lib/school-context';
import { addCalendarDays } from '../attendance-dates';
import { useStudentAttendance } from '../api/get-student-attendance';
import { useAttendanceT } from '../use-attendance-t';

import { AttendanceErrorAlert } from './attendance-error-alert';
import { AttendanceStatusBadge } from './status-badge';

export function RateSummaryFacts({ summary }: { summary: RateSummary }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <FactList
      facts={[
        {
          label: at('attendance.summary.rate'),
          value:
            summary.ratePercent === null
              ? at('attendance.summary.noRate')
              : at('attendance.summary.rateValue', { rate: number.format(summary.ratePercent) }),
        },
        { label: at('attendance.status.present'), value: number.format(summary.present) },
        { label: at('attendance.status.absent'), value: number.format(summary.absent) },
        { label: at('attendance.status.late'), value: number.format(summary.late) },
        { label: at('attendance.status.excused'), value: number.format(summary.excused) },
        { label: at('attendance.summary.total'), value: number.format(summary.total) },
      ]}
    />
  );
}

/** One student's summary and marks over a chosen span (the last 30 days to start with). */
export function StudentAttendanceView({
  studentId,
  heading,
}: {
  studentId: string;
  heading: string;
}) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const headingId = useId();
  const today = todayIn(school.timezone);
  const [from, setFrom] = useState(addCalendarDays(today, -29));
  const [to, setTo] = useState(today);
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const attendance = useStudentAttendance(studentId, range);

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {heading}
        </Title>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={at('attendance.student.from')}
            value={from}
            max={to || undefined}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={at('attendance.student.to')}
            value={to}
            min={from || undefined}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
        </Group>
        {attendance.isPending ? (
          <PageLoader />
        ) : attendance.isError ? (
          <AttendanceErrorAlert error={attendance.error} />
        ) : (
          <>
            <RateSummaryFacts summary={attendance.data.summary} />
            {attendance.data.items.length === 0 ? (
              <Text>{at('attendance.student.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped verticalSpacing="xs">
                  <Table.Caption>{at('attendance.student.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{at('attendance.student.columns.date')}</Table.Th>
                      <Table.Th scope="col">{at('attendance.student.columns.register')}</Table.Th>
                      <Table.Th scope="col">{at('attendance.student.columns.status')}</Table.Th>
                      <Table.Th scope="col">{at('attendance.student.columns.note')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {attendance.data.items.map((item) => (
                      <Table.Tr key={item.registerId}>
                        <Table.Td>{formatCalendarDate(item.date, locale)}</Table.Td>
                        <Table.Td>
                          {item.kind === 'daily'
                            ? at('attendance.student.daily', { name: item.sectionName ?? '' })
                            : [item.className, item.periodName].filter(Boolean).join(' · ')}
                        </Table.Td>
                        <Table.Td>
                          <AttendanceStatusBadge status={item.status} />
                        </Table.Td>
                        <Table.Td>{item.note ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </section>
  );
}
