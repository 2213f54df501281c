import { Modal, NumberInput, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolDetail } from '../../../../shared/contracts/platform.js';
import { hasErrorCode } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { isolateLtr } from '../../../lib/format';
import { slugErrorMessage } from '../../../lib/slug-problems';
import { useServerFieldErrors } from '../../../lib/use-form';
import { SLUG_MAX_LENGTH, SLUG_MIN_LENGTH } from '../../../lib/validation';
import { useChangeSchoolStatus } from '../api/change-school-status';
import type { LifecycleAction } from '../api/change-school-status';
import { useChangeTrial } from '../api/change-trial';
import { useDeleteSchool } from '../api/delete-school';
import { useRenameSchool } from '../api/rename-school';
import { useSetMaintenance } from '../api/set-maintenance';
import { DANGEROUS_ACTIONS, isLifecycleAction } from '../school-actions';
import type { SchoolAction } from '../school-actions';
import { schoolSiteHost } from '../school-url';

import { ChangePlanForm } from './change-plan-form';
import { ImpersonateForm } from './impersonate-form';
import { ReasonForm } from './reason-form';

type School = SchoolDetail['school'];

interface SchoolActionDialogProps {
  school: School;
  action: SchoolAction | null;
  onClose: () => void;
  /** After the change: a sentence saying what happened, for the page to show. */
  onDone: (message: string) => void;
  /** After the school was deleted: its page no longer exists. */
  onDeleted: () => void;
}

/** One dialog for every action on the school page, each with its own form and a reason. */
export function SchoolActionDialog({
  school,
  action,
  onClose,
  onDone,
  onDeleted,
}: SchoolActionDialogProps) {
  const { t } = useTranslation();
  const title = action ? dialogTitle(t, action, school) : '';
  return (
    <Modal opened={action !== null} onClose={onClose} title={title} size="lg">
      {/* Mounted only while open, so every action starts from an empty form. */}
      {action && (
        <ActionForm
          school={school}
          action={action}
          onCancel={onClose}
          onDone={onDone}
          onDeleted={onDeleted}
        />
      )}
    </Modal>
  );
}

function dialogTitle(t: TFunction, action: SchoolAction, school: School): string {
  const name = school.name;
  switch (action) {
    case 'maintenance':
      return school.maintenance
        ? t('platform.maintenance.offTitle', { name })
        : t('platform.maintenance.onTitle', { name });
    case 'impersonate':
      return t('platform.impersonate.title', { name });
    default:
      return t(`platform.actions.${action}.title`, { name });
  }
}

interface ActionFormProps {
  school: School;
  action: SchoolAction;
  onCancel: () => void;
  onDone: (message: string) => void;
  onDeleted: () => void;
}

function ActionForm({ school, action, onCancel, onDone, onDeleted }: ActionFormProps) {
  if (isLifecycleAction(action)) {
    return <LifecycleForm school={school} action={action} onCancel={onCancel} onDone={onDone} />;
  }
  switch (action) {
    case 'maintenance':
      return <MaintenanceForm school={school} onCancel={onCancel} onDone={onDone} />;
    case 'extendTrial':
      return <ExtendTrialForm school={school} onCancel={onCancel} onDone={onDone} />;
    case 'endTrial':
      return <EndTrialForm school={school} onCancel={onCancel} onDone={onDone} />;
    case 'rename':
      return <RenameForm school={school} onCancel={onCancel} onDone={onDone} />;
    case 'plan':
      return <ChangePlanForm school={school} onCancel={onCancel} onDone={onDone} />;
    case 'delete':
      return <DeleteForm school={school} onCancel={onCancel} onDeleted={onDeleted} />;
    case 'impersonate':
      return <ImpersonateForm school={school} onCancel={onCancel} />;
  }
}

interface FormProps {
  school: School;
  onCancel: () => void;
  onDone: (message: string) => void;
}

function LifecycleForm({
  school,
  action,
  onCancel,
  onDone,
}: FormProps & { action: LifecycleAction }) {
  const { t } = useTranslation();
  const change = useChangeSchoolStatus(school.id);
  return (
    <ReasonForm
      intro={<Text>{t(`platform.actions.${action}.intro`)}</Text>}
      confirmLabel={t(`platform.actions.${action}.confirm`)}
      confirmColor={DANGEROUS_ACTIONS.has(action) ? 'red' : undefined}
      pending={change.isPending}
      error={change.error}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        change.mutate(
          { action, reason },
          {
            onSuccess: () => onDone(t(`platform.actions.${action}.done`, { name: school.name })),
            onError: focusFirstError,
          },
        )
      }
    />
  );
}

function MaintenanceForm({ school, onCancel, onDone }: FormProps) {
  const { t } = useTranslation();
  const maintenance = useSetMaintenance(school.id);
  const enabled = !school.maintenance;
  return (
    <ReasonForm
      intro={
        <Text>
          {enabled ? t('platform.maintenance.onIntro') : t('platform.maintenance.offIntro')}
        </Text>
      }
      confirmLabel={enabled ? t('platform.maintenance.turnOn') : t('platform.maintenance.turnOff')}
      confirmColor={enabled ? 'orange' : undefined}
      pending={maintenance.isPending}
      error={maintenance.error}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        maintenance.mutate(
          { enabled, reason },
          {
            onSuccess: () =>
              onDone(
                enabled
                  ? t('platform.maintenance.onDone', { name: school.name })
                  : t('platform.maintenance.offDone', { name: school.name }),
              ),
            onError: focusFirstError,
          },
        )
      }
    />
  );
}

const TRIAL_MAX_DAYS = 365;

function ExtendTrialForm({ school, onCancel, onDone }: FormProps) {
  const { t } = useTranslation();
  const trial = useChangeTrial(school.id);
  const [days, setDays] = useState<number | string>(14);
  const [daysError, setDaysError] = useState<string | undefined>();
  const serverErrors = useServerFieldErrors(trial.error, ['extendDays'] as const);

  function validate() {
    const value = Number(days);
    const ok = Number.isInteger(value) && value >= 1 && value <= TRIAL_MAX_DAYS;
    setDaysError(ok ? undefined : t('validation.daysRange', { min: 1, max: TRIAL_MAX_DAYS }));
    return ok;
  }

  return (
    <ReasonForm
      intro={<Text>{t('platform.actions.extendTrial.intro')}</Text>}
      confirmLabel={t('platform.actions.extendTrial.confirm')}
      pending={trial.isPending}
      error={trial.error}
      validate={validate}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        trial.mutate(
          { extendDays: Number(days), reason },
          {
            onSuccess: () => onDone(t('platform.actions.extendTrial.done', { name: school.name })),
            onError: focusFirstError,
          },
        )
      }
    >
      <NumberInput
        label={t('platform.actions.extendTrial.days')}
        min={1}
        max={TRIAL_MAX_DAYS}
        allowDecimal={false}
        allowNegative={false}
        required
        data-autofocus
        value={days}
        onChange={(value) => {
          setDays(value);
          setDaysError(undefined);
        }}
        error={daysError ?? serverErrors.extendDays}
        maw={200}
      />
    </ReasonForm>
  );
}

function EndTrialForm({ school, onCancel, onDone }: FormProps) {
  const { t } = useTranslation();
  const trial = useChangeTrial(school.id);
  return (
    <ReasonForm
      intro={<Text>{t('platform.actions.endTrial.intro')}</Text>}
      confirmLabel={t('platform.actions.endTrial.confirm')}
      confirmColor="red"
      pending={trial.isPending}
      error={trial.error}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        trial.mutate(
          { end: true, reason },
          {
            onSuccess: () => onDone(t('platform.actions.endTrial.done', { name: school.name })),
            onError: focusFirstError,
          },
        )
      }
    />
  );
}

function RenameForm({ school, onCancel, onDone }: FormProps) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const rename = useRenameSchool(school.id);
  const [slug, setSlug] = useState(school.slug);
  const [slugError, setSlugError] = useState<string | undefined>();
  const serverErrors = useServerFieldErrors(rename.error, ['slug'] as const);
  const value = slug.trim().toLowerCase();
  const site = (address: string) =>
    isolateLtr(schoolSiteHost(address, window.location.host), locale);
  const slugProblem = slugErrorMessage(t, rename.error, site(value));

  function validate() {
    let found: string | undefined;
    if (!value) found = t('validation.required');
    else if (value === school.slug) found = t('platform.actions.rename.unchanged');
    else if (value.length < SLUG_MIN_LENGTH) found = t('validation.tooShort');
    setSlugError(found);
    return found === undefined;
  }

  return (
    <ReasonForm
      intro={<Text>{t('platform.actions.rename.intro')}</Text>}
      confirmLabel={t('platform.actions.rename.confirm')}
      pending={rename.isPending}
      error={rename.error}
      alertError={slugProblem ? null : rename.error}
      validate={validate}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        rename.mutate(
          { slug: value, reason },
          {
            onSuccess: (summary) =>
              onDone(t('platform.actions.rename.done', { address: site(summary.slug) })),
            onError: focusFirstError,
          },
        )
      }
    >
      <TextInput
        label={t('platform.actions.rename.slug')}
        description={
          value
            ? t('platform.actions.rename.slugHint', { address: site(value) })
            : t('platform.newSchool.slugFormat', { min: SLUG_MIN_LENGTH })
        }
        required
        dir="ltr"
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        data-autofocus
        value={slug}
        onChange={(e) => {
          setSlug(e.currentTarget.value);
          setSlugError(undefined);
        }}
        error={slugError ?? slugProblem ?? serverErrors.slug}
      />
    </ReasonForm>
  );
}

function DeleteForm({
  school,
  onCancel,
  onDeleted,
}: {
  school: School;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const remove = useDeleteSchool(school.id);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const serverErrors = useServerFieldErrors(remove.error, ['confirmSlug'] as const);
  const mismatch = hasErrorCode(remove.error, 'VALIDATION_FAILED') && serverErrors.confirmSlug;

  function validate() {
    const ok = typed.trim() === school.slug;
    setTypedError(ok ? undefined : t('platform.actions.delete.mismatch'));
    return ok;
  }

  return (
    <ReasonForm
      intro={<Text>{t('platform.actions.delete.intro')}</Text>}
      confirmLabel={t('platform.actions.delete.confirm')}
      confirmColor="red"
      pending={remove.isPending}
      error={remove.error}
      alertError={mismatch ? null : remove.error}
      validate={validate}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        remove.mutate(
          { confirmSlug: typed.trim(), reason },
          { onSuccess: onDeleted, onError: focusFirstError },
        )
      }
    >
      <TextInput
        label={t('platform.actions.delete.typeSlug')}
        description={t('platform.actions.delete.typeSlugHint', {
          slug: isolateLtr(school.slug, locale),
        })}
        required
        dir="ltr"
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        data-autofocus
        value={typed}
        onChange={(e) => {
          setTyped(e.currentTarget.value);
          setTypedError(undefined);
        }}
        error={typedError ?? (mismatch ? t('platform.actions.delete.mismatch') : undefined)}
      />
    </ReasonForm>
  );
}
