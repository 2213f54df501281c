import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolClass } from '../../../../shared/contracts/academics.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import { useCreateClass } from '../api/create-class';
import { useUpdateClass } from '../api/update-class';
import {
  CLASS_FIELDS,
  checkClassValues,
  classChanges,
  classValues,
  newClassBody,
} from '../class-values';
import type { ClassValues } from '../class-values';
import type { ClassLookups } from '../use-class-lookups';

interface ClassDialogProps {
  opened: boolean;
  /** The class to change; null for a new one. */
  item: SchoolClass | null;
  lookups: ClassLookups;
  onClose: () => void;
  onSaved: (saved: SchoolClass) => void;
}

export function ClassDialog(props: ClassDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.item
          ? t('classes.dialog.editTitle', { name: props.item.name })
          : t('classes.dialog.addTitle')
      }
      size="lg"
    >
      {props.opened && <ClassForm {...props} />}
    </Modal>
  );
}

function ClassForm({ item, lookups, onClose, onSaved }: ClassDialogProps) {
  const { t } = useTranslation();
  const create = useCreateClass();
  const update = useUpdateClass();
  const save = item ? update : create;
  const form = useForm<ClassValues>(classValues(item ?? undefined));
  const serverErrors = useRecordFieldErrors(save.error, CLASS_FIELDS);

  // Archived teachers keep their place in an existing class but are not offered for new ones.
  const teacherOptions = lookups.teachers
    .filter((s) => s.status === 'active' || form.values.teacherIds.includes(s.id))
    .map((s) => ({ value: s.id, label: personName(s) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkClassValues(
      form.values,
      { required: t('validation.required'), teacher: t('classes.dialog.teacherRequired') },
      item !== null,
    );
    if (!form.check(found)) return;
    if (item) {
      const body = classChanges(item, form.values);
      if (Object.keys(body).length === 0) {
        onSaved(item);
        return;
      }
      update.mutate({ id: item.id, body }, { onSuccess: onSaved, onError: form.focusFirstError });
    } else {
      create.mutate(newClassBody(form.values), {
        onSuccess: onSaved,
        onError: form.focusFirstError,
      });
    }
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('classes.fields.subject')}
            required
            data-autofocus
            value={form.values.subjectId}
            onChange={(e) => form.setValue('subjectId', e.currentTarget.value)}
            error={form.errors.subjectId ?? serverErrors.subjectId}
            data={[
              { value: '', label: t('records.choose') },
              ...lookups.subjects.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
            ]}
          />
          <NativeSelect
            label={t('classes.fields.term')}
            required
            value={form.values.termId}
            onChange={(e) => form.setValue('termId', e.currentTarget.value)}
            error={form.errors.termId ?? serverErrors.termId}
            data={[
              { value: '', label: t('records.choose') },
              ...lookups.terms.map((term) => ({ value: term.id, label: term.name })),
            ]}
          />
          <NativeSelect
            label={t('classes.fields.group')}
            description={t('classes.fields.groupHint')}
            required
            value={form.values.group}
            onChange={(e) => form.setValue('group', e.currentTarget.value)}
            error={form.errors.group ?? serverErrors.sectionId ?? serverErrors.gradeLevelId}
            data={[
              { value: '', label: t('records.choose') },
              {
                group: t('classes.fields.sections'),
                items: lookups.sections.map((o) => ({
                  value: `section:${o.section.id}`,
                  label: o.label,
                })),
              },
              {
                group: t('classes.fields.gradeLevels'),
                items: lookups.gradeLevels.map((g) => ({ value: `grade:${g.id}`, label: g.name })),
              },
            ]}
          />
          <NativeSelect
            label={t('classes.fields.room')}
            value={form.values.roomId}
            onChange={(e) => form.setValue('roomId', e.currentTarget.value)}
            error={serverErrors.roomId}
            data={[
              { value: '', label: t('classes.fields.noRoom') },
              ...lookups.rooms.map((r) => ({ value: r.id, label: r.name })),
            ]}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('classes.fields.teachers')}
          required
          searchable
          data={teacherOptions}
          value={form.values.teacherIds}
          onChange={(ids) => form.setValue('teacherIds', ids)}
          error={form.errors.teacherIds ?? serverErrors.teacherIds}
          nothingFoundMessage={t('records.noMatches')}
        />
        <TextInput
          label={t('classes.fields.name')}
          description={item ? undefined : t('classes.fields.nameHint')}
          required={item !== null}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name ?? serverErrors.name}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>
            {item ? t('records.saveChanges') : t('classes.dialog.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
