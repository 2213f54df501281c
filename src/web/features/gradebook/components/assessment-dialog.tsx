import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';

import type {
  Assessment,
  AssessmentCategory,
  UpdateAssessmentBody,
} from '../../../../shared/contracts/gradebook.js';
import { useForm } from '../../../lib/use-form';
import { useSaveAssessment } from '../api/save-assessment';
import { useGradebookFieldErrors } from '../gradebook-errors';
import { useGradebookT } from '../use-gradebook-t';

import { GradebookErrorAlert } from './gradebook-error-alert';

interface AssessmentDialogProps {
  opened: boolean;
  classId: string;
  /** The assessment to change; null for a new one. */
  item: Assessment | null;
  categories: AssessmentCategory[];
  onClose: () => void;
  onSaved: () => void;
}

interface AssessmentValues {
  title: string;
  categoryId: string;
  maxScore: number | string;
  dueOn: string;
  published: boolean;
}

const FIELDS = ['title', 'categoryId', 'maxScore', 'dueOn'] as const;

export function AssessmentDialog(props: AssessmentDialogProps) {
  const gt = useGradebookT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.item
          ? gt('gradebook.assessments.editTitle', { title: props.item.title })
          : gt('gradebook.assessments.addTitle')
      }
    >
      {props.opened && <AssessmentForm {...props} />}
    </Modal>
  );
}

function initialValues(
  item: Assessment | null,
  categories: AssessmentCategory[],
): AssessmentValues {
  return {
    title: item?.title ?? '',
    categoryId: item?.categoryId ?? categories[0]?.id ?? '',
    maxScore: item?.maxScore ?? '',
    dueOn: item?.dueOn ?? '',
    published: item?.published ?? false,
  };
}

function AssessmentForm({ classId, item, categories, onClose, onSaved }: AssessmentDialogProps) {
  const gt = useGradebookT();
  const save = useSaveAssessment();
  const form = useForm<AssessmentValues>(initialValues(item, categories));
  const serverErrors = useGradebookFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    const found: Partial<Record<keyof AssessmentValues, string>> = {};
    if (v.title.trim() === '') found.title = gt('gradebook.fieldErrors.required');
    if (v.categoryId === '') found.categoryId = gt('gradebook.fieldErrors.required');
    if (v.maxScore === '' || !(Number(v.maxScore) > 0)) {
      found.maxScore = gt('gradebook.fieldErrors.maxScore');
    }
    if (!form.check(found)) return;
    const fields = {
      title: v.title.trim(),
      categoryId: v.categoryId,
      maxScore: Number(v.maxScore),
      dueOn: v.dueOn === '' ? null : v.dueOn,
      published: v.published,
    };
    if (item) {
      const body: UpdateAssessmentBody = {};
      if (fields.title !== item.title) body.title = fields.title;
      if (fields.categoryId !== item.categoryId) body.categoryId = fields.categoryId;
      if (fields.maxScore !== item.maxScore) body.maxScore = fields.maxScore;
      if (fields.dueOn !== item.dueOn) body.dueOn = fields.dueOn;
      if (fields.published !== item.published) body.published = fields.published;
      if (Object.keys(body).length === 0) {
        onSaved();
        return;
      }
      save.mutate({ id: item.id, body }, { onSuccess: onSaved, onError: form.focusFirstError });
    } else {
      save.mutate(
        { id: null, body: { classId, ...fields } },
        { onSuccess: onSaved, onError: form.focusFirstError },
      );
    }
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <GradebookErrorAlert error={save.error} />
        <TextInput
          label={gt('gradebook.assessments.titleField')}
          required
          data-autofocus
          maxLength={200}
          value={form.values.title}
          onChange={(e) => form.setValue('title', e.currentTarget.value)}
          error={form.errors.title ?? serverErrors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={gt('gradebook.assessments.category')}
            required
            value={form.values.categoryId}
            onChange={(e) => form.setValue('categoryId', e.currentTarget.value)}
            error={form.errors.categoryId ?? serverErrors.categoryId}
            data={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <NumberInput
            label={gt('gradebook.assessments.maxScore')}
            required
            min={0}
            max={100000}
            decimalScale={2}
            value={form.values.maxScore}
            onChange={(value) => form.setValue('maxScore', value)}
            error={form.errors.maxScore ?? serverErrors.maxScore}
          />
          <TextInput
            type="date"
            label={gt('gradebook.assessments.dueOnField')}
            value={form.values.dueOn}
            onChange={(e) => form.setValue('dueOn', e.currentTarget.value)}
            error={form.errors.dueOn ?? serverErrors.dueOn}
          />
        </SimpleGrid>
        <Checkbox
          label={gt('gradebook.assessments.publishedField')}
          description={gt('gradebook.assessments.publishedHint')}
          checked={form.values.published}
          onChange={(e) => form.setValue('published', e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {gt('gradebook.actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {gt('gradebook.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
