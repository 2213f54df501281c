import type { Me } from '../../shared/contracts/identity.js';
import type { Permission } from '../../shared/permissions.js';

/**
 * Whether the signed-in person holds a permission, to decide which buttons a page offers. The
 * server checks again on every request, with the relationship scopes applied.
 */
export function hasPermission(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
