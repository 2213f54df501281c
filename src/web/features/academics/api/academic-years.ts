import type {
  AcademicYear,
  CreateAcademicYearBody,
  UpdateAcademicYearBody,
} from '../../../../shared/contracts/academics.js';

import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/academic-years`, newest first. */
export const academicYearsResource = defineStructureResource<
  AcademicYear,
  CreateAcademicYearBody,
  UpdateAcademicYearBody
>('academic-years', '-startsOn');

export function useAcademicYears() {
  return useStructureList(academicYearsResource);
}
