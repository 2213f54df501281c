import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page heading and its content; the school's name above is the page's h1. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="md">
        <Title order={2}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}
