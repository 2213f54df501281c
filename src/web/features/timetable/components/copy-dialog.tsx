import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CopyResult } from '../../../../shared/contracts/timetable.js';
import { SuccessAlert } from '../../../components/success-alert';
import { useTerms } from '../../academics/api/terms';
import { useCopyTimetable } from '../api/copy-timetable';
import { useTimetableFieldErrors } from '../timetable-errors';
import { useTimetableT } from '../use-timetable-t';

import { TimetableErrorAlert } from './timetable-error-alert';

interface CopyDialogProps {
  opened: boolean;
  /** The term on screen, offered as the one to copy from. */
  fromTermId: string;
  onClose: () => void;
}

export function CopyDialog(props: CopyDialogProps) {
  const tt = useTimetableT();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={tt('timetable.copy.title')}>
      {props.opened && <CopyForm {...props} />}
    </Modal>
  );
}

const FIELDS = ['fromTermId', 'toTermId'] as const;

function CopyForm({ fromTermId, onClose }: CopyDialogProps) {
  const { t } = useTranslation();
  const tt = useTimetableT();
  const terms = useTerms();
  const copy = useCopyTimetable();
  const serverErrors = useTimetableFieldErrors(copy.error, FIELDS);
  const options = (terms.data ?? []).map((term) => ({ value: term.id, label: term.name }));
  const [from, setFrom] = useState(fromTermId);
  const [to, setTo] = useState('');
  const [replace, setReplace] = useState(false);
  const [done, setDone] = useState<CopyResult | null>(null);
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!from || !to) {
      setMissing(true);
      return;
    }
    setDone(null);
    copy.mutate({ fromTermId: from, toTermId: to, replace }, { onSuccess: setDone });
  }

  const choose = { value: '', label: t('records.choose') };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{tt('timetable.copy.intro')}</Text>
        {done && (
          <SuccessAlert>
            {tt('timetable.copy.done', {
              entries: done.copiedEntries,
              classes: done.createdClasses,
            })}
          </SuccessAlert>
        )}
        <TimetableErrorAlert error={copy.error} />
        <NativeSelect
          label={tt('timetable.copy.from')}
          required
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data={[choose, ...options]}
          error={
            (missing && !from ? t('validation.required') : undefined) ?? serverErrors.fromTermId
          }
        />
        <NativeSelect
          label={tt('timetable.copy.to')}
          required
          data-autofocus
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data={[choose, ...options.filter((o) => o.value !== from)]}
          error={(missing && !to ? t('validation.required') : undefined) ?? serverErrors.toTermId}
        />
        <Checkbox
          label={tt('timetable.copy.replace')}
          checked={replace}
          onChange={(e) => setReplace(e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={copy.isPending} disabled={copy.isPending}>
            {tt('timetable.copy.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
