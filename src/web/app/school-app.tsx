import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';

import type { PublicSchoolProfile } from '../../shared/boot.js';
import { createQueryClient } from '../lib/query-client';
import { SchoolContext } from '../lib/school-context';

import { createSchoolRouter, PUBLIC_PATHS } from './school-router';

function createSchoolClients() {
  const queryClient = createQueryClient(() => goToSignIn());
  const router = createSchoolRouter(queryClient);

  // The session ended under an open page (it expired, or was revoked elsewhere): go to
  // sign-in, and come back here afterwards.
  function goToSignIn() {
    const { pathname, href } = router.state.location;
    if (PUBLIC_PATHS.has(pathname)) return;
    void router
      .navigate({ to: '/sign-in', search: { next: href }, replace: true })
      .then(() => queryClient.removeQueries());
  }

  return { queryClient, router };
}

export function SchoolApp({ school }: { school: PublicSchoolProfile }) {
  const [{ queryClient, router }] = useState(createSchoolClients);
  return (
    <SchoolContext value={school}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </SchoolContext>
  );
}
