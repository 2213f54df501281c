import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { DemoSchoolLink } from '../../../../shared/boot.js';
import { BrandHeader } from '../../../components/brand-header';
import { PageMain } from '../../../components/page-main';
import { followInPage } from '../../../lib/location-path';
import { SIGNUP_PATH } from '../paths';

import { DemoSchoolList } from './demo-school-list';

const FEATURE_KEYS = [
  'marketing.features.administrators',
  'marketing.features.teachers',
  'marketing.features.families',
  'marketing.features.schools',
] as const;

export function MarketingPage({ demoSchools }: { demoSchools: DemoSchoolLink[] }) {
  const { t } = useTranslation();
  const featuresHeadingId = useId();
  return (
    <>
      <BrandHeader py={56}>
        <Stack gap="sm" align="flex-start">
          <Title order={1}>{t('product.name')}</Title>
          <Text size="xl" maw="40ch">
            {t('marketing.tagline')}
          </Text>
          <Button
            component="a"
            href={SIGNUP_PATH}
            onClick={(event) => followInPage(event, SIGNUP_PATH)}
            variant="white"
            size="md"
            mt="sm"
          >
            {t('marketing.createSchool')}
          </Button>
        </Stack>
      </BrandHeader>
      <PageMain>
        <Stack gap="xl">
          <section aria-labelledby={featuresHeadingId}>
            <Title order={2} id={featuresHeadingId} mb="sm">
              {t('marketing.featuresHeading')}
            </Title>
            <List spacing="xs">
              {FEATURE_KEYS.map((key) => (
                <List.Item key={key}>{t(key)}</List.Item>
              ))}
            </List>
          </section>
          {demoSchools.length > 0 && <DemoSchoolList demoSchools={demoSchools} />}
        </Stack>
      </PageMain>
    </>
  );
}
