import type {
  CreateSubjectBody,
  Subject,
  UpdateSubjectBody,
} from '../../../../shared/contracts/academics.js';

import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/subjects`, by code. */
export const subjectsResource = defineStructureResource<
  Subject,
  CreateSubjectBody,
  UpdateSubjectBody
>('subjects', 'code');

export function useSubjects() {
  return useStructureList(subjectsResource);
}
