import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Guardian } from '../../../../shared/contracts/people.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useCreateGuardian } from '../api/create-guardian';
import {
  checkGuardianValues,
  GUARDIAN_FIELDS,
  guardianValues,
  newGuardianBody,
} from '../guardian-values';

import { GuardianFields } from './guardian-fields';

interface AddGuardianDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (guardian: Guardian) => void;
}

export function AddGuardianDialog({ opened, onClose, onCreated }: AddGuardianDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('guardians.add.title')} size="lg">
      {opened && <AddGuardianForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function AddGuardianForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (guardian: Guardian) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateGuardian();
  const form = useForm(guardianValues());
  const serverErrors = useRecordFieldErrors(create.error, GUARDIAN_FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkGuardianValues(form.values, {
      required: t('validation.required'),
      email: t('validation.email'),
    });
    if (!form.check(found)) return;
    create.mutate(newGuardianBody(form.values), {
      onSuccess: onCreated,
      onError: form.focusFirstError,
    });
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={create.error} />
        <GuardianFields
          values={form.values}
          errors={{ ...serverErrors, ...form.errors }}
          onChange={form.setValue}
          autoFocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('guardians.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
