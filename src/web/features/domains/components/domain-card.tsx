import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Domain } from '../../../../shared/contracts/domains.js';
import { CopyValue } from '../../../components/copy-value';
import { DomainStatusBadge } from '../../../components/domain-status-badge';
import { ErrorAlert } from '../../../components/error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime, isolateLtr } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useRemoveSchoolDomain } from '../api/remove-school-domain';
import { useVerifySchoolDomain } from '../api/verify-school-domain';

interface DomainCardProps {
  domain: Domain;
  onRemoved: (hostname: string) => void;
}

export function DomainCard({ domain, onRemoved }: DomainCardProps) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const headingId = useId();
  const verify = useVerifySchoolDomain();
  const remove = useRemoveSchoolDomain();
  const [confirming, setConfirming] = useState(false);
  const when = (iso: string | null, none: string) =>
    iso ? formatDateTime(iso, locale, school.timezone) : none;
  // Only the answer to "Check now" says whether the CNAME is in place.
  const checked = verify.data?.id === domain.id ? verify.data : null;

  const facts = [
    { label: t('domains.status'), value: <DomainStatusBadge status={domain.status} /> },
    { label: t('domains.lastCheck'), value: when(domain.lastCheckedAt, t('common.never')) },
    {
      label: domain.status === 'verified' ? t('domains.verifiedAt') : t('domains.nextCheck'),
      value:
        domain.status === 'verified'
          ? when(domain.verifiedAt, '—')
          : when(domain.nextCheckAt, t('domains.noNextCheck')),
    },
    { label: t('domains.attempts'), value: String(domain.attempts) },
  ];

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id={headingId} dir="ltr" style={{ wordBreak: 'break-all' }}>
            {domain.hostname}
          </Title>
          <Group gap="xs">
            <Button
              variant="light"
              loading={verify.isPending}
              disabled={verify.isPending}
              onClick={() => verify.mutate(domain.id)}
            >
              {t('domains.checkNow')}
            </Button>
            <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t('domains.remove')}
            </Button>
          </Group>
        </Group>

        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
          {facts.map((fact) => (
            <div key={fact.label}>
              <Text component="dt" size="sm" c="dimmed">
                {fact.label}
              </Text>
              <Text component="dd" m={0}>
                {fact.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>

        <ErrorAlert error={verify.error} />
        {domain.lastError && (
          <Alert color="red" variant="light" title={t('domains.lastError')}>
            <Text size="sm" dir="ltr" style={{ wordBreak: 'break-word' }}>
              {domain.lastError}
            </Text>
          </Alert>
        )}
        {checked && checked.cnameOk !== undefined && (
          <Alert color={checked.cnameOk ? 'green' : 'yellow'} variant="light" role="status">
            {checked.cnameOk
              ? t('domains.cnameOk', {
                  target: isolateLtr(domain.instructions.cname.target, locale),
                })
              : t('domains.cnameMissing', {
                  target: isolateLtr(domain.instructions.cname.target, locale),
                })}
          </Alert>
        )}

        <Text size="sm">
          {domain.status === 'verified' ? t('domains.recordsKeep') : t('domains.recordsIntro')}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" withTableBorder>
            <Table.Caption>
              {t('domains.recordsCaption', { hostname: isolateLtr(domain.hostname, locale) })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('domains.recordType')}</Table.Th>
                <Table.Th scope="col">{t('domains.recordName')}</Table.Th>
                <Table.Th scope="col">{t('domains.recordValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">TXT</Table.Th>
                <Table.Td>
                  <CopyValue label={t('domains.txtName')} value={domain.instructions.txt.name} />
                </Table.Td>
                <Table.Td>
                  <CopyValue label={t('domains.txtValue')} value={domain.instructions.txt.value} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">CNAME</Table.Th>
                <Table.Td>
                  <CopyValue
                    label={t('domains.cnameName')}
                    value={domain.instructions.cname.name}
                  />
                </Table.Td>
                <Table.Td>
                  <CopyValue
                    label={t('domains.cnameTarget')}
                    value={domain.instructions.cname.target}
                  />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('domains.removeTitle', { hostname: isolateLtr(domain.hostname, locale) })}
      >
        <Stack gap="md">
          <Text>{t('domains.removeConfirm')}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(domain.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    onRemoved(domain.hostname);
                  },
                })
              }
            >
              {t('domains.removeSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
