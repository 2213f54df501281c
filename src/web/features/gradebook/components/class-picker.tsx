import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';

import { useTerms } from '../../academics/api/terms';
import { useClasses } from '../../classes/api/list-classes';
import { useTeachingClasses } from '../api/list-teaching-classes';
import { useGradebookT } from '../use-gradebook-t';

interface ClassPickerProps {
  value: string | null;
  /** The chosen class's name, so it shows even when a search has left it out of the list. */
  selectedLabel: string | null;
  /** Whole-school readers search every class; a teacher picks among the classes she teaches. */
  wholeSchool: boolean;
  onChange: (classId: string) => void;
  /**
   * Called once with the first class a teacher teaches when none is chosen yet, so she lands
   * on a grid instead of an empty page (the page replaces the address rather than adding one).
   */
  onDefault?: (classId: string) => void;
}

export function ClassPicker(props: ClassPickerProps) {
  return props.wholeSchool ? <SchoolClassPicker {...props} /> : <TeachingClassPicker {...props} />;
}

function TeachingClassPicker({ value, onChange, onDefault }: ClassPickerProps) {
  const gt = useGradebookT();
  const classes = useTeachingClasses(true);
  const first = classes.data?.[0]?.id ?? null;
  useEffect(() => {
    if (value === null && first && onDefault) onDefault(first);
  }, [value, first, onDefault]);
  const data = (classes.data ?? []).map((c) => ({
    value: c.id,
    label: gt('gradebook.picker.option', { name: c.name, term: c.term.name }),
  }));
  return (
    <Select
      label={gt('gradebook.picker.label')}
      placeholder={
        classes.isPending ? gt('gradebook.picker.loading') : gt('gradebook.picker.placeholder')
      }
      description={
        classes.data && classes.data.length === 0 ? gt('gradebook.picker.noneTaught') : undefined
      }
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      nothingFoundMessage={gt('gradebook.picker.noMatches')}
      allowDeselect={false}
      maw={480}
    />
  );
}

function SchoolClassPicker({ value, selectedLabel, onChange }: ClassPickerProps) {
  const gt = useGradebookT();
  const [search, setSearch] = useState('');
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  // Choosing an option writes its label into the box; that is not a new search.
  const [q] = useDebouncedValue(search === chosenLabel ? '' : search, 250);
  const terms = useTerms();
  const classes = useClasses({ q: q.trim() || undefined });
  const termNames = useMemo(
    () => new Map((terms.data ?? []).map((term) => [term.id, term.name])),
    [terms.data],
  );
  const data = (classes.data?.pages.flatMap((page) => page.items) ?? []).map((c) => ({
    value: c.id,
    label: gt('gradebook.picker.option', { name: c.name, term: termNames.get(c.termId) ?? '' }),
  }));
  if (value && selectedLabel && !data.some((d) => d.value === value)) {
    data.unshift({ value, label: selectedLabel });
  }
  return (
    <Select
      label={gt('gradebook.picker.label')}
      placeholder={gt('gradebook.picker.searchPlaceholder')}
      data={data}
      value={value}
      onChange={(next, option) => {
        if (!next) return;
        setChosenLabel(option?.label ?? null);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by what was typed.
      filter={({ options }) => options}
      nothingFoundMessage={
        classes.isFetching ? gt('gradebook.picker.loading') : gt('gradebook.picker.noMatches')
      }
      allowDeselect={false}
      maw={480}
    />
  );
}
