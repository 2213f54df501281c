import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { RecordErrorAlert } from '../../../components/record-error-alert';

interface StructureFormShellProps {
  formRef: RefObject<HTMLFormElement | null>;
  editing: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame every academic-structure form shares: the refusal, the fields, the buttons. */
export function StructureFormShell(props: StructureFormShellProps) {
  const { t } = useTranslation();
  return (
    <form ref={props.formRef} onSubmit={props.onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={props.error} />
        {props.children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={props.pending} disabled={props.pending}>
            {props.editing ? t('records.saveChanges') : t('academics.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
