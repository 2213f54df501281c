import { NumberInput, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Room } from '../../../../shared/contracts/academics.js';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { roomsResource } from '../api/rooms';
import { useSaveStructureItem } from '../api/use-save-structure-item';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['name', 'capacity'] as const;
const DEFAULT_CAPACITY = 30;

export function RoomForm({ item, onSaved, onCancel }: StructureFormProps<Room>) {
  const { t } = useTranslation();
  const save = useSaveStructureItem(roomsResource, item);
  const form = useForm<{ name: string; capacity: number | string }>({
    name: item?.name ?? '',
    capacity: item?.capacity ?? DEFAULT_CAPACITY,
  });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = form.values.name.trim();
    const capacity = form.values.capacity;
    const found = {
      ...(name ? {} : { name: t('validation.required') }),
      ...(typeof capacity === 'number' && capacity >= 1
        ? {}
        : { capacity: t('academics.rooms.capacityMin') }),
    };
    if (!form.check(found) || typeof capacity !== 'number') return;
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    if (item) save.update({ name, capacity }, options);
    else save.create({ name, capacity }, options);
  }

  return (
    <StructureFormShell
      formRef={form.formRef}
      editing={item !== null}
      pending={save.isPending}
      error={save.error}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <TextInput
        label={t('academics.rooms.name')}
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.setValue('name', e.currentTarget.value)}
        error={form.errors.name ?? serverErrors.name}
      />
      <NumberInput
        label={t('academics.rooms.capacity')}
        required
        min={1}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        value={form.values.capacity}
        onChange={(value) => form.setValue('capacity', value)}
        error={form.errors.capacity ?? serverErrors.capacity}
      />
    </StructureFormShell>
  );
}
