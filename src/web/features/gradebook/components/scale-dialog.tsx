import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';

import type { GradingScale } from '../../../../shared/contracts/gradebook.js';
import { useSaveGradingScale } from '../api/save-grading-scale';
import { useGradebookFieldErrors } from '../gradebook-errors';
import { MAX_BANDS, hasProblems, scaleProblems, toBands } from '../scale-values';
import type { BandProblem, BandRow, ScaleProblems } from '../scale-values';
import { useGradebookT } from '../use-gradebook-t';
import type { GradebookT } from '../use-gradebook-t';

import { GradebookErrorAlert } from './gradebook-error-alert';

interface ScaleDialogProps {
  opened: boolean;
  /** The scale to change; null for a new one. */
  item: GradingScale | null;
  /** Whether the school has no scale yet (a new one becomes the default by itself). */
  first: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const STARTER_BANDS: BandRow[] = [
  { label: 'A', minPercent: 90 },
  { label: 'B', minPercent: 80 },
  { label: 'C', minPercent: 70 },
  { label: 'D', minPercent: 60 },
  { label: 'F', minPercent: 0 },
];

export function ScaleDialog(props: ScaleDialogProps) {
  const gt = useGradebookT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={
        props.item
          ? gt('gradebook.scales.editTitle', { name: props.item.name })
          : gt('gradebook.scales.addTitle')
      }
    >
      {props.opened && <ScaleForm {...props} />}
    </Modal>
  );
}

function bandMessage(gt: GradebookT, problem: BandProblem | undefined): string | undefined {
  if (problem === 'required') return gt('gradebook.fieldErrors.required');
  if (problem === 'duplicate') return gt('gradebook.fieldErrors.duplicate');
  if (problem === 'range') return gt('gradebook.fieldErrors.range');
  return undefined;
}

function ScaleForm({ item, first, onClose, onSaved }: ScaleDialogProps) {
  const gt = useGradebookT();
  const save = useSaveGradingScale();
  const [name, setName] = useState(item?.name ?? '');
  const [rows, setRows] = useState<BandRow[]>(
    item ? item.bands.map((b) => ({ ...b })) : STARTER_BANDS,
  );
  const [makeDefault, setMakeDefault] = useState(false);
  const [problems, setProblems] = useState<ScaleProblems | null>(null);
  const fields = useMemo(
    () => [
      'name',
      ...rows.flatMap((_, i) => [`bands.${i}.label`, `bands.${i}.minPercent`]),
      'bands',
    ],
    [rows],
  );
  const server = useGradebookFieldErrors(save.error, fields);

  function setRow(index: number, change: Partial<BandRow>) {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = scaleProblems(name, rows);
    setProblems(found);
    if (hasProblems(found)) return;
    const body = { name: name.trim(), bands: toBands(rows) };
    save.mutate(
      {
        id: item?.id ?? null,
        body: item ? body : { ...body, ...(makeDefault ? { isDefault: true } : {}) },
      },
      { onSuccess: onSaved },
    );
  }

  const scaleProblem =
    problems?.scale === 'noZeroBand'
      ? gt('gradebook.fieldErrors.no_zero_band')
      : problems?.scale === 'tooMany'
        ? gt('gradebook.fieldErrors.tooManyBands', { max: MAX_BANDS })
        : server.bands;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <GradebookErrorAlert error={save.error} />
        <TextInput
          label={gt('gradebook.scales.name')}
          required
          data-autofocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problems?.name ? gt('gradebook.fieldErrors.required') : server.name}
        />
        <Text size="sm">{gt('gradebook.scales.bandsHelp')}</Text>
        <Stack gap="xs" role="group" aria-label={gt('gradebook.scales.bands')}>
          {rows.map((row, index) => {
            const own = problems?.bands[index];
            const number = index + 1;
            return (
              <Group key={index} gap="sm" align="flex-start" wrap="nowrap">
                <TextInput
                  label={gt('gradebook.scales.bandLabel', { number })}
                  value={row.label}
                  maxLength={20}
                  w={140}
                  onChange={(e) => setRow(index, { label: e.currentTarget.value })}
                  error={bandMessage(gt, own?.label) ?? server[`bands.${index}.label`]}
                />
                <NumberInput
                  label={gt('gradebook.scales.bandMin', { number })}
                  value={row.minPercent}
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix="%"
                  w={140}
                  onChange={(value) => setRow(index, { minPercent: value })}
                  error={bandMessage(gt, own?.minPercent) ?? server[`bands.${index}.minPercent`]}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  disabled={rows.length === 1}
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  aria-label={gt('gradebook.scales.removeBand', { number })}
                >
                  {gt('gradebook.actions.remove')}
                </Button>
              </Group>
            );
          })}
        </Stack>
        {scaleProblem && (
          <Alert color="red" variant="light" role="alert">
            {scaleProblem}
          </Alert>
        )}
        <Group>
          <Button
            variant="light"
            disabled={rows.length >= MAX_BANDS}
            onClick={() => setRows((current) => [...current, { label: '', minPercent: '' }])}
          >
            {gt('gradebook.scales.addBand')}
          </Button>
        </Group>
        {!item && !first && (
          <Checkbox
            label={gt('gradebook.scales.makeDefaultField')}
            checked={makeDefault}
            onChange={(e) => setMakeDefault(e.currentTarget.checked)}
          />
        )}
        {!item && first && <Text size="sm">{gt('gradebook.scales.firstIsDefault')}</Text>}
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
