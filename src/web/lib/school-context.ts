import { createContext, useContext } from 'react';

import type { PublicSchoolProfile } from '../../shared/boot.js';

export const SchoolContext = createContext<PublicSchoolProfile | null>(null);

/** The school of this host, from the boot data. Only used inside the school app. */
export function useSchool(): PublicSchoolProfile {
  const school = useContext(SchoolContext);
  if (!school) throw new Error('useSchool is used outside the school app');
  return school;
}
