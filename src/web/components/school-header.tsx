import { Group, Image, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { PublicSchoolProfile } from '../../shared/boot.js';

import { BrandHeader } from './brand-header';

/** The school's own header for pages outside the signed-in app: logo, name and colour. */
export function SchoolHeader({
  school,
  actions,
}: {
  school: PublicSchoolProfile;
  actions?: ReactNode;
}) {
  const { logoUrl } = school.branding;
  return (
    <BrandHeader py="lg">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="md" wrap="nowrap">
          {logoUrl && (
            // The heading beside it already names the school, so the logo is decorative.
            <Image src={logoUrl} alt="" h={56} w={56} fit="contain" radius="sm" bg="white" p={4} />
          )}
          <Title order={1}>{school.name}</Title>
        </Group>
        {actions}
      </Group>
    </BrandHeader>
  );
}
