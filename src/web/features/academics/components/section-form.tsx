import { NativeSelect, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Section } from '../../../../shared/contracts/academics.js';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useTeachers } from '../../staff/api/list-staff';
import { useGradeLevels } from '../api/grade-levels';
import { sectionsResource } from '../api/sections';
import { useSaveStructureItem } from '../api/use-save-structure-item';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['gradeLevelId', 'name', 'homeroomTeacherId'] as const;

export function SectionForm({ item, onSaved, onCancel }: StructureFormProps<Section>) {
  const { t } = useTranslation();
  const gradeLevels = useGradeLevels();
  const teachers = useTeachers();
  const save = useSaveStructureItem(sectionsResource, item);
  const form = useForm({
    gradeLevelId: item?.gradeLevelId ?? '',
    name: item?.name ?? '',
    homeroomTeacherId: item?.homeroomTeacherId ?? '',
  });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);
  const teacherOptions = (teachers.data ?? []).filter(
    (s) => s.status === 'active' || s.id === form.values.homeroomTeacherId,
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    const required = t('validation.required');
    const found = {
      ...(v.gradeLevelId ? {} : { gradeLevelId: required }),
      ...(v.name.trim() ? {} : { name: required }),
    };
    if (!form.check(found)) return;
    const body = {
      gradeLevelId: v.gradeLevelId,
      name: v.name.trim(),
      homeroomTeacherId: v.homeroomTeacherId || null,
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
        label={t('academics.sections.gradeLevel')}
        required
        data-autofocus
        value={form.values.gradeLevelId}
        onChange={(e) => form.setValue('gradeLevelId', e.currentTarget.value)}
        error={form.errors.gradeLevelId ?? serverErrors.gradeLevelId}
        data={[
          { value: '', label: t('records.choose') },
          ...(gradeLevels.data ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
      />
      <TextInput
        label={t('academics.sections.name')}
        required
        value={form.values.name}
        onChange={(e) => form.setValue('name', e.currentTarget.value)}
        error={form.errors.name ?? serverErrors.name}
      />
      <NativeSelect
        label={t('academics.sections.homeroomTeacher')}
        value={form.values.homeroomTeacherId}
        onChange={(e) => form.setValue('homeroomTeacherId', e.currentTarget.value)}
        error={serverErrors.homeroomTeacherId}
        data={[
          { value: '', label: t('academics.sections.noHomeroomTeacher') },
          ...teacherOptions.map((s) => ({ value: s.id, label: personName(s) })),
        ]}
      />
    </StructureFormShell>
  );
}
