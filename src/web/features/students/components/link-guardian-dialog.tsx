import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Guardian, StudentGuardian } from '../../../../shared/contracts/people.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { personName } from '../../../lib/person-name';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useGuardianSearch } from '../../guardians/api/list-guardians';
import { useLinkStudentGuardian } from '../api/link-student-guardian';

import {
  isKnownRelationship,
  LINK_FLAGS,
  RELATIONSHIPS,
  useRelationshipLabel,
} from './guardian-link-flags';
import type { LinkFlag } from './guardian-link-flags';

interface LinkGuardianDialogProps {
  studentId: string;
  /** The link to change; null to link a new guardian. */
  link: StudentGuardian | null;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function LinkGuardianDialog(props: LinkGuardianDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.link
          ? t('students.guardians.editTitle', { name: personName(props.link.guardian) })
          : t('students.guardians.linkTitle')
      }
      size="lg"
    >
      {props.opened && <LinkGuardianForm {...props} />}
    </Modal>
  );
}

const FIELDS = ['guardianId', 'relationship', ...LINK_FLAGS] as const;

function guardianLabel(guardian: Guardian): string {
  const contact = guardian.email ?? guardian.phone;
  return contact ? `${personName(guardian)} · ${contact}` : personName(guardian);
}

function LinkGuardianForm({ studentId, link, onClose, onSaved }: LinkGuardianDialogProps) {
  const { t } = useTranslation();
  const relationshipLabel = useRelationshipLabel();
  const save = useLinkStudentGuardian(studentId);
  const serverErrors = useRecordFieldErrors(save.error, FIELDS);
  const [guardianId, setGuardianId] = useState<string | null>(link?.guardianId ?? null);
  const [picked, setPicked] = useState<Guardian | null>(link?.guardian ?? null);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const matches = useGuardianSearch(debouncedSearch);
  const [relationship, setRelationship] = useState(link?.relationship ?? 'guardian');
  const [flags, setFlags] = useState<Record<LinkFlag, boolean>>({
    isPrimary: link?.isPrimary ?? false,
    portalAccess: link?.portalAccess ?? true,
    pickupAllowed: link?.pickupAllowed ?? true,
    noContact: link?.noContact ?? false,
  });
  const [missingGuardian, setMissingGuardian] = useState(false);

  // The picked guardian stays an option while other searches show other people.
  const found = matches.data?.items ?? [];
  const options = picked && !found.some((g) => g.id === picked.id) ? [picked, ...found] : found;
  // A relationship typed in elsewhere (an import, say) stays selectable as it is.
  const relationshipOptions: string[] = isKnownRelationship(relationship)
    ? [...RELATIONSHIPS]
    : [relationship, ...RELATIONSHIPS];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!guardianId) {
      setMissingGuardian(true);
      return;
    }
    save.mutate({ guardianId, body: { relationship, ...flags } }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={save.error} />
        {link ? (
          <Text>{guardianLabel(link.guardian)}</Text>
        ) : (
          <Select
            label={t('students.guardians.guardian')}
            description={t('students.guardians.guardianHint')}
            required
            searchable
            data-autofocus
            data={options.map((g) => ({ value: g.id, label: guardianLabel(g) }))}
            // The server searches; the list shows its answer as it is.
            filter={({ options: all }) => all}
            searchValue={search}
            onSearchChange={setSearch}
            value={guardianId}
            onChange={(value) => {
              setGuardianId(value);
              setPicked(options.find((g) => g.id === value) ?? null);
              setMissingGuardian(false);
            }}
            nothingFoundMessage={t('students.guardians.noMatches')}
            error={
              missingGuardian ? t('validation.required') : (serverErrors.guardianId ?? undefined)
            }
          />
        )}
        <NativeSelect
          label={t('students.guardians.relationship')}
          value={relationship}
          onChange={(e) => setRelationship(e.currentTarget.value)}
          error={serverErrors.relationship}
          data={relationshipOptions.map((value) => ({ value, label: relationshipLabel(value) }))}
        />
        <Fieldset legend={t('students.guardians.flags')} variant="unstyled">
          <Stack gap="xs" mt="xs">
            {LINK_FLAGS.map((flag) => (
              <Checkbox
                key={flag}
                label={t(`records.linkFlags.${flag}`)}
                description={t(`records.linkFlagHints.${flag}`)}
                checked={flags[flag]}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setFlags((current) => ({ ...current, [flag]: checked }));
                }}
              />
            ))}
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>
            {link ? t('records.saveChanges') : t('students.guardians.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
