import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';

import { useAppLocale } from '../../lib/app-locale';
import { useSchool } from '../../lib/school-context';

import type { SignInNotice } from '../../lib/sign-in-search';

/**
 * After signing out or ending an operator session: leave the signed-in pages first, then
 * forget everything cached for that session, and go back to the school's language.
 */
export function useLeaveSession() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setLocale } = useAppLocale();
  const school = useSchool();
  return useCallback(
    async (notice: SignInNotice) => {
      await navigate({ to: '/sign-in', search: { notice }, replace: true });
      queryClient.removeQueries();
      setLocale(school.locale);
    },
    [navigate, queryClient, setLocale, school.locale],
  );
}
