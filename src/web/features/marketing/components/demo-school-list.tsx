import { Anchor, List, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { DemoSchoolLink } from '../../../../shared/boot.js';

export function DemoSchoolList({ demoSchools }: { demoSchools: DemoSchoolLink[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="xs">
        {t('marketing.demoHeading')}
      </Title>
      <Text mb="sm">{t('marketing.demoIntro')}</Text>
      <List spacing="xs">
        {demoSchools.map((school) => (
          <List.Item key={school.slug}>
            <Anchor href={school.url} underline="always" fw={600}>
              {school.name}
            </Anchor>
            <Text span ms="xs">
              <bdi>{school.url}</bdi>
            </Text>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
