import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';

import type { OverviewStudent } from '../../../../shared/contracts/report-cards.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useSectionOptions } from '../../academics/api/sections';
import { useOverview } from '../api/get-overview';
import { usePreview } from '../api/get-preview';
import { usePublishReportCards } from '../api/publish-report-cards';
import { useUnpublishReportCards } from '../api/unpublish-report-cards';
import { reportCardPdfUrl } from '../report-card-links';
import { formatCount } from '../report-card-format';
import { useReportCardsT } from '../use-report-cards-t';

import { ReportCardDrawer } from './report-card-drawer';
import { ReportCardsErrorAlert } from './report-cards-error-alert';

interface OverviewPanelProps {
  termId: string;
  termName: string;
  /** Admins publish and unpublish; teachers only look at their students. */
  canPublish: boolean;
}

/** The term's students: missing comments, previews, snapshots, and publishing for admins. */
export function OverviewPanel({ termId, termName, canPublish }: OverviewPanelProps) {
  const rt = useReportCardsT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const sections = useSectionOptions();
  const [sectionId, setSectionId] = useState('');
  const overview = useOverview({ termId, ...(sectionId ? { sectionId } : {}) });
  const pages = overview.data?.pages ?? [];
  const students = pages.flatMap((p) => p.students);
  const published = pages[0]?.published ?? null;

  const [previewing, setPreviewing] = useState<OverviewStudent | null>(null);
  const preview = usePreview(termId, previewing?.studentId ?? null);
  const [confirming, setConfirming] = useState<'publish' | 'unpublish' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const publish = usePublishReportCards();
  const unpublish = useUnpublishReportCards();

  const closeConfirm = () => {
    publish.reset();
    unpublish.reset();
    setConfirming(null);
  };

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" justify="space-between">
        <NativeSelect
          label={rt('reportCards.section')}
          value={sectionId}
          onChange={(e) => setSectionId(e.currentTarget.value)}
          data={[
            { value: '', label: rt('reportCards.allSections') },
            ...sections.map((o) => ({ value: o.section.id, label: o.label })),
          ]}
        />
        {canPublish && overview.isSuccess && (
          <Group gap="sm">
            <Button
              onClick={() => {
                setDone(null);
                setConfirming('publish');
              }}
            >
              {published ? rt('reportCards.publish.again') : rt('reportCards.publish.open')}
            </Button>
            {published && (
              <Button
                variant="outline"
                color="red"
                onClick={() => {
                  setDone(null);
                  setConfirming('unpublish');
                }}
              >
                {rt('reportCards.unpublish.open')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {overview.isSuccess && (
        <Alert color={published ? 'green' : 'gray'} variant="light">
          {published
            ? rt('reportCards.status.published', {
                date: formatDateTime(published.at, locale, school.timezone),
                name: published.byName,
              })
            : rt('reportCards.status.notPublished')}
        </Alert>
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}

      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <ReportCardsErrorAlert error={overview.error} />
      ) : students.length === 0 ? (
        <Text>{rt('reportCards.overview.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{rt('reportCards.overview.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{rt('reportCards.overview.student')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.admissionNumber')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.section')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.classes')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.commentsMissing')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.card')}</Table.Th>
                <Table.Th scope="col">{rt('reportCards.overview.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {students.map((s) => (
                <Table.Tr key={s.studentId}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>
                    <bdi>{s.admissionNumber}</bdi>
                  </Table.Td>
                  <Table.Td>{s.sectionName ?? rt('reportCards.overview.noSection')}</Table.Td>
                  <Table.Td>{formatCount(s.classesCount, locale)}</Table.Td>
                  <Table.Td>
                    {s.commentsMissing === 0 ? (
                      formatCount(0, locale)
                    ) : (
                      <Badge color="orange" variant="light">
                        {formatCount(s.commentsMissing, locale)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {s.hasCard
                      ? rt('reportCards.overview.hasCard')
                      : rt('reportCards.overview.noCard')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={rt('reportCards.preview.openFor', { name: s.name })}
                        onClick={() => setPreviewing(s)}
                      >
                        {rt('reportCards.preview.open')}
                      </Button>
                      {s.hasCard && (canPublish || published) && (
                        <Anchor
                          size="sm"
                          href={reportCardPdfUrl(termId, s.studentId)}
                          aria-label={rt('reportCards.downloadPdfFor', { name: s.name })}
                        >
                          {rt('reportCards.downloadPdf')}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={overview.hasNextPage}
        isFetchingNextPage={overview.isFetchingNextPage}
        fetchNextPage={overview.fetchNextPage}
      />

      <ReportCardDrawer
        opened={previewing !== null}
        title={previewing ? rt('reportCards.preview.title', { name: previewing.name }) : ''}
        note={rt('reportCards.preview.note')}
        query={preview}
        onClose={() => setPreviewing(null)}
      />

      {canPublish && (
        <>
          <ConfirmDialog
            opened={confirming === 'publish'}
            title={rt('reportCards.publish.title', { term: termName })}
            confirmLabel={rt('reportCards.publish.confirm')}
            pending={publish.isPending}
            error={publish.error}
            onClose={closeConfirm}
            onConfirm={() =>
              publish.mutate(termId, {
                onSuccess: (result) => {
                  closeConfirm();
                  setDone(rt('reportCards.publish.done', { count: result.cards }));
                },
              })
            }
          >
            <Text>{rt('reportCards.publish.body')}</Text>
          </ConfirmDialog>
          <ConfirmDialog
            opened={confirming === 'unpublish'}
            title={rt('reportCards.unpublish.title', { term: termName })}
            confirmLabel={rt('reportCards.unpublish.confirm')}
            danger
            pending={unpublish.isPending}
            error={unpublish.error}
            onClose={closeConfirm}
            onConfirm={() =>
              unpublish.mutate(termId, {
                onSuccess: () => {
                  closeConfirm();
                  setDone(rt('reportCards.unpublish.done'));
                },
              })
            }
          >
            <Text>{rt('reportCards.unpublish.body')}</Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}
