import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';

import type { ReportCardContentBody } from '../../../../shared/contracts/report-cards.js';
import { FactList } from '../../../components/fact-list';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDate } from '../../../lib/format';
import { joinNames } from '../../../lib/person-name';
import { formatCount, formatPercent } from '../report-card-format';
import { useReportCardsT } from '../use-report-cards-t';

/** A report card on screen: the same parts as the PDF, in the reader's language. */
export function ReportCardView({ card }: { card: ReportCardContentBody }) {
  const rt = useReportCardsT();
  const { locale } = useAppLocale();
  const student = card.student;
  const group = [student.gradeLevelName, student.sectionName].filter(Boolean).join(' ');
  const attendance = card.attendance;
  const stats: [string, string][] = [
    [rt('reportCards.card.present'), formatCount(attendance.present, locale)],
    [rt('reportCards.card.absent'), formatCount(attendance.absent, locale)],
    [rt('reportCards.card.late'), formatCount(attendance.late, locale)],
    [rt('reportCards.card.excused'), formatCount(attendance.excused, locale)],
    [rt('reportCards.card.total'), formatCount(attendance.total, locale)],
    [
      rt('reportCards.card.rate'),
      attendance.ratePercent === null
        ? rt('reportCards.card.noRate')
        : formatPercent(attendance.ratePercent, locale),
    ],
  ];

  return (
    <Stack gap="lg">
      <FactList
        facts={[
          {
            label: rt('reportCards.card.student'),
            value: `${student.firstName} ${student.lastName}`,
          },
          {
            label: rt('reportCards.card.admissionNumber'),
            value: <bdi>{student.studentNumber}</bdi>,
          },
          { label: rt('reportCards.card.gradeSection'), value: group || '—' },
          {
            label: rt('reportCards.term'),
            value: `${card.term.name} · ${card.term.academicYearName}`,
          },
        ]}
      />

      <Stack gap="xs">
        <Title order={3}>{rt('reportCards.card.classes')}</Title>
        {card.classes.length === 0 ? (
          <Text c="dimmed">{rt('reportCards.card.noClasses')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{rt('reportCards.card.class')}</Table.Th>
                  <Table.Th scope="col">{rt('reportCards.card.teachers')}</Table.Th>
                  <Table.Th scope="col">{rt('reportCards.card.average')}</Table.Th>
                  <Table.Th scope="col">{rt('reportCards.card.band')}</Table.Th>
                  <Table.Th scope="col">{rt('reportCards.card.comment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.classes.map((line) => (
                  <Table.Tr key={line.classId}>
                    <Table.Th scope="row">
                      <Text fw={600} size="sm">
                        {line.className}
                      </Text>
                      {line.subjectName !== line.className && (
                        <Text size="xs" c="dimmed">
                          {line.subjectName}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{joinNames(line.teacherNames, locale)}</Table.Td>
                    <Table.Td>
                      {line.average === null
                        ? rt('reportCards.card.noGrade')
                        : formatPercent(line.average, locale)}
                    </Table.Td>
                    <Table.Td>{line.band ?? '—'}</Table.Td>
                    <Table.Td>
                      {line.comment ? (
                        <>
                          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                            {line.comment}
                          </Text>
                          {line.commentAuthor && (
                            <Text size="xs" c="dimmed">
                              {rt('reportCards.card.commentBy', { name: line.commentAuthor })}
                            </Text>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3}>{rt('reportCards.card.attendance')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          {stats.map(([label, value]) => (
            <Paper key={label} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={700} size="lg">
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>

      <Stack gap="xs">
        <Title order={3}>{rt('reportCards.card.homeroom')}</Title>
        {card.homeroomComment ? (
          <>
            <Text style={{ whiteSpace: 'pre-line' }}>{card.homeroomComment.body}</Text>
            <Text size="sm" c="dimmed">
              {rt('reportCards.card.commentBy', { name: card.homeroomComment.authorName })}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{rt('reportCards.card.noComment')}</Text>
        )}
      </Stack>

      <Stack gap={2}>
        {card.scaleName && (
          <Text size="xs" c="dimmed">
            {rt('reportCards.card.scale', { name: card.scaleName })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {rt('reportCards.card.generated', { date: formatDate(card.generatedAt, locale) })}
        </Text>
      </Stack>
    </Stack>
  );
}
