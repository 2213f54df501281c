import { Group, Image, Title } from '@mantine/core';

import type { PublicSchoolProfile } from '../../../../shared/boot.js';
import { BrandHeader } from '../../../components/brand-header';

export function SchoolHeader({ school }: { school: PublicSchoolProfile }) {
  const { logoUrl } = school.branding;
  return (
    <BrandHeader py="lg">
      <Group gap="md" wrap="nowrap">
        {logoUrl && (
          // The heading beside it already names the school, so the logo is decorative.
          <Image src={logoUrl} alt="" h={56} w={56} fit="contain" radius="sm" bg="white" p={4} />
        )}
        <Title order={1}>{school.name}</Title>
      </Group>
    </BrandHeader>
  );
}
