import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Period, UpdatePeriodBody } from '../../../../shared/contracts/timetable.js';
import { useAppLocale } from '../../../lib/app-locale';
import { useCreatePeriod } from '../api/create-period';
import { useUpdatePeriod } from '../api/update-period';
import { useTimetableFieldErrors } from '../timetable-errors';
import { useTimetableT } from '../use-timetable-t';
import { weekdayName } from '../week-grid';

import { TimetableErrorAlert } from './timetable-error-alert';

interface PeriodDialogProps {
  opened: boolean;
  /** The period to change; null for a new one. */
  item: Period | null;
  onClose: () => void;
  onSaved: (saved: Period) => void;
}

export function PeriodDialog(props: PeriodDialogProps) {
  const tt = useTimetableT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.item
          ? tt('timetable.periods.editTitle', { name: props.item.name })
          : tt('timetable.periods.addTitle')
      }
    >
      {props.opened && <PeriodForm {...props} />}
    </Modal>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const FIELDS = ['name', 'startsAt', 'endsAt', 'days', 'sortOrder'] as const;
type Field = (typeof FIELDS)[number];

function PeriodForm({ item, onClose, onSaved }: PeriodDialogProps) {
  const { t } = useTranslation();
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const create = useCreatePeriod();
  const update = useUpdatePeriod();
  const save = item ? update : create;
  const serverErrors = useTimetableFieldErrors(save.error, FIELDS);
  const [name, setName] = useState(item?.name ?? '');
  const [startsAt, setStartsAt] = useState(item?.startsAt ?? '');
  const [endsAt, setEndsAt] = useState(item?.endsAt ?? '');
  const [days, setDays] = useState<string[]>((item?.days ?? [1, 2, 3, 4, 5]).map(String));
  const [sortOrder, setSortOrder] = useState<number | string>(item?.sortOrder ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  function check(): boolean {
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!startsAt) found.startsAt = t('validation.required');
    if (!endsAt) found.endsAt = t('validation.required');
    else if (startsAt && endsAt <= startsAt)
      found.endsAt = tt('timetable.fieldErrors.before_start');
    if (days.length === 0) found.days = tt('timetable.periods.daysRequired');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check()) return;
    const values = {
      name: name.trim(),
      startsAt,
      endsAt,
      days: days.map(Number).sort((a, b) => a - b),
      ...(typeof sortOrder === 'number' ? { sortOrder } : {}),
    };
    if (!item) {
      create.mutate(values, { onSuccess: onSaved });
      return;
    }
    const body: UpdatePeriodBody = {};
    if (values.name !== item.name) body.name = values.name;
    if (values.startsAt !== item.startsAt) body.startsAt = values.startsAt;
    if (values.endsAt !== item.endsAt) body.endsAt = values.endsAt;
    if (values.days.join() !== item.days.join()) body.days = values.days;
    if (values.sortOrder !== undefined && values.sortOrder !== item.sortOrder) {
      body.sortOrder = values.sortOrder;
    }
    if (Object.keys(body).length === 0) onSaved(item);
    else update.mutate({ id: item.id, body }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TimetableErrorAlert error={save.error} />
        <TextInput
          label={tt('timetable.periods.name')}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name ?? serverErrors.name}
        />
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            type="time"
            label={tt('timetable.periods.startsAt')}
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt ?? serverErrors.startsAt}
          />
          <TextInput
            type="time"
            label={tt('timetable.periods.endsAt')}
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={errors.endsAt ?? serverErrors.endsAt}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={tt('timetable.periods.days')}
          required
          value={days}
          onChange={setDays}
          error={errors.days ?? serverErrors.days}
        >
          <Group gap="md" mt="xs">
            {WEEKDAYS.map((day) => (
              <Checkbox key={day} value={String(day)} label={weekdayName(day, locale)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput
          label={tt('timetable.periods.sortOrder')}
          description={tt('timetable.periods.sortOrderHint')}
          allowDecimal={false}
          value={sortOrder}
          onChange={setSortOrder}
          error={serverErrors.sortOrder}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>
            {tt('timetable.periods.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
