import type {
  CreateGradeLevelBody,
  GradeLevel,
  UpdateGradeLevelBody,
} from '../../../../shared/contracts/academics.js';

import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/grade-levels`, in the school's own order. */
export const gradeLevelsResource = defineStructureResource<
  GradeLevel,
  CreateGradeLevelBody,
  UpdateGradeLevelBody
>('grade-levels', 'sortOrder');

export function useGradeLevels() {
  return useStructureList(gradeLevelsResource);
}
