import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolDetail } from '../../../../shared/contracts/platform.js';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { FEATURE_KEYS, LIMIT_KEYS, useChangePlan } from '../api/change-plan';
import type { FeatureKey, LimitKey } from '../api/change-plan';
import { usePlans } from '../api/list-plans';
import type { Plan } from '../api/list-plans';
import { planChange } from '../plan-change';

import { ReasonForm } from './reason-form';

type School = SchoolDetail['school'];

interface ChangePlanFormProps {
  school: School;
  onCancel: () => void;
  onDone: (message: string) => void;
}

export function ChangePlanForm(props: ChangePlanFormProps) {
  const plans = usePlans();
  if (plans.isPending) return <PageLoader />;
  if (plans.isError) return <ErrorAlert error={plans.error} />;
  return <PlanFields {...props} plans={plans.data.items} />;
}

function PlanFields({ school, plans, onCancel, onDone }: ChangePlanFormProps & { plans: Plan[] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const change = useChangePlan(school.id);
  const [planId, setPlanId] = useState(school.planId);
  const [limits, setLimits] = useState<Record<LimitKey, number | string>>(() => {
    const values = {} as Record<LimitKey, number | string>;
    for (const key of LIMIT_KEYS) values[key] = school.limitOverrides[key] ?? '';
    return values;
  });
  // What the school has now, plan and overrides together; the form sends only the difference
  // from the chosen plan, so a feature the plan already gives is not pinned as an override.
  const [features, setFeatures] = useState<Record<FeatureKey, boolean>>(() => {
    const values = {} as Record<FeatureKey, boolean>;
    for (const key of FEATURE_KEYS) values[key] = school.features[key] === true;
    return values;
  });
  const [limitErrors, setLimitErrors] = useState<Partial<Record<LimitKey, string>>>({});
  const plan = plans.find((p) => p.id === planId);
  const number = new Intl.NumberFormat(locale);

  function validate() {
    const found: Partial<Record<LimitKey, string>> = {};
    for (const key of LIMIT_KEYS) {
      const value = limits[key];
      if (value === '') continue;
      const min = key === 'rateLimitPerMinute' ? 1 : 0;
      if (!Number.isInteger(Number(value)) || Number(value) < min) {
        found[key] = t('validation.wholeNumberMin', { min });
      }
    }
    setLimitErrors(found);
    return Object.keys(found).length === 0;
  }

  return (
    <ReasonForm
      intro={<Text>{t('platform.actions.plan.intro')}</Text>}
      confirmLabel={t('platform.actions.plan.confirm')}
      pending={change.isPending}
      error={change.error}
      validate={validate}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        change.mutate(
          { ...planChange(planId, limits, features, plan?.features ?? {}), reason },
          {
            onSuccess: () =>
              onDone(
                t('platform.actions.plan.done', { name: school.name, plan: plan?.name ?? planId }),
              ),
            onError: focusFirstError,
          },
        )
      }
    >
      <NativeSelect
        label={t('platform.actions.plan.plan')}
        data-autofocus
        value={planId}
        onChange={(e) => setPlanId(e.currentTarget.value)}
        data={plans.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Fieldset legend={t('platform.actions.plan.limitsLegend')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('platform.actions.plan.limitsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {LIMIT_KEYS.map((key) => {
              const planValue = plan?.limits[key];
              return (
                <NumberInput
                  key={key}
                  label={t(`platform.limitFields.${key}`)}
                  description={
                    planValue === undefined
                      ? undefined
                      : t('platform.actions.plan.planValue', { value: number.format(planValue) })
                  }
                  min={key === 'rateLimitPerMinute' ? 1 : 0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  value={limits[key]}
                  onChange={(value) => {
                    setLimits((current) => ({ ...current, [key]: value }));
                    setLimitErrors((current) => ({ ...current, [key]: undefined }));
                  }}
                  error={limitErrors[key]}
                />
              );
            })}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('platform.actions.plan.featuresLegend')}>
        <Stack gap="sm">
          {FEATURE_KEYS.map((key) => (
            <Checkbox
              key={key}
              label={t(`platform.features.${key}`)}
              description={
                plan?.features[key]
                  ? t('platform.actions.plan.inPlan')
                  : t('platform.actions.plan.notInPlan')
              }
              checked={features[key]}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setFeatures((current) => ({ ...current, [key]: checked }));
              }}
            />
          ))}
        </Stack>
      </Fieldset>
    </ReasonForm>
  );
}
