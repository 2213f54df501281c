import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { ErrorAlert } from '../../../components/error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { isolateLtr } from '../../../lib/format';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../lib/locale';
import { slugErrorMessage } from '../../../lib/slug-problems';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import {
  looksLikeEmail,
  SCHOOL_NAME_MIN_LENGTH,
  SLUG_MAX_LENGTH,
  SLUG_MIN_LENGTH,
} from '../../../lib/validation';
import { useCreateSchool } from '../api/create-school';
import type { Plan } from '../api/list-plans';
import { schoolSiteHost } from '../school-url';

interface CreateSchoolDialogProps {
  opened: boolean;
  plans: Plan[];
  onClose: () => void;
  onCreated: (school: SchoolAdminSummary) => void;
}

export function CreateSchoolDialog({ opened, plans, onClose, onCreated }: CreateSchoolDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('platform.newSchool.title')} size="lg">
      {opened && <CreateSchoolForm plans={plans} onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

const FIELDS = [
  'name',
  'slug',
  'adminName',
  'adminEmail',
  'planId',
  'trialDays',
  'locale',
] as const;
const TRIAL_MAX_DAYS = 365;

interface CreateValues {
  name: string;
  slug: string;
  adminName: string;
  adminEmail: string;
  planId: string;
  trialDays: number | string;
  locale: string;
}

function CreateSchoolForm({
  plans,
  onCancel,
  onCreated,
}: {
  plans: Plan[];
  onCancel: () => void;
  onCreated: (school: SchoolAdminSummary) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const create = useCreateSchool();
  const form = useForm<CreateValues>({
    name: '',
    slug: '',
    adminName: '',
    adminEmail: '',
    planId: plans.find((plan) => plan.isDefault)?.id ?? plans[0]?.id ?? '',
    trialDays: '',
    locale: 'en',
  });
  const serverErrors = useServerFieldErrors(create.error, FIELDS);
  const slug = form.values.slug.trim().toLowerCase();
  const address = isolateLtr(schoolSiteHost(slug, window.location.host), locale);
  const slugProblem = slugErrorMessage(t, create.error, address);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = form.values;
    const name = values.name.trim();
    const found: FieldErrors<CreateValues> = {};
    if (!name) found.name = t('validation.required');
    else if (name.length < SCHOOL_NAME_MIN_LENGTH) found.name = t('validation.tooShort');
    if (!slug) found.slug = t('validation.required');
    else if (slug.length < SLUG_MIN_LENGTH) found.slug = t('validation.tooShort');
    if (!values.adminName.trim()) found.adminName = t('validation.required');
    if (!values.adminEmail.trim()) found.adminEmail = t('validation.required');
    else if (!looksLikeEmail(values.adminEmail)) found.adminEmail = t('validation.email');
    const trialDays = values.trialDays === '' ? undefined : Number(values.trialDays);
    if (
      trialDays !== undefined &&
      (!Number.isInteger(trialDays) || trialDays < 1 || trialDays > TRIAL_MAX_DAYS)
    ) {
      found.trialDays = t('validation.daysRange', { min: 1, max: TRIAL_MAX_DAYS });
    }
    if (!form.check(found)) return;
    create.mutate(
      {
        name,
        slug,
        adminName: values.adminName.trim(),
        adminEmail: values.adminEmail.trim(),
        ...(values.planId ? { planId: values.planId } : {}),
        ...(trialDays !== undefined ? { trialDays } : {}),
        ...(isLocale(values.locale) ? { locale: values.locale } : {}),
      },
      { onSuccess: onCreated, onError: form.focusFirstError },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('platform.newSchool.intro')}</Text>
        {!slugProblem && <ErrorAlert error={create.error} />}
        <TextInput
          label={t('platform.newSchool.name')}
          required
          maxLength={120}
          data-autofocus
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name ?? serverErrors.name}
        />
        <TextInput
          label={t('platform.newSchool.slug')}
          description={
            slug
              ? t('platform.newSchool.slugHint', { address })
              : t('platform.newSchool.slugFormat', { min: SLUG_MIN_LENGTH })
          }
          required
          dir="ltr"
          maxLength={SLUG_MAX_LENGTH}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={form.values.slug}
          onChange={(e) => form.setValue('slug', e.currentTarget.value)}
          error={form.errors.slug ?? slugProblem ?? serverErrors.slug}
        />
        <TextInput
          label={t('platform.newSchool.adminName')}
          required
          maxLength={200}
          autoComplete="off"
          value={form.values.adminName}
          onChange={(e) => form.setValue('adminName', e.currentTarget.value)}
          error={form.errors.adminName ?? serverErrors.adminName}
        />
        <TextInput
          label={t('platform.newSchool.adminEmail')}
          description={t('platform.newSchool.adminEmailHint')}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={form.values.adminEmail}
          onChange={(e) => form.setValue('adminEmail', e.currentTarget.value)}
          error={form.errors.adminEmail ?? serverErrors.adminEmail}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('platform.newSchool.plan')}
            value={form.values.planId}
            onChange={(e) => form.setValue('planId', e.currentTarget.value)}
            data={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
            error={serverErrors.planId}
          />
          <NativeSelect
            label={t('language.label')}
            value={form.values.locale}
            onChange={(e) => form.setValue('locale', e.currentTarget.value)}
            data={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
            error={serverErrors.locale}
          />
        </Group>
        <NumberInput
          label={t('platform.newSchool.trialDays')}
          description={t('platform.newSchool.trialDaysHint')}
          min={1}
          max={TRIAL_MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          value={form.values.trialDays}
          onChange={(value) => form.setValue('trialDays', value)}
          error={form.errors.trialDays ?? serverErrors.trialDays}
          maw={240}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('platform.newSchool.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
