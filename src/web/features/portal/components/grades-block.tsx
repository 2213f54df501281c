import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';

import type { StudentGrades } from '../../../../shared/contracts/gradebook.js';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { useStudentGrades } from '../api/get-student-grades';
import { formatNumber, formatPercent } from '../portal-format';
import { classAverages, recentGrades } from '../recent-grades';
import type { RecentGrade } from '../recent-grades';
import { useMoreLink } from '../use-more-link';
import { usePortalT } from '../use-portal-t';

import { HomeBlock, QueryContent } from './home-block';

interface GradesBlockProps {
  studentId: string;
  order: 2 | 3;
  /** How many of the latest marks to list (0: the class averages only). */
  recent: number;
}

/** The latest published marks of a student and each class's average this term. */
export function GradesBlock({ studentId, order, recent }: GradesBlockProps) {
  const pt = usePortalT();
  const grades = useStudentGrades(studentId);
  const more = useMoreLink('grades', pt('portal.grades.more'));
  const term = grades.data?.term;
  return (
    <HomeBlock
      title={pt('portal.grades.heading')}
      order={order}
      aside={term ? pt('portal.grades.term', { term: term.name }) : null}
      more={more}
    >
      <QueryContent query={grades}>
        {(data) =>
          data.term === null ? (
            <Text size="sm">{pt('portal.grades.noTerm')}</Text>
          ) : data.classes.length === 0 ? (
            <Text size="sm">{pt('portal.grades.noClasses')}</Text>
          ) : (
            <Stack gap="md">
              {recent > 0 && <RecentMarks grades={data} limit={recent} order={order} />}
              <Averages grades={data} order={order} />
            </Stack>
          )
        }
      </QueryContent>
    </HomeBlock>
  );
}

function RecentMarks({
  grades,
  limit,
  order,
}: {
  grades: StudentGrades;
  limit: number;
  order: 2 | 3;
}) {
  const pt = usePortalT();
  const headingId = useId();
  const items = recentGrades(grades, limit);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={(order + 1) as 3 | 4} size="h5" id={headingId}>
        {pt('portal.grades.recentHeading')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{pt('portal.grades.noneRecent')}</Text>
      ) : (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <RecentMark key={item.assessmentId} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RecentMark({ item }: { item: RecentGrade }) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
      <Stack gap={0} style={{ minInlineSize: 0 }}>
        <Text size="sm" fw={600}>
          {item.title}
        </Text>
        <Text size="xs" c="dimmed">
          {item.dueOn
            ? `${item.className} · ${pt('portal.grades.dueOn', { date: formatCalendarDate(item.dueOn, locale) })}`
            : item.className}
        </Text>
      </Stack>
      {item.status === 'scored' && item.points !== null ? (
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {pt('portal.grades.score', {
            points: formatNumber(item.points, locale),
            max: formatNumber(item.maxScore, locale),
          })}
        </Text>
      ) : (
        <Badge variant="light" color={item.status === 'missing' ? 'red' : 'gray'} c="dark.8">
          {pt(item.status === 'missing' ? 'portal.grades.missing' : 'portal.grades.excused')}
        </Badge>
      )}
    </Group>
  );
}

function Averages({ grades, order }: { grades: StudentGrades; order: 2 | 3 }) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const rows = classAverages(grades);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={(order + 1) as 3 | 4} size="h5" id={headingId}>
        {pt('portal.grades.averagesHeading')}
      </Title>
      <Table verticalSpacing={4} fz="sm">
        <Table.Caption style={{ captionSide: 'bottom', textAlign: 'start' }}>
          {pt('portal.grades.averagesCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{pt('portal.grades.class')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {pt('portal.grades.average')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {pt('portal.grades.band')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.classId}>
              <Table.Th scope="row" fw={500}>
                {row.className}
              </Table.Th>
              <Table.Td ta="end">
                {row.percent === null
                  ? pt('portal.grades.noAverage')
                  : formatPercent(row.percent, locale)}
              </Table.Td>
              <Table.Td ta="end">{row.band ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
