import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { AcademicYear } from '../../../../shared/contracts/academics.js';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { academicYearsResource } from '../api/academic-years';
import { useSaveStructureItem } from '../api/use-save-structure-item';
import { checkSpan } from '../date-span';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['name', 'startsOn', 'endsOn', 'isCurrent'] as const;

export function YearForm({ item, onSaved, onCancel }: StructureFormProps<AcademicYear>) {
  const { t } = useTranslation();
  const save = useSaveStructureItem(academicYearsResource, item);
  const form = useForm({
    name: item?.name ?? '',
    startsOn: item?.startsOn ?? '',
    endsOn: item?.endsOn ?? '',
    isCurrent: false,
  });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    const found = {
      ...(v.name.trim() ? {} : { name: t('validation.required') }),
      ...checkSpan(v, {
        required: t('validation.required'),
        order: t('academics.endsBeforeStart'),
      }),
    };
    if (!form.check(found)) return;
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    const fields = { name: v.name.trim(), startsOn: v.startsOn, endsOn: v.endsOn };
    if (item) save.update(fields, options);
    else save.create({ ...fields, ...(v.isCurrent ? { isCurrent: true } : {}) }, options);
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
        label={t('academics.years.name')}
        description={t('academics.years.nameHint')}
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.setValue('name', e.currentTarget.value)}
        error={form.errors.name ?? serverErrors.name}
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label={t('academics.startsOn')}
          type="date"
          required
          value={form.values.startsOn}
          onChange={(e) => form.setValue('startsOn', e.currentTarget.value)}
          error={form.errors.startsOn ?? serverErrors.startsOn}
        />
        <TextInput
          label={t('academics.endsOn')}
          type="date"
          required
          value={form.values.endsOn}
          onChange={(e) => form.setValue('endsOn', e.currentTarget.value)}
          error={form.errors.endsOn ?? serverErrors.endsOn}
        />
      </SimpleGrid>
      {!item && (
        <Checkbox
          label={t('academics.years.makeCurrentNow')}
          checked={form.values.isCurrent}
          onChange={(e) => form.setValue('isCurrent', e.currentTarget.checked)}
        />
      )}
    </StructureFormShell>
  );
}
