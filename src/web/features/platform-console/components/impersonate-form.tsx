import { Button, Group, NumberInput, Stack, Switch, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import { IMPERSONATION_MAX_MINUTES, REASON_MIN_LENGTH } from '../../../lib/validation';
import { useStartImpersonation } from '../api/start-impersonation';
import { impersonationTarget } from '../impersonation-url';

const FIELDS = ['reason', 'readOnly', 'minutes'] as const;

interface ImpersonateValues {
  reason: string;
  readOnly: boolean;
  minutes: number | string;
}

/** The operator's reason and terms for opening a school as one of its admins. */
export function ImpersonateForm({
  school,
  onCancel,
}: {
  school: { id: string };
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartImpersonation();
  const form = useForm<ImpersonateValues>({ reason: '', readOnly: true, minutes: 30 });
  const serverErrors = useServerFieldErrors(start.error, FIELDS);
  const badUrl = start.isSuccess && impersonationTarget(start.data.url) === null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = form.values.reason.trim();
    const minutes = Number(form.values.minutes);
    const found: FieldErrors<ImpersonateValues> = {};
    if (reason.length < REASON_MIN_LENGTH) {
      found.reason = t('validation.reasonMin', { min: REASON_MIN_LENGTH });
    }
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > IMPERSONATION_MAX_MINUTES) {
      found.minutes = t('validation.minutesRange', { min: 1, max: IMPERSONATION_MAX_MINUTES });
    }
    if (!form.check(found)) return;
    start.mutate(
      { schoolId: school.id, body: { reason, readOnly: form.values.readOnly, minutes } },
      {
        onSuccess: ({ url }) => {
          const target = impersonationTarget(url);
          if (target) window.location.assign(target);
        },
        onError: form.focusFirstError,
      },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('platform.impersonate.intro')}</Text>
        <ErrorAlert error={start.error} />
        {badUrl && <ErrorAlert error={true} message={t('platform.impersonate.badUrl')} />}
        <Textarea
          label={t('platform.impersonate.reason')}
          description={t('platform.impersonate.reasonHint', { min: REASON_MIN_LENGTH })}
          required
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus
          value={form.values.reason}
          onChange={(e) => form.setValue('reason', e.currentTarget.value)}
          error={form.errors.reason ?? serverErrors.reason}
        />
        <Switch
          label={t('platform.impersonate.readOnly')}
          description={t('platform.impersonate.readOnlyHint')}
          checked={form.values.readOnly}
          onChange={(e) => form.setValue('readOnly', e.currentTarget.checked)}
          error={serverErrors.readOnly}
        />
        <NumberInput
          label={t('platform.impersonate.minutes')}
          description={t('platform.impersonate.minutesHint', { max: IMPERSONATION_MAX_MINUTES })}
          min={1}
          max={IMPERSONATION_MAX_MINUTES}
          step={5}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={form.values.minutes}
          onChange={(value) => form.setValue('minutes', value)}
          error={form.errors.minutes ?? serverErrors.minutes}
          maw={200}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={start.isPending} disabled={start.isPending}>
            {t('platform.impersonate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
