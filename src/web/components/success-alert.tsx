import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** A confirmation that something worked; a polite live region, so it is read out once. */
export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="green" variant="light" role="status" aria-live="polite">
      {children}
    </Alert>
  );
}
