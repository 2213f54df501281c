import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import { ACTION_REASON_MIN_LENGTH } from '../../../lib/validation';

const FIELDS = ['reason'] as const;

interface ReasonFormProps {
  intro?: ReactNode;
  /** Fields of the action itself, shown before the reason. */
  children?: ReactNode;
  confirmLabel: string;
  confirmColor?: MantineColor;
  reasonMin?: number;
  pending: boolean;
  /** The failed request, for the reason's field error. */
  error: unknown;
  /** What the alert shows; null when the caller shows the error at a field instead. */
  alertError?: unknown;
  /** Checks the action's own fields and shows their errors; false stops the submit. */
  validate?: () => boolean;
  onSubmit: (reason: string, focusFirstError: () => void) => void;
  onCancel: () => void;
}

/**
 * Every operator action on a school says why: the reason goes to the status history and the
 * platform audit log. This is the form around an action's own fields, with that reason.
 */
export function ReasonForm({
  intro,
  children,
  confirmLabel,
  confirmColor,
  reasonMin = ACTION_REASON_MIN_LENGTH,
  pending,
  error,
  alertError = error,
  validate,
  onSubmit,
  onCancel,
}: ReasonFormProps) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const serverErrors = useServerFieldErrors(error, FIELDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = form.values.reason.trim();
    const ownFieldsOk = validate ? validate() : true;
    const reasonOk = form.check(
      reason.length < reasonMin ? { reason: t('validation.reasonMin', { min: reasonMin }) } : {},
    );
    if (!ownFieldsOk || !reasonOk) {
      form.focusFirstError();
      return;
    }
    onSubmit(reason, form.focusFirstError);
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {intro}
        <ErrorAlert error={alertError} />
        {children}
        <Textarea
          label={t('platform.actions.reason')}
          description={t('platform.actions.reasonHint', { min: reasonMin })}
          required
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus={children ? undefined : true}
          value={form.values.reason}
          onChange={(e) => form.setValue('reason', e.currentTarget.value)}
          error={form.errors.reason ?? serverErrors.reason}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={confirmColor} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
