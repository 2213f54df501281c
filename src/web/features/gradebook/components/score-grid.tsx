import { Badge, Button, Group, Menu, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import type { Assessment, GradebookGrid, Score } from '../../../../shared/contracts/gradebook.js';
import { SuccessAlert } from '../../../components/success-alert';
import { isApiError } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { personName } from '../../../lib/person-name';
import { useSaveScores } from '../api/save-scores';
import { formatPercent, formatPoints } from '../grade-format';
import {
  cellKey,
  cellProblem,
  countChanges,
  draftFrom,
  isChanged,
  planSave,
  problemsFromDetails,
} from '../grid-edits';
import type { CellDraft, CellProblem, Drafts } from '../grid-edits';
import { useGradebookT } from '../use-gradebook-t';
import type { GradebookT } from '../use-gradebook-t';

import { GradebookErrorAlert } from './gradebook-error-alert';
import { ScoreCell } from './score-cell';
import type { CellMove } from './score-cell';

interface ScoreGridProps {
  grid: GradebookGrid;
  onEditAssessment: (assessment: Assessment) => void;
  onTogglePublished: (assessment: Assessment) => void;
  onDeleteAssessment: (assessment: Assessment) => void;
}

const stickyStart = {
  position: 'sticky',
  insetInlineStart: 0,
  zIndex: 2,
  backgroundColor: 'var(--mantine-color-body)',
} as const;

function problemText(gt: GradebookT, code: CellProblem | string, max: string): string {
  switch (code) {
    case 'invalid':
      return gt('gradebook.cellProblems.invalid');
    case 'aboveMax':
    case 'above_max':
      return gt('gradebook.cellProblems.aboveMax', { max });
    case 'required':
      return gt('gradebook.cellProblems.required');
    case 'not_on_roster':
      return gt('gradebook.cellProblems.notOnRoster');
    default:
      return gt('gradebook.cellProblems.refused');
  }
}

/**
 * Students down, assessments across, the average at the end of each row. Edits stay in the
 * page until "Save scores" sends them together; leaving with unsaved edits asks first.
 */
export function ScoreGrid({ grid, ...actions }: ScoreGridProps) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const helpId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const save = useSaveScores(grid.class.id);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [commentFor, setCommentFor] = useState<string | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const [showProblems, setShowProblems] = useState(false);

  const stored = useMemo(
    () => new Map<string, Score>(grid.scores.map((s) => [cellKey(s.assessmentId, s.studentId), s])),
    [grid.scores],
  );
  const maxScores = useMemo(
    () => new Map(grid.assessments.map((a) => [a.id, a.maxScore])),
    [grid.assessments],
  );
  const categoryNames = useMemo(
    () => new Map(grid.categories.map((c) => [c.id, c.name])),
    [grid.categories],
  );
  const averages = useMemo(
    () => new Map(grid.averages.map((a) => [a.studentId, a])),
    [grid.averages],
  );
  const changes = countChanges(drafts, stored);

  useBlocker({
    shouldBlockFn: () => !window.confirm(gt('gradebook.grid.leaveConfirm')),
    enableBeforeUnload: changes > 0,
    disabled: changes === 0,
  });

  // A fresh grid (after a save or someone else's change) drops drafts it now already holds.
  useEffect(() => {
    setDrafts((current) => {
      const kept = Object.entries(current).filter(([key, d]) => isChanged(d, stored.get(key)));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, [stored]);

  const onChange = useCallback((key: string, draft: CellDraft) => {
    setSavedCount(null);
    setDrafts((current) => ({ ...current, [key]: draft }));
    setRefused((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  }, []);

  const onMove = useCallback((row: number, col: number, move: CellMove) => {
    const target = tableRef.current?.querySelector<HTMLInputElement>(
      `input[data-grid-row="${move === 'down' ? row + 1 : row - 1}"][data-grid-col="${col}"]`,
    );
    target?.focus();
    target?.select();
  }, []);

  function focusFirstProblem() {
    requestAnimationFrame(() => {
      tableRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
    });
  }

  function onSave() {
    const plan = planSave(drafts, stored, maxScores);
    if (Object.keys(plan.problems).length > 0) {
      setShowProblems(true);
      focusFirstProblem();
      return;
    }
    if (plan.items.length === 0) return;
    save.mutate(
      { scores: plan.items },
      {
        onSuccess: (result) => {
          setDrafts({});
          setRefused({});
          setShowProblems(false);
          setSavedCount(result.saved);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
            setRefused(problemsFromDetails(error.details, plan.keys));
            focusFirstProblem();
          }
        },
      },
    );
  }

  const columns = grid.assessments.length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" gap="sm">
        <Text id={helpId} size="sm" c="dimmed" maw="70ch">
          {gt('gradebook.grid.help')}
        </Text>
        <Group gap="sm">
          {changes > 0 && (
            <Badge color="orange" variant="light" role="status">
              {gt('gradebook.grid.unsaved', { count: changes })}
            </Badge>
          )}
          <Button
            variant="default"
            disabled={changes === 0 || save.isPending}
            onClick={() => {
              setDrafts({});
              setRefused({});
              setShowProblems(false);
            }}
          >
            {gt('gradebook.grid.discard')}
          </Button>
          <Button onClick={onSave} loading={save.isPending} disabled={changes === 0}>
            {gt('gradebook.grid.save')}
          </Button>
        </Group>
      </Group>
      {savedCount !== null && (
        <SuccessAlert>{gt('gradebook.grid.saved', { count: savedCount })}</SuccessAlert>
      )}
      <GradebookErrorAlert error={save.error} />
      {grid.students.length === 0 ? (
        <Text>{gt('gradebook.grid.noStudents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320 + columns * 130}>
          <Table ref={tableRef} withTableBorder withColumnBorders verticalSpacing={6}>
            <Table.Caption>
              {gt('gradebook.grid.caption', { name: grid.class.name, term: grid.class.term.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={stickyStart} miw={180}>
                  {gt('gradebook.grid.student')}
                </Table.Th>
                {grid.assessments.map((a) => (
                  <Table.Th key={a.id} scope="col" miw={120} style={{ verticalAlign: 'top' }}>
                    <AssessmentHeading
                      assessment={a}
                      category={categoryNames.get(a.categoryId) ?? ''}
                      {...actions}
                    />
                  </Table.Th>
                ))}
                <Table.Th scope="col">{gt('gradebook.grid.average')}</Table.Th>
                <Table.Th scope="col">{gt('gradebook.grid.band')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.students.map((student, row) => {
                const name = personName(student);
                const average = averages.get(student.id);
                return (
                  <Table.Tr key={student.id}>
                    <Table.Th scope="row" style={stickyStart}>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      {student.enrolledUntil && (
                        <Text size="xs" c="dimmed">
                          {gt('gradebook.grid.leftOn', {
                            date: formatCalendarDate(student.enrolledUntil, locale),
                          })}
                        </Text>
                      )}
                    </Table.Th>
                    {grid.assessments.map((a, col) => {
                      const key = cellKey(a.id, student.id);
                      const before = stored.get(key);
                      const draft = drafts[key] ?? draftFrom(before);
                      const changed = key in drafts && isChanged(draft, before);
                      // Unreadable or too high shows while typing; an emptied cell on saving.
                      const found = changed ? cellProblem(draft, before, a.maxScore) : null;
                      const local = found === 'required' && !showProblems ? null : found;
                      const code = refused[key] ?? local;
                      return (
                        <Table.Td key={a.id}>
                          <ScoreCell
                            cellKey={key}
                            row={row}
                            col={col}
                            draft={draft}
                            changed={changed}
                            problem={
                              code ? problemText(gt, code, formatPoints(a.maxScore, locale)) : null
                            }
                            label={gt('gradebook.grid.cellLabel', {
                              student: name,
                              assessment: a.title,
                              max: formatPoints(a.maxScore, locale),
                            })}
                            helpId={helpId}
                            commentOpen={commentFor === key}
                            onChange={onChange}
                            onCommentOpen={setCommentFor}
                            onMove={onMove}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td>
                      {average?.percent != null
                        ? formatPercent(average.percent, locale)
                        : gt('gradebook.noGradeYet')}
                    </Table.Td>
                    <Table.Td>
                      {average?.band ? (
                        <Badge variant="light">{average.band}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {changes > 0 && (
        <Text size="xs" c="dimmed">
          {gt('gradebook.grid.averagesAfterSave')}
        </Text>
      )}
    </Stack>
  );
}

function AssessmentHeading({
  assessment,
  category,
  onEditAssessment,
  onTogglePublished,
  onDeleteAssessment,
}: {
  assessment: Assessment;
  category: string;
} & Omit<ScoreGridProps, 'grid'>) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  return (
    <Stack gap={2}>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={gt('gradebook.assessments.menuFor', { title: assessment.title })}
            fw={600}
            fz="sm"
            style={{ textDecoration: 'underline dotted' }}
          >
            {assessment.title}
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onEditAssessment(assessment)}>
            {gt('gradebook.assessments.edit')}
          </Menu.Item>
          <Menu.Item onClick={() => onTogglePublished(assessment)}>
            {assessment.published
              ? gt('gradebook.assessments.unpublish')
              : gt('gradebook.assessments.publish')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => onDeleteAssessment(assessment)}>
            {gt('gradebook.assessments.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Text size="xs" c="dimmed">
        {category}
      </Text>
      <Text size="xs">
        {gt('gradebook.assessments.outOf', { max: formatPoints(assessment.maxScore, locale) })}
      </Text>
      {assessment.dueOn && (
        <Text size="xs" c="dimmed">
          {gt('gradebook.assessments.dueOn', {
            date: formatCalendarDate(assessment.dueOn, locale),
          })}
        </Text>
      )}
      <Badge size="xs" variant="light" color={assessment.published ? 'green' : 'gray'}>
        {assessment.published
          ? gt('gradebook.assessments.published')
          : gt('gradebook.assessments.draft')}
      </Badge>
    </Stack>
  );
}
