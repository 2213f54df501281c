import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Roles } from '../../../../shared/contracts/identity.js';
import { isBuiltInRole } from '../../../../shared/permissions.js';
import {
  groupPermissions,
  PERMISSION_LABELS,
  RESOURCE_LABELS,
  SCOPE_LABELS,
} from '../permission-labels';

function isKnownScope(scope: string): scope is keyof typeof SCOPE_LABELS {
  return Object.hasOwn(SCOPE_LABELS, scope);
}

/** Read-only: each permission down the side, each built-in role across, the scope in between. */
export function BuiltInRolesMatrix({ builtIn }: { builtIn: Roles['builtIn'] }) {
  const { t } = useTranslation();
  const roles = builtIn.filter((role) => isBuiltInRole(role.key));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('rolesPage.matrixCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rolesPage.permission')}</Table.Th>
            {roles.map((role) => (
              <Table.Th key={role.key} scope="col">
                {t(`roleNames.${role.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {groupPermissions().map((group) => (
          <Table.Tbody key={group.resource}>
            <Table.Tr bg="var(--mantine-color-gray-0)">
              <Table.Th scope="rowgroup" colSpan={roles.length + 1}>
                {t(RESOURCE_LABELS[group.resource])}
              </Table.Th>
            </Table.Tr>
            {group.permissions.map((permission) => (
              <Table.Tr key={permission}>
                <Table.Th scope="row" fw={400}>
                  {t(PERMISSION_LABELS[permission])}
                </Table.Th>
                {roles.map((role) => {
                  const scope = role.permissions[permission];
                  return (
                    <Table.Td key={role.key}>
                      {scope === undefined ? (
                        <>
                          <span aria-hidden="true">—</span>
                          <VisuallyHidden>{t('common.notGranted')}</VisuallyHidden>
                        </>
                      ) : isKnownScope(scope) ? (
                        t(SCOPE_LABELS[scope])
                      ) : (
                        scope
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
