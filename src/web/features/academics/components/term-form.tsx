import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Term } from '../../../../shared/contracts/academics.js';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useAcademicYears } from '../api/academic-years';
import { termsResource } from '../api/terms';
import { useSaveStructureItem } from '../api/use-save-structure-item';
import { checkSpan } from '../date-span';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['academicYearId', 'name', 'startsOn', 'endsOn'] as const;

export function TermForm({ item, onSaved, onCancel }: StructureFormProps<Term>) {
  const { t } = useTranslation();
  const years = useAcademicYears();
  const save = useSaveStructureItem(termsResource, item);
  const currentYear = years.data?.find((year) => year.isCurrent);
  const form = useForm({
    academicYearId: item?.academicYearId ?? currentYear?.id ?? '',
    name: item?.name ?? '',
    startsOn: item?.startsOn ?? '',
    endsOn: item?.endsOn ?? '',
  });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    const required = t('validation.required');
    const found = {
      ...(v.academicYearId ? {} : { academicYearId: required }),
      ...(v.name.trim() ? {} : { name: required }),
      ...checkSpan(v, { required, order: t('academics.endsBeforeStart') }),
    };
    if (!form.check(found)) return;
    const body = {
      academicYearId: v.academicYearId,
      name: v.name.trim(),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    };
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    if (item) save.update(body, options);
    else save.create(body, options);
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
      <NativeSelect
        label={t('academics.terms.year')}
        required
        data-autofocus
        value={form.values.academicYearId}
        onChange={(e) => form.setValue('academicYearId', e.currentTarget.value)}
        error={form.errors.academicYearId ?? serverErrors.academicYearId}
        data={[
          { value: '', label: t('records.choose') },
          ...(years.data ?? []).map((year) => ({ value: year.id, label: year.name })),
        ]}
      />
      <TextInput
        label={t('academics.terms.name')}
        required
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
    </StructureFormShell>
  );
}
