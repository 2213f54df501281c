import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { StudentGuardian } from '../../../../shared/contracts/people.js';

export const LINK_FLAGS = ['isPrimary', 'portalAccess', 'pickupAllowed', 'noContact'] as const;
export type LinkFlag = (typeof LINK_FLAGS)[number];

export const RELATIONSHIPS = [
  'mother',
  'father',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'sibling',
  'guardian',
  'other',
] as const;

export function isKnownRelationship(value: string): value is (typeof RELATIONSHIPS)[number] {
  return (RELATIONSHIPS as readonly string[]).includes(value);
}

/** A relationship the school typed in is shown as typed; the usual ones are translated. */
export function useRelationshipLabel() {
  const { t } = useTranslation();
  return (value: string) =>
    isKnownRelationship(value) ? t(`records.relationships.${value}`) : value;
}

/** The flags that are on, as badges; "no contact" stands out. */
export function GuardianLinkFlags({ link }: { link: Pick<StudentGuardian, LinkFlag> }) {
  const { t } = useTranslation();
  const on = LINK_FLAGS.filter((flag) => link[flag]);
  if (on.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {on.map((flag) => (
        <Badge
          key={flag}
          size="sm"
          variant="light"
          color={flag === 'noContact' ? 'red' : undefined}
          c="dark.8"
        >
          {t(`records.linkFlags.${flag}`)}
        </Badge>
      ))}
    </Group>
  );
}
