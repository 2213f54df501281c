import {
  ActionIcon,
  Box,
  Button,
  Group,
  Menu,
  Popover,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { memo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

import type { ScoreStatusValue } from '../../../../shared/contracts/gradebook.js';
import type { CellDraft } from '../grid-edits';
import { useGradebookT } from '../use-gradebook-t';

export type CellMove = 'down' | 'up';

interface ScoreCellProps {
  cellKey: string;
  row: number;
  col: number;
  draft: CellDraft;
  changed: boolean;
  /** The translated problem with the cell as typed or as refused by the server. */
  problem: string | null;
  /** "Ana Zamora, Test 1, out of 50", read out for the input. */
  label: string;
  helpId: string;
  commentOpen: boolean;
  onChange: (key: string, draft: CellDraft) => void;
  onCommentOpen: (key: string | null) => void;
  onMove: (row: number, col: number, move: CellMove) => void;
}

const STATUS_COLORS: Record<ScoreStatusValue, string | undefined> = {
  scored: undefined,
  excused: 'var(--mantine-color-gray-light)',
  missing: 'var(--mantine-color-orange-light)',
};

/**
 * One cell of the grid: type points, or use the cell menu (the ⋯ button, or Alt+Down from the
 * input) to mark the work excused or missing or to write a comment. Enter moves to the next
 * student, Shift+Enter to the previous one; Tab moves across assessments.
 */
export const ScoreCell = memo(function ScoreCell(props: ScoreCellProps) {
  const gt = useGradebookT();
  const { draft, cellKey, onChange } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const setStatus = (status: ScoreStatusValue) => onChange(cellKey, { ...draft, status });

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onMove(props.row, props.col, event.shiftKey ? 'up' : 'down');
    } else if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setMenuOpen(true);
    }
  }

  const statusWord =
    draft.status === 'excused'
      ? gt('gradebook.status.excused')
      : draft.status === 'missing'
        ? gt('gradebook.status.missing')
        : '';
  const described = [props.helpId, props.problem ? `${cellKey}-problem` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <Popover
      opened={props.commentOpen}
      onChange={(open) => {
        if (!open) props.onCommentOpen(null);
      }}
      position="bottom"
      withArrow
      trapFocus
      returnFocus
      width={280}
    >
      <Popover.Target>
        <Stack gap={2}>
          <Group gap={2} wrap="nowrap">
            <TextInput
              ref={inputRef}
              size="xs"
              w={76}
              value={draft.status === 'scored' ? draft.pointsText : ''}
              placeholder={statusWord}
              onChange={(event) =>
                onChange(cellKey, {
                  ...draft,
                  status: 'scored',
                  pointsText: event.currentTarget.value,
                })
              }
              onKeyDown={onKeyDown}
              inputMode="decimal"
              autoComplete="off"
              aria-label={
                statusWord
                  ? gt('gradebook.grid.cellLabelStatus', { cell: props.label, status: statusWord })
                  : props.label
              }
              aria-describedby={described}
              aria-keyshortcuts="Alt+ArrowDown"
              error={props.problem !== null}
              data-grid-row={props.row}
              data-grid-col={props.col}
              styles={{
                input: {
                  textAlign: 'end',
                  backgroundColor: STATUS_COLORS[draft.status],
                  fontWeight: props.changed ? 700 : undefined,
                },
              }}
            />
            {/* Closed, the menu hands focus back to the cell: its button is not a tab stop. */}
            <Menu
              opened={menuOpen}
              onChange={setMenuOpen}
              onClose={() => inputRef.current?.focus()}
              returnFocus={false}
              position="bottom-end"
              withinPortal
            >
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  tabIndex={-1}
                  aria-label={gt('gradebook.grid.cellMenu', { cell: props.label })}
                >
                  <span aria-hidden>⋯</span>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setStatus('scored')}>
                  {gt('gradebook.status.scored')}
                </Menu.Item>
                <Menu.Item onClick={() => setStatus('excused')}>
                  {gt('gradebook.status.excused')}
                </Menu.Item>
                <Menu.Item onClick={() => setStatus('missing')}>
                  {gt('gradebook.status.missing')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => props.onCommentOpen(cellKey)}>
                  {draft.comment
                    ? gt('gradebook.grid.editComment')
                    : gt('gradebook.grid.addComment')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {draft.comment && (
              <Box
                component="span"
                title={draft.comment}
                aria-label={gt('gradebook.grid.hasComment')}
                role="img"
                w={6}
                h={6}
                style={{ borderRadius: '50%', backgroundColor: 'var(--mantine-color-blue-6)' }}
              />
            )}
          </Group>
          {props.problem && (
            <Box
              id={`${cellKey}-problem`}
              fz="xs"
              c="red"
              maw={120}
              style={{ whiteSpace: 'normal' }}
            >
              {props.problem}
            </Box>
          )}
        </Stack>
      </Popover.Target>
      <Popover.Dropdown>
        {props.commentOpen && (
          <CommentEditor
            label={gt('gradebook.grid.commentFor', { cell: props.label })}
            initial={draft.comment ?? ''}
            onDone={(comment) => {
              onChange(cellKey, { ...draft, comment });
              props.onCommentOpen(null);
            }}
            onCancel={() => props.onCommentOpen(null)}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
});

function CommentEditor(props: {
  label: string;
  initial: string;
  onDone: (comment: string | null) => void;
  onCancel: () => void;
}) {
  const gt = useGradebookT();
  const [text, setText] = useState(props.initial);
  return (
    <Stack gap="xs">
      <Textarea
        label={props.label}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={1000}
        data-autofocus
      />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={props.onCancel}>
          {gt('gradebook.actions.cancel')}
        </Button>
        <Button size="xs" onClick={() => props.onDone(text.trim() === '' ? null : text)}>
          {gt('gradebook.grid.commentDone')}
        </Button>
      </Group>
    </Stack>
  );
}
