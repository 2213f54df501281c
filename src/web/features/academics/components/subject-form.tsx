import { TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Subject } from '../../../../shared/contracts/academics.js';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { subjectsResource } from '../api/subjects';
import { useSaveStructureItem } from '../api/use-save-structure-item';

import { StructureFormShell } from './structure-form';
import type { StructureFormProps } from './structure-tab';

const FIELDS = ['code', 'name'] as const;

export function SubjectForm({ item, onSaved, onCancel }: StructureFormProps<Subject>) {
  const { t } = useTranslation();
  const save = useSaveStructureItem(subjectsResource, item);
  const form = useForm({ code: item?.code ?? '', name: item?.name ?? '' });
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = form.values.code.trim();
    const name = form.values.name.trim();
    const required = t('validation.required');
    const found = { ...(code ? {} : { code: required }), ...(name ? {} : { name: required }) };
    if (!form.check(found)) return;
    const options = { onSuccess: onSaved, onError: form.focusFirstError };
    if (item) save.update({ code, name }, options);
    else save.create({ code, name }, options);
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
        label={t('academics.subjects.code')}
        description={t('academics.subjects.codeHint')}
        required
        data-autofocus
        maxLength={32}
        value={form.values.code}
        onChange={(e) => form.setValue('code', e.currentTarget.value)}
        error={form.errors.code ?? serverErrors.code}
      />
      <TextInput
        label={t('academics.subjects.name')}
        required
        value={form.values.name}
        onChange={(e) => form.setValue('name', e.currentTarget.value)}
        error={form.errors.name ?? serverErrors.name}
      />
    </StructureFormShell>
  );
}
