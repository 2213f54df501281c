import { Box, Container } from '@mantine/core';
import type { MantineSize, MantineSpacing, StyleProp } from '@mantine/core';
import type { ReactNode } from 'react';

interface BrandHeaderProps {
  py?: StyleProp<MantineSpacing>;
  /** The width of the content, to line up with the page's own container. */
  size?: MantineSize;
  children: ReactNode;
}

export function BrandHeader({ py = 'md', size = 'md', children }: BrandHeaderProps) {
  return (
    <Box
      component="header"
      bg="var(--mantine-primary-color-filled)"
      c="var(--mantine-primary-color-contrast)"
    >
      <Container size={size} py={py}>
        {children}
      </Container>
    </Box>
  );
}
