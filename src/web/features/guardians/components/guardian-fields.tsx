import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { GuardianValues } from '../guardian-values';

interface GuardianFieldsProps {
  values: GuardianValues;
  errors: Partial<Record<keyof GuardianValues, string>>;
  onChange: <K extends keyof GuardianValues>(key: K, value: GuardianValues[K]) => void;
  autoFocus?: boolean;
}

export function GuardianFields({ values, errors, onChange, autoFocus }: GuardianFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('guardians.fields.firstName')}
        required
        autoComplete="off"
        data-autofocus={autoFocus || undefined}
        value={values.firstName}
        onChange={(e) => onChange('firstName', e.currentTarget.value)}
        error={errors.firstName}
      />
      <TextInput
        label={t('guardians.fields.lastName')}
        required
        autoComplete="off"
        value={values.lastName}
        onChange={(e) => onChange('lastName', e.currentTarget.value)}
        error={errors.lastName}
      />
      <TextInput
        label={t('guardians.fields.email')}
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={(e) => onChange('email', e.currentTarget.value)}
        error={errors.email}
      />
      <TextInput
        label={t('guardians.fields.phone')}
        type="tel"
        autoComplete="off"
        dir="ltr"
        value={values.phone}
        onChange={(e) => onChange('phone', e.currentTarget.value)}
        error={errors.phone}
      />
      <Textarea
        label={t('guardians.fields.address')}
        autosize
        minRows={2}
        maxLength={500}
        value={values.address}
        onChange={(e) => onChange('address', e.currentTarget.value)}
        error={errors.address}
        style={{ gridColumn: '1 / -1' }}
      />
    </SimpleGrid>
  );
}
