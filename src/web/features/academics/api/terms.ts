import type {
  CreateTermBody,
  Term,
  UpdateTermBody,
} from '../../../../shared/contracts/academics.js';

import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/terms`, in calendar order. */
export const termsResource = defineStructureResource<Term, CreateTermBody, UpdateTermBody>(
  'terms',
  'startsOn',
);

export function useTerms() {
  return useStructureList(termsResource);
}
