import { Box, Container } from '@mantine/core';
import type { MantineSpacing, StyleProp } from '@mantine/core';
import type { ReactNode } from 'react';

interface BrandHeaderProps {
  py?: StyleProp<MantineSpacing>;
  children: ReactNode;
}

export function BrandHeader({ py = 'md', children }: BrandHeaderProps) {
  return (
    <Box
      component="header"
      bg="var(--mantine-primary-color-filled)"
      c="var(--mantine-primary-color-contrast)"
    >
      <Container size="md" py={py}>
        {children}
      </Container>
    </Box>
  );
}
