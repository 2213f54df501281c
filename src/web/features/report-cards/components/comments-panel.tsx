import { Alert, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import type { CommentRoster } from '../../../../shared/contracts/report-cards.js';
import { REPORT_CARD_COMMENT_MAX } from '../../../../shared/contracts/report-cards.js';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useCommentGroups } from '../api/get-comment-groups';
import { useComments } from '../api/list-comments';
import type { CommentGroup } from '../api/list-comments';
import { useDeleteComment } from '../api/delete-comment';
import { useSaveComment } from '../api/save-comment';
import { formatCount } from '../report-card-format';
import { useReportCardsT } from '../use-report-cards-t';

import { ReportCardsErrorAlert } from './report-cards-error-alert';

/** `class:<id>` or `section:<id>`: one select holds both kinds of group. */
function parseGroup(value: string): CommentGroup | null {
  const [kind, id] = value.split(':');
  if (!id) return null;
  if (kind === 'class') return { classId: id };
  if (kind === 'section') return { sectionId: id };
  return null;
}

/**
 * A teacher's comments for one of her classes, or the homeroom comments of her section: one
 * text box per student, each saved on its own. Admins may pick any class or section.
 */
export function CommentsPanel({ termId }: { termId: string }) {
  const rt = useReportCardsT();
  const groups = useCommentGroups(termId);
  const [chosen, setChosen] = useState('');
  const classes = groups.data?.classes ?? [];
  const sections = groups.data?.sections ?? [];
  const first = classes[0]
    ? `class:${classes[0].id}`
    : sections[0]
      ? `section:${sections[0].id}`
      : '';
  const known = (value: string) =>
    classes.some((c) => `class:${c.id}` === value) ||
    sections.some((s) => `section:${s.id}` === value);
  const value = known(chosen) ? chosen : first;
  const group = parseGroup(value);
  const homeroomLabel = (s: { name: string; gradeLevelName: string }) =>
    rt('reportCards.comments.homeroomOption', { grade: s.gradeLevelName, section: s.name });
  const chosenSection = sections.find((s) => `section:${s.id}` === value);
  const label =
    classes.find((c) => `class:${c.id}` === value)?.name ??
    (chosenSection ? homeroomLabel(chosenSection) : '');

  if (groups.isPending) return <PageLoader />;
  if (groups.isError) return <ReportCardsErrorAlert error={groups.error} />;
  if (classes.length === 0 && sections.length === 0) {
    return <Text>{rt('reportCards.comments.noGroups')}</Text>;
  }
  return (
    <Stack gap="md">
      <NativeSelect
        label={rt('reportCards.comments.group')}
        description={rt('reportCards.comments.choose')}
        value={value}
        onChange={(e) => setChosen(e.currentTarget.value)}
        data={[
          ...(classes.length > 0
            ? [
                {
                  group: rt('reportCards.comments.classGroup'),
                  items: classes.map((c) => ({ value: `class:${c.id}`, label: c.name })),
                },
              ]
            : []),
          ...(sections.length > 0
            ? [
                {
                  group: rt('reportCards.comments.homeroomGroup'),
                  items: sections.map((s) => ({
                    value: `section:${s.id}`,
                    label: homeroomLabel(s),
                  })),
                },
              ]
            : []),
        ]}
        maw={420}
      />
      {group && (
        // Each group starts its text boxes afresh from its own comments.
        <CommentRosterTable
          key={`${termId}:${value}`}
          termId={termId}
          group={group}
          label={label}
        />
      )}
    </Stack>
  );
}

function CommentRosterTable({
  termId,
  group,
  label,
}: {
  termId: string;
  group: CommentGroup;
  label: string;
}) {
  const rt = useReportCardsT();
  const roster = useComments(termId, group);
  if (roster.isPending) return <PageLoader />;
  if (roster.isError) return <ReportCardsErrorAlert error={roster.error} />;
  const data = roster.data;
  return (
    <Stack gap="md">
      {data.published && (
        <Alert color="yellow" variant="light">
          {rt('reportCards.comments.locked')}
        </Alert>
      )}
      {data.items.length === 0 ? (
        <Text>{rt('reportCards.comments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="md">
            <Table.Caption>{rt('reportCards.comments.caption', { group: label })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="28%">
                  {rt('reportCards.comments.student')}
                </Table.Th>
                <Table.Th scope="col">{rt('reportCards.comments.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <CommentRow
                  key={item.studentId}
                  termId={termId}
                  classId={data.classId}
                  item={item}
                  locked={data.published}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CommentRow({
  termId,
  classId,
  item,
  locked,
}: {
  termId: string;
  classId: string | null;
  item: CommentRoster['items'][number];
  locked: boolean;
}) {
  const rt = useReportCardsT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const save = useSaveComment();
  const remove = useDeleteComment();
  const saved = item.comment?.body ?? '';
  const [body, setBody] = useState(saved);
  const [justSaved, setJustSaved] = useState(false);
  const name = `${item.firstName} ${item.lastName}`;
  const trimmed = body.trim();
  const tooLong = body.length > REPORT_CARD_COMMENT_MAX;
  const changed = trimmed !== saved;

  return (
    <Table.Tr>
      <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
        <Text fw={500}>{name}</Text>
        <Text size="xs" c="dimmed">
          <bdi>{item.admissionNumber}</bdi>
        </Text>
      </Table.Th>
      <Table.Td>
        <Stack gap={6}>
          <Textarea
            aria-label={rt('reportCards.comments.commentFor', { name })}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setJustSaved(false);
            }}
            autosize
            minRows={2}
            maxRows={8}
            disabled={locked}
            error={
              tooLong
                ? rt('reportCards.comments.tooLong', {
                    max: formatCount(REPORT_CARD_COMMENT_MAX, locale),
                  })
                : undefined
            }
            description={rt('reportCards.comments.counter', {
              count: formatCount(body.length, locale),
              max: formatCount(REPORT_CARD_COMMENT_MAX, locale),
            })}
          />
          <ReportCardsErrorAlert error={save.error ?? remove.error} />
          <Group gap="sm" justify="space-between">
            <Text size="xs" c="dimmed">
              {item.comment &&
                rt('reportCards.comments.lastBy', {
                  name: item.comment.authorName,
                  date: formatDateTime(item.comment.updatedAt, locale, school.timezone),
                })}
            </Text>
            <Group gap="xs">
              {justSaved && !changed && (
                <Text size="sm" c="green" role="status">
                  {rt('reportCards.comments.saved')}
                </Text>
              )}
              {item.comment && !locked && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => {
                    const id = item.comment?.id;
                    if (id) remove.mutate(id, { onSuccess: () => setBody('') });
                  }}
                >
                  {rt('reportCards.comments.remove')}
                </Button>
              )}
              <Button
                size="compact-sm"
                disabled={locked || !changed || trimmed === '' || tooLong}
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { termId, studentId: item.studentId, classId, body: trimmed },
                    { onSuccess: () => setJustSaved(true) },
                  )
                }
              >
                {rt('reportCards.comments.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
