import { Checkbox, Group, MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { CustomRole } from '../../../../shared/contracts/identity.js';
import { BUILT_IN_ROLES } from '../../../../shared/permissions.js';
import type { BuiltInRole } from '../../../../shared/permissions.js';

interface RoleFieldsProps {
  roles: BuiltInRole[];
  customRoleIds: string[];
  customRoles: CustomRole[];
  onRolesChange: (roles: BuiltInRole[]) => void;
  onCustomRoleIdsChange: (ids: string[]) => void;
  rolesError?: string;
  customRolesError?: string;
}

/** Built-in roles as checkboxes, custom roles (when the school has any) as a multi-select. */
export function RoleFields(props: RoleFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox.Group
        label={t('users.inviteDialog.roles')}
        value={props.roles}
        onChange={(values) =>
          props.onRolesChange(BUILT_IN_ROLES.filter((role) => values.includes(role)))
        }
        error={props.rolesError}
      >
        <Group gap="md" mt="xs">
          {BUILT_IN_ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`roleNames.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {props.customRoles.length > 0 && (
        <MultiSelect
          label={t('users.inviteDialog.customRoles')}
          placeholder={t('users.inviteDialog.customRolesPlaceholder')}
          data={props.customRoles.map((role) => ({ value: role.id, label: role.name }))}
          value={props.customRoleIds}
          onChange={props.onCustomRoleIdsChange}
          error={props.customRolesError}
          searchable
          clearable
        />
      )}
    </>
  );
}
