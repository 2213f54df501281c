import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';

import { createQueryClient } from '../lib/query-client';

import { createPlatformRouter, PLATFORM_PUBLIC_PATHS } from './platform-router';

function createPlatformClients() {
  const queryClient = createQueryClient(() => goToSignIn());
  const router = createPlatformRouter(queryClient);

  function goToSignIn() {
    const { pathname, href } = router.state.location;
    if (PLATFORM_PUBLIC_PATHS.has(pathname)) return;
    void router
      .navigate({ to: '/sign-in', search: { next: href }, replace: true })
      .then(() => queryClient.removeQueries());
  }

  return { queryClient, router };
}

export function PlatformApp() {
  const [{ queryClient, router }] = useState(createPlatformClients);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
