import { NumberInput, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { GradeLevel } from '../../../../shared/contracts/academics.js';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { gradeLevelsResource } from '../api/grade-levels';
import { useSaveStructureItem } from '../api/use-save-structure-item';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['name', 'sortOrder'] as const;

export function GradeLevelForm({ item, onSaved, onCancel }: StructureFormProps<GradeLevel>) {
  const { t } = useTranslation();
  const save = useSaveStructureItem(gradeLevelsResource, item);
  const form = useForm<{ name: string; sortOrder: number | string }>({
    name: item?.name ?? '',
    sortOrder: item?.sortOrder ?? '',
  });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = form.values.name.trim();
    const sortOrder = form.values.sortOrder;
    if (!form.check(name ? {} : { name: t('validation.required') })) return;
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    const position = typeof sortOrder === 'number' ? { sortOrder } : {};
    if (item) save.update({ name, ...position }, options);
    else save.create({ name, ...position }, options);
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
        label={t('academics.gradeLevels.name')}
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.setValue('name', e.currentTarget.value)}
        error={form.errors.name ?? serverErrors.name}
      />
      <NumberInput
        label={t('academics.gradeLevels.position')}
        description={t('academics.gradeLevels.positionHint')}
        min={0}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        value={form.values.sortOrder}
        onChange={(value) => form.setValue('sortOrder', value)}
        error={serverErrors.sortOrder}
      />
    </StructureFormShell>
  );
}
