import type { IncomingMessage } from 'node:http';
import {
  classifyHost,
  type HostClass,
  type HostConfig,
} from '../../../shared/host-classification.js';
import type { HostKind } from './fastify-types.js';

// The same path can mean different things on different hosts (POST /api/auth/sign-in signs
// in to a school on its host and an operator on the platform host). Routes are therefore
// constrained by the kind of host, derived once per request while routing.

export type HostGroup = 'school' | 'platform' | 'marketing' | 'other';

const CLASS = Symbol('hostClass');
type Tagged = IncomingMessage & { [CLASS]?: HostClass };

export function groupOf(kind: HostKind): HostGroup {
  if (kind === 'tenant' || kind === 'custom') return 'school';
  if (kind === 'platform' || kind === 'marketing') return kind;
  return 'other';
}

/** The route's single host group, when all its host kinds fall into one. */
export function groupForKinds(kinds: readonly HostKind[] | undefined): HostGroup | null {
  if (!kinds || kinds.length === 0) return null;
  const groups = new Set(kinds.map(groupOf));
  return groups.size === 1 ? ([...groups][0] ?? null) : null;
}

/** Classification computed while routing, reused by the tenancy hook. */
export function classificationOf(raw: IncomingMessage): HostClass | undefined {
  return (raw as Tagged)[CLASS];
}

export function hostConstraint(
  hosts: HostConfig,
  hostOf: (req: IncomingMessage) => string | undefined,
) {
  return {
    name: 'hostGroup',
    storage() {
      const handlers = new Map<HostGroup, unknown>();
      return {
        get: (group: HostGroup) => handlers.get(group) ?? null,
        set: (group: HostGroup, store: unknown) => {
          handlers.set(group, store);
        },
      };
    },
    deriveConstraint(req: IncomingMessage) {
      const hostClass = classifyHost(hostOf(req), hosts);
      (req as Tagged)[CLASS] = hostClass;
      return groupOf(hostClass.kind);
    },
    mustMatchWhenDerived: false,
    validate(value: unknown) {
      if (!['school', 'platform', 'marketing', 'other'].includes(String(value))) {
        throw new Error(`unknown host group ${String(value)}`);
      }
    },
  };
}
