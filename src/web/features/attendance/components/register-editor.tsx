import { Button, Group, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

import type {
  AttendanceStatus,
  RegisterView,
  SaveRegisterBody,
} from '../../../../shared/contracts/attendance.js';
import { personName } from '../../../lib/person-name';
import {
  draftFromRoster,
  draftMarks,
  markAllPresent,
  setNote,
  setStatus,
  STATUSES,
  type Draft,
} from '../register-draft';
import { useAttendanceT } from '../use-attendance-t';

import { MarkHistoryDrawer } from './mark-history-drawer';

interface RegisterEditorProps {
  view: RegisterView;
  saving: boolean;
  onSave: (marks: SaveRegisterBody['marks'], reason: string) => void;
  /** Called on the first edit after a save, so the page can hide its confirmation. */
  onEdit: () => void;
}

/**
 * The roster with one status control per student (a radio group named after the student, so
 * arrow keys move between statuses), an optional note, and one Save for the whole register.
 * A locked register shows the same rows read-only.
 */
export function RegisterEditor({ view, saving, onSave, onEdit }: RegisterEditorProps) {
  const at = useAttendanceT();
  const [draft, setDraft] = useState<Draft>(() => draftFromRoster(view.roster));
  const [reason, setReason] = useState('');
  const [historyOf, setHistoryOf] = useState<{ studentId: string; name: string } | null>(null);
  const readOnly = !view.canRecord;
  const registerId = view.register?.id ?? null;

  const change = (next: Draft) => {
    setDraft(next);
    onEdit();
  };

  if (view.roster.length === 0) return <Text>{at('attendance.take.empty')}</Text>;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) onSave(draftMarks(view.roster, draft), reason);
      }}
    >
      <Stack gap="md">
        {!readOnly && (
          <Group>
            <Button variant="light" onClick={() => change(markAllPresent(draft))}>
              {at('attendance.take.markAllPresent')}
            </Button>
          </Group>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Caption>{at('attendance.take.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{at('attendance.take.columns.student')}</Table.Th>
                <Table.Th scope="col">{at('attendance.take.columns.status')}</Table.Th>
                <Table.Th scope="col">{at('attendance.take.columns.note')}</Table.Th>
                {registerId && (
                  <Table.Th scope="col">{at('attendance.take.columns.history')}</Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.roster.map((row) => {
                const name = personName(row);
                const mark = draft[row.studentId] ?? { status: 'present' as const, note: '' };
                return (
                  <Table.Tr key={row.studentId}>
                    <Table.Th scope="row" fw={500}>
                      <div>{name}</div>
                      <Text size="xs" c="dimmed">
                        <bdi>{row.admissionNumber}</bdi>
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Group role="radiogroup" aria-label={name} gap="md" wrap="nowrap">
                        {STATUSES.map((status: AttendanceStatus) => (
                          <Radio
                            key={status}
                            name={`status-${row.studentId}`}
                            value={status}
                            label={at(`attendance.status.${status}`)}
                            checked={mark.status === status}
                            disabled={readOnly}
                            onChange={() => change(setStatus(draft, row.studentId, status))}
                          />
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={at('attendance.take.noteFor', { name })}
                        value={mark.note}
                        maxLength={500}
                        readOnly={readOnly}
                        onChange={(event) =>
                          change(setNote(draft, row.studentId, event.currentTarget.value))
                        }
                      />
                    </Table.Td>
                    {registerId && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={at('attendance.take.historyFor', { name })}
                          onClick={() => setHistoryOf({ studentId: row.studentId, name })}
                        >
                          {at('attendance.take.history')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!readOnly && registerId && (
          <TextInput
            label={at('attendance.take.reason')}
            description={at('attendance.take.reasonHint')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            maw={560}
          />
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={saving}>
              {at('attendance.take.save')}
            </Button>
          </Group>
        )}
      </Stack>
      <MarkHistoryDrawer
        registerId={registerId}
        student={historyOf}
        onClose={() => setHistoryOf(null)}
      />
    </form>
  );
}
