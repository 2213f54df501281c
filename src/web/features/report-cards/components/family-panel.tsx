import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';

import type { StudentReportCards } from '../../../../shared/contracts/report-cards.js';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDate } from '../../../lib/format';
import { personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useStudents } from '../../students/api/list-students';
import { useReportCard } from '../api/get-report-card';
import { useStudentReportCards } from '../api/list-student-report-cards';
import { reportCardPdfUrl } from '../report-card-links';
import { useReportCardsT } from '../use-report-cards-t';

import { ReportCardDrawer } from './report-card-drawer';
import { ReportCardsErrorAlert } from './report-cards-error-alert';

type CardItem = StudentReportCards['items'][number];

/**
 * A student's own published cards, or a guardian's children's (one child at a time). The
 * student list the server returns is already limited to herself or the guardian's children.
 */
export function FamilyPanel({ guardian }: { guardian: boolean }) {
  const rt = useReportCardsT();
  const students = useStudents({ sort: 'name', order: 'asc' });
  const people = students.data?.pages.flatMap((p) => p.items) ?? [];
  const [chosen, setChosen] = useState('');
  const studentId = people.some((s) => s.id === chosen) ? chosen : (people[0]?.id ?? null);

  if (students.isPending) return <PageLoader />;
  if (students.isError) return <RecordErrorAlert error={students.error} />;
  if (!studentId) {
    return (
      <Text>{guardian ? rt('reportCards.mine.noChildren') : rt('reportCards.mine.noStudent')}</Text>
    );
  }
  return (
    <Stack gap="md">
      {guardian &&
        (people.length > 1 ? (
          <NativeSelect
            label={rt('reportCards.mine.child')}
            value={studentId}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={people.map((s) => ({ value: s.id, label: personName(s) }))}
            maw={360}
          />
        ) : (
          <Title order={2} size="h3">
            {people[0] ? personName(people[0]) : ''}
          </Title>
        ))}
      <StudentCards studentId={studentId} />
    </Stack>
  );
}

function StudentCards({ studentId }: { studentId: string }) {
  const rt = useReportCardsT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const cards = useStudentReportCards(studentId);
  const [open, setOpen] = useState<CardItem | null>(null);
  const card = useReportCard(open ? { termId: open.termId, studentId } : null);

  if (cards.isPending) return <PageLoader />;
  if (cards.isError) return <ReportCardsErrorAlert error={cards.error} />;
  const items = cards.data.items;
  if (items.length === 0) return <Text>{rt('reportCards.mine.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>{rt('reportCards.mine.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rt('reportCards.mine.term')}</Table.Th>
              <Table.Th scope="col">{rt('reportCards.mine.year')}</Table.Th>
              <Table.Th scope="col">{rt('reportCards.mine.publishedOn')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{rt('reportCards.overview.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.termId}>
                <Table.Th scope="row" fw={500}>
                  {item.termName}
                </Table.Th>
                <Table.Td>{item.academicYearName}</Table.Td>
                <Table.Td>{formatDate(item.publishedAt, locale, school.timezone)}</Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap" justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={rt('reportCards.mine.viewFor', { term: item.termName })}
                      onClick={() => setOpen(item)}
                    >
                      {rt('reportCards.mine.view')}
                    </Button>
                    <Anchor size="sm" href={reportCardPdfUrl(item.termId, studentId)}>
                      {rt('reportCards.mine.download')}
                    </Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReportCardDrawer
        opened={open !== null}
        title={open ? rt('reportCards.mine.cardTitle', { term: open.termName }) : ''}
        query={{ ...card, data: card.data?.content }}
        actions={
          open && (
            <Anchor href={reportCardPdfUrl(open.termId, studentId)}>
              {rt('reportCards.mine.download')}
            </Anchor>
          )
        }
        onClose={() => setOpen(null)}
      />
    </>
  );
}
