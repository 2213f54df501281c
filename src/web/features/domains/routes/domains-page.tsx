import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { isolateLtr } from '../../../lib/format';
import { useSchoolDomains } from '../api/list-school-domains';
import { AddDomainForm } from '../components/add-domain-form';
import { DomainCard } from '../components/domain-card';

export function DomainsPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const domains = useSchoolDomains();
  const addHeadingId = useId();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader title={t('domains.heading')} description={t('domains.intro')} />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {domains.isPending ? (
        <PageLoader />
      ) : domains.isError ? (
        <ErrorAlert error={domains.error} />
      ) : (
        <>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={addHeadingId}>
            <Stack gap="sm">
              <Title order={2} size="h3" id={addHeadingId}>
                {t('domains.addHeading')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('domains.count', {
                  used: domains.data.items.length,
                  max: domains.data.maxDomains,
                })}
              </Text>
              <AddDomainForm
                full={domains.data.items.length >= domains.data.maxDomains}
                onAdded={(hostname) =>
                  setNotice(t('domains.added', { hostname: isolateLtr(hostname, locale) }))
                }
              />
            </Stack>
          </Paper>
          {domains.data.items.length === 0 ? (
            <Text>{t('domains.empty')}</Text>
          ) : (
            domains.data.items.map((domain) => (
              <DomainCard
                key={domain.id}
                domain={domain}
                onRemoved={(hostname) =>
                  setNotice(t('domains.removed', { hostname: isolateLtr(hostname, locale) }))
                }
              />
            ))
          )}
        </>
      )}
    </Stack>
  );
}
