import { Container } from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

import { useSchool } from '../lib/school-context';

import { LanguageSwitch } from './language-switch';
import { SchoolHeader } from './school-header';
import { SkipLink } from './skip-link';

/** The school's header around pages outside the signed-in layout: sign-in, 404, errors. */
export function SchoolFrame({
  size = 'md',
  children,
}: {
  size?: MantineSize;
  children: ReactNode;
}) {
  const school = useSchool();
  return (
    <>
      <SkipLink />
      <SchoolHeader school={school} actions={<LanguageSwitch />} />
      <Container component="main" id="main" tabIndex={-1} size={size} py="xl">
        {children}
      </Container>
    </>
  );
}
