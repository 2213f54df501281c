import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { CustomRole, User } from '../../../../shared/contracts/identity.js';

const STATUS_COLORS: Record<User['status'], string> = {
  invited: 'blue',
  active: 'green',
  disabled: 'gray',
};

export function UserStatusBadge({ status }: { status: User['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" c="dark.8">
      {t(`userStatus.${status}`)}
    </Badge>
  );
}

/** Built-in roles by their translated name, then custom roles by the name the school gave. */
export function UserRoleBadges({
  user,
  customRoles,
}: {
  user: Pick<User, 'roles' | 'customRoleIds'>;
  customRoles: CustomRole[];
}) {
  const { t } = useTranslation();
  const names = new Map(customRoles.map((role) => [role.id, role.name]));
  return (
    <Group gap={4}>
      {user.roles.map((role) => (
        <Badge key={role} variant="light" size="sm" c="dark.8">
          {t(`roleNames.${role}`)}
        </Badge>
      ))}
      {user.customRoleIds.map((id) => {
        const name = names.get(id);
        return name ? (
          <Badge key={id} variant="outline" size="sm" c="dark.8">
            {name}
          </Badge>
        ) : null;
      })}
    </Group>
  );
}
