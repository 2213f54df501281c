import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { SuccessAlert } from '../../../components/success-alert';
import { useDeleteStructureItem } from '../api/structure-resource';

export interface StructureColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

export interface StructureFormProps<T> {
  /** The row to change; null for a new one. */
  item: T | null;
  onSaved: () => void;
  onCancel: () => void;
}

interface StructureTabProps<T extends { id: string }> {
  resource: { name: string };
  query: { data?: T[]; isPending: boolean; isError: boolean; error: unknown };
  canManage: boolean;
  caption: string;
  empty: string;
  addLabel: string;
  addTitle: string;
  editTitle: (item: T) => string;
  deleteTitle: (item: T) => string;
  /** The row's name in button labels: "Edit Grade 1", "Delete Grade 1". */
  itemName: (item: T) => string;
  /** The first column names the row. */
  columns: [StructureColumn<T>, ...StructureColumn<T>[]];
  Form: (props: StructureFormProps<T>) => ReactNode;
  /** Buttons beside Edit and Delete, e.g. "Make current" for a year. */
  extraActions?: (item: T, notify: (message: string) => void) => ReactNode;
}

/** One part of the academic structure: a table, and dialogs to add, change and delete rows. */
export function StructureTab<T extends { id: string }>(props: StructureTabProps<T>) {
  const { t } = useTranslation();
  const remove = useDeleteStructureItem(props.resource);
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [first, ...rest] = props.columns;
  const rows = props.query.data ?? [];
  const Form = props.Form;

  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <Stack gap="md">
      {props.canManage && (
        <Group>
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ item: null });
            }}
          >
            {props.addLabel}
          </Button>
        </Group>
      )}
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {props.query.isPending ? (
        <PageLoader />
      ) : props.query.isError ? (
        <RecordErrorAlert error={props.query.error} />
      ) : rows.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{props.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((column) => (
                  <Table.Th key={column.header} scope="col">
                    {column.header}
                  </Table.Th>
                ))}
                {props.canManage && <Table.Th scope="col">{t('records.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => {
                const name = props.itemName(item);
                return (
                  <Table.Tr key={item.id}>
                    <Table.Th scope="row" fw={500}>
                      {first.cell(item)}
                    </Table.Th>
                    {rest.map((column) => (
                      <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
                    ))}
                    {props.canManage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {props.extraActions?.(item, setNotice)}
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t('records.editNamed', { name })}
                            onClick={() => {
                              setNotice(null);
                              setEditing({ item });
                            }}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('records.deleteNamed', { name })}
                            onClick={() => {
                              setNotice(null);
                              setDeleting(item);
                            }}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {props.canManage && (
        <>
          <Modal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            title={editing?.item ? props.editTitle(editing.item) : props.addTitle}
          >
            {editing && (
              <Form
                item={editing.item}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  setNotice(t('common.saved'));
                }}
              />
            )}
          </Modal>
          <ConfirmDialog
            opened={deleting !== null}
            title={deleting ? props.deleteTitle(deleting) : ''}
            confirmLabel={t('common.delete')}
            danger
            pending={remove.isPending}
            error={remove.error}
            onClose={closeDelete}
            onConfirm={() => {
              if (!deleting) return;
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setDeleting(null);
                  setNotice(t('records.deleted'));
                },
              });
            }}
          >
            <Text>{t('academics.deleteConfirm')}</Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}
