import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Staff } from '../../../../shared/contracts/people.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useCreateStaffMember } from '../api/create-staff-member';
import { checkStaffValues, newStaffBody, STAFF_FIELDS, staffValues } from '../staff-values';

import { StaffFields } from './staff-fields';

interface AddStaffDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (member: Staff) => void;
}

export function AddStaffDialog({ opened, onClose, onCreated }: AddStaffDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.add.title')} size="lg">
      {opened && <AddStaffForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function AddStaffForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (member: Staff) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateStaffMember();
  const form = useForm(staffValues());
  const serverErrors = useRecordFieldErrors(create.error, STAFF_FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkStaffValues(form.values, {
      required: t('validation.required'),
      email: t('validation.email'),
    });
    if (!form.check(found)) return;
    create.mutate(newStaffBody(form.values), {
      onSuccess: onCreated,
      onError: form.focusFirstError,
    });
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={create.error} />
        <StaffFields
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
            {t('staff.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
