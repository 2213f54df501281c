import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';

import type { AssessmentCategory } from '../../../../shared/contracts/gradebook.js';
import { useAppLocale } from '../../../lib/app-locale';
import { useDeleteAssessmentCategory } from '../api/delete-assessment-category';
import { useSaveAssessmentCategory } from '../api/save-assessment-category';
import { formatPercent, formatPoints, weightTotal } from '../grade-format';
import { useGradebookFieldErrors } from '../gradebook-errors';
import { useGradebookT } from '../use-gradebook-t';

import { GradebookErrorAlert } from './gradebook-error-alert';

interface CategoriesDialogProps {
  opened: boolean;
  classId: string;
  className: string;
  categories: AssessmentCategory[];
  onClose: () => void;
}

const FIELDS = ['name', 'weight'] as const;

/** The class's categories and their weights: rename, reweigh, reorder, add and delete. */
export function CategoriesDialog(props: CategoriesDialogProps) {
  const gt = useGradebookT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={gt('gradebook.categories.title', { name: props.className })}
      size="lg"
    >
      {props.opened && <CategoriesEditor {...props} />}
    </Modal>
  );
}

function CategoriesEditor({ classId, categories }: CategoriesDialogProps) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const total = weightTotal(categories);
  return (
    <Stack gap="md">
      <Text size="sm">{gt('gradebook.categories.intro')}</Text>
      {categories.length > 0 && total !== 100 && (
        <Alert color="blue" variant="light">
          {total === 0
            ? gt('gradebook.categories.weightsZero')
            : gt('gradebook.categories.weightsNormalised', { total: formatPoints(total, locale) })}
        </Alert>
      )}
      {categories.length === 0 ? (
        <Text c="dimmed">{gt('gradebook.categories.empty')}</Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{gt('gradebook.categories.name')}</Table.Th>
              <Table.Th scope="col">{gt('gradebook.categories.weight')}</Table.Th>
              <Table.Th scope="col">{gt('gradebook.categories.share')}</Table.Th>
              <Table.Th scope="col">{gt('gradebook.actions.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((category) => (
              <CategoryRow key={category.id} classId={classId} category={category} total={total} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewCategoryForm classId={classId} nextOrder={categories.length} />
    </Stack>
  );
}

function CategoryRow({
  classId,
  category,
  total,
}: {
  classId: string;
  category: AssessmentCategory;
  total: number;
}) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const save = useSaveAssessmentCategory(classId);
  const remove = useDeleteAssessmentCategory();
  const [name, setName] = useState(category.name);
  const [weight, setWeight] = useState<number | string>(category.weight);
  const errors = useGradebookFieldErrors(save.error, FIELDS);
  const dirty = name.trim() !== category.name || Number(weight) !== category.weight;
  const valid = name.trim() !== '' && weight !== '' && Number(weight) >= 0;

  return (
    <>
      <Table.Tr>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label={gt('gradebook.categories.nameOf', { name: category.name })}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={100}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={100}
            aria-label={gt('gradebook.categories.weightOf', { name: category.name })}
            value={weight}
            onChange={setWeight}
            min={0}
            max={10000}
            decimalScale={2}
            error={errors.weight}
          />
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {total > 0 ? formatPercent((category.weight / total) * 100, locale) : '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              disabled={!dirty || !valid}
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  id: category.id,
                  body: { name: name.trim(), weight: Number(weight) },
                })
              }
            >
              {gt('gradebook.actions.save')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(category.id)}
              aria-label={gt('gradebook.categories.deleteNamed', { name: category.name })}
            >
              {gt('gradebook.actions.delete')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {(remove.error || (save.error && !errors.name && !errors.weight)) && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <GradebookErrorAlert error={remove.error ?? save.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function NewCategoryForm({ classId, nextOrder }: { classId: string; nextOrder: number }) {
  const gt = useGradebookT();
  const save = useSaveAssessmentCategory(classId);
  const [name, setName] = useState('');
  const [weight, setWeight] = useState<number | string>('');
  const [missing, setMissing] = useState<{ name?: boolean; weight?: boolean }>({});
  const errors = useGradebookFieldErrors(save.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { name: name.trim() === '', weight: weight === '' || Number(weight) < 0 };
    setMissing(found);
    if (found.name || found.weight) return;
    save.mutate(
      { id: null, body: { name: name.trim(), weight: Number(weight), sortOrder: nextOrder } },
      {
        onSuccess: () => {
          setName('');
          setWeight('');
          setMissing({});
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {gt('gradebook.categories.add')}
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={gt('gradebook.categories.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={missing.name ? gt('gradebook.fieldErrors.required') : errors.name}
            maxLength={100}
            required
          />
          <NumberInput
            label={gt('gradebook.categories.weight')}
            value={weight}
            onChange={setWeight}
            min={0}
            max={10000}
            decimalScale={2}
            w={120}
            error={missing.weight ? gt('gradebook.fieldErrors.weight') : errors.weight}
            required
          />
          <Button type="submit" mt={24} loading={save.isPending}>
            {gt('gradebook.categories.addButton')}
          </Button>
        </Group>
        {save.error && !errors.name && !errors.weight && <GradebookErrorAlert error={save.error} />}
      </Stack>
    </form>
  );
}
