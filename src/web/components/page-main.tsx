import { Container } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageMain({ children }: { children: ReactNode }) {
  return (
    <Container component="main" size="md" py="xl">
      {children}
    </Container>
  );
}
