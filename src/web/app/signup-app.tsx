import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

import { SignupPage } from '../features/signup/routes/signup-page';
import { createQueryClient } from '../lib/query-client';

/** The sign-up page has no session to lose, so a 401 needs no handling. */
export function SignupApp() {
  const [queryClient] = useState(() => createQueryClient(() => undefined));
  return (
    <QueryClientProvider client={queryClient}>
      <SignupPage />
    </QueryClientProvider>
  );
}
