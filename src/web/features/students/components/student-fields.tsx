import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { SectionOption } from '../../academics/api/sections';
import { GENDERS, isGender } from '../student-status';
import type { StudentValues } from '../student-values';

interface StudentFieldsProps {
  values: StudentValues;
  errors: Partial<Record<keyof StudentValues, string>>;
  sections: SectionOption[];
  onChange: <K extends keyof StudentValues>(key: K, value: StudentValues[K]) => void;
  autoFocus?: boolean;
}

export function StudentFields({
  values,
  errors,
  sections,
  onChange,
  autoFocus,
}: StudentFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('students.fields.admissionNumber')}
        required
        autoComplete="off"
        data-autofocus={autoFocus || undefined}
        value={values.admissionNumber}
        onChange={(e) => onChange('admissionNumber', e.currentTarget.value)}
        error={errors.admissionNumber}
      />
      <NativeSelect
        label={t('students.fields.section')}
        value={values.sectionId}
        onChange={(e) => onChange('sectionId', e.currentTarget.value)}
        error={errors.sectionId}
        data={[
          { value: '', label: t('students.noSection') },
          ...sections.map((option) => ({ value: option.section.id, label: option.label })),
        ]}
      />
      <TextInput
        label={t('students.fields.firstName')}
        required
        autoComplete="off"
        value={values.firstName}
        onChange={(e) => onChange('firstName', e.currentTarget.value)}
        error={errors.firstName}
      />
      <TextInput
        label={t('students.fields.lastName')}
        required
        autoComplete="off"
        value={values.lastName}
        onChange={(e) => onChange('lastName', e.currentTarget.value)}
        error={errors.lastName}
      />
      <TextInput
        label={t('students.fields.dateOfBirth')}
        type="date"
        value={values.dateOfBirth}
        onChange={(e) => onChange('dateOfBirth', e.currentTarget.value)}
        error={errors.dateOfBirth}
      />
      <NativeSelect
        label={t('students.fields.gender')}
        value={values.gender}
        onChange={(e) => {
          const gender = e.currentTarget.value;
          if (isGender(gender)) onChange('gender', gender);
        }}
        error={errors.gender}
        data={GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }))}
      />
      <TextInput
        label={t('students.fields.enrolledOn')}
        type="date"
        value={values.enrolledOn}
        onChange={(e) => onChange('enrolledOn', e.currentTarget.value)}
        error={errors.enrolledOn}
      />
    </SimpleGrid>
  );
}
