import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import { useAddSchoolDomain } from '../api/add-school-domain';
import { hostnameProblem } from '../hostname-problems';

const FIELDS = ['hostname'] as const;

interface AddDomainFormProps {
  full: boolean;
  onAdded: (hostname: string) => void;
}

export function AddDomainForm({ full, onAdded }: AddDomainFormProps) {
  const { t } = useTranslation();
  const add = useAddSchoolDomain();
  const form = useForm({ hostname: '' });
  const serverErrors = useServerFieldErrors(add.error, FIELDS);
  const notOnPlan = hasErrorCode(add.error, 'FEATURE_NOT_AVAILABLE');
  const problem = hostnameProblem(t, add.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const hostname = form.values.hostname.trim().replace(/\.$/, '');
    if (!form.check(hostname ? {} : { hostname: t('validation.required') })) return;
    add.mutate(
      { hostname },
      {
        onSuccess: (domain) => {
          form.setValue('hostname', '');
          onAdded(domain.hostname);
        },
        onError: form.focusFirstError,
      },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {notOnPlan ? (
          <Alert color="yellow" variant="light" role="alert" title={t('domains.notOnPlanTitle')}>
            {t('domains.notOnPlan')}
          </Alert>
        ) : (
          !problem && <ErrorAlert error={add.error} />
        )}
        {full && <Text size="sm">{t('domains.full')}</Text>}
        <TextInput
          label={t('domains.hostname')}
          description={t('domains.hostnameHint')}
          placeholder="portal.example.edu"
          dir="ltr"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          maxLength={253}
          disabled={full}
          value={form.values.hostname}
          onChange={(e) => form.setValue('hostname', e.currentTarget.value)}
          error={form.errors.hostname ?? problem ?? serverErrors.hostname}
          maw={480}
        />
        <Group>
          <Button type="submit" loading={add.isPending} disabled={add.isPending || full}>
            {t('domains.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
