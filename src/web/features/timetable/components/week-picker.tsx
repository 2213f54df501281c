import { Group, NativeSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Term } from '../../../../shared/contracts/academics.js';
import { personName } from '../../../lib/person-name';
import { useStudentSearch } from '../../students/api/list-students';
import type { WeekSelectorKind } from '../api/get-week';
import { useTimetableT } from '../use-timetable-t';

export type PickerKind = Exclude<WeekSelectorKind, 'class'>;

export interface PickerOption {
  value: string;
  label: string;
}

interface WeekPickerProps {
  terms: Term[];
  termId: string;
  onTermChange: (termId: string) => void;
  kind: PickerKind;
  onKindChange: (kind: PickerKind) => void;
  /** The sections, teachers or rooms to choose from (students are searched instead). */
  options: Record<Exclude<PickerKind, 'student'>, PickerOption[]>;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
}

const KINDS: PickerKind[] = ['section', 'teacher', 'room', 'student'];

/** Whose week to show, for those who may see the whole school's timetable. */
export function WeekPicker(props: WeekPickerProps) {
  const tt = useTimetableT();
  const { t } = useTranslation();
  const label = tt(`timetable.filters.${props.kind}`);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <NativeSelect
        label={tt('timetable.filters.term')}
        value={props.termId}
        onChange={(e) => props.onTermChange(e.currentTarget.value)}
        data={[
          { value: '', label: tt('timetable.filters.currentTerm') },
          ...props.terms.map((term) => ({ value: term.id, label: term.name })),
        ]}
      />
      <NativeSelect
        label={tt('timetable.filters.viewBy')}
        value={props.kind}
        onChange={(e) => props.onKindChange(e.currentTarget.value as PickerKind)}
        data={KINDS.map((kind) => ({ value: kind, label: tt(`timetable.filters.${kind}`) }))}
      />
      {props.kind === 'student' ? (
        <StudentSelect label={label} value={props.value} onChange={props.onChange} />
      ) : (
        <Select
          key={props.kind}
          label={label}
          searchable
          data={props.options[props.kind]}
          value={props.value?.value ?? null}
          onChange={(_value, option) => props.onChange(option ?? null)}
          nothingFoundMessage={t('records.noMatches')}
          miw={240}
        />
      )}
    </Group>
  );
}

function StudentSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
}) {
  const tt = useTimetableT();
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const matches = useStudentSearch(debounced);
  const found = (matches.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${personName(s)} (${s.admissionNumber})`,
  }));
  // The chosen student stays an option while the search moves on.
  const data = value && !found.some((o) => o.value === value.value) ? [value, ...found] : found;
  return (
    <Select
      label={label}
      placeholder={tt('timetable.filters.searchStudent')}
      searchable
      data={data}
      // The server searches; the list shows its answer as it is.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.value ?? null}
      onChange={(_value, option) => onChange(option ?? null)}
      nothingFoundMessage={t('records.noMatches')}
      miw={260}
    />
  );
}
