import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { StaffValues } from '../staff-values';

interface StaffFieldsProps {
  values: StaffValues;
  errors: Partial<Record<keyof StaffValues, string>>;
  onChange: <K extends keyof StaffValues>(key: K, value: StaffValues[K]) => void;
  autoFocus?: boolean;
}

export function StaffFields({ values, errors, onChange, autoFocus }: StaffFieldsProps) {
  const { t } = useTranslation();
  const text = (key: Exclude<keyof StaffValues, 'isTeacher'>) => ({
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(key, e.currentTarget.value),
    error: errors[key],
    autoComplete: 'off',
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('staff.fields.employeeNumber')}
        required
        data-autofocus={autoFocus || undefined}
        {...text('employeeNumber')}
      />
      <Checkbox
        label={t('staff.fields.isTeacher')}
        checked={values.isTeacher}
        onChange={(e) => onChange('isTeacher', e.currentTarget.checked)}
        error={errors.isTeacher}
        style={{ alignSelf: 'end' }}
      />
      <TextInput label={t('staff.fields.firstName')} required {...text('firstName')} />
      <TextInput label={t('staff.fields.lastName')} required {...text('lastName')} />
      <TextInput label={t('staff.fields.email')} type="email" {...text('email')} />
      <TextInput label={t('staff.fields.phone')} type="tel" dir="ltr" {...text('phone')} />
      <TextInput label={t('staff.fields.position')} {...text('position')} />
      <TextInput label={t('staff.fields.department')} {...text('department')} />
    </SimpleGrid>
  );
}
