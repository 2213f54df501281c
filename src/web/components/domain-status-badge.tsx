import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { DomainStatusValue } from '../../shared/contracts/domains.js';

const COLORS: Record<DomainStatusValue, string> = {
  pending: 'yellow',
  verified: 'green',
  failed: 'red',
};

function isDomainStatus(status: string): status is DomainStatusValue {
  return Object.hasOwn(COLORS, status);
}

export function DomainStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isDomainStatus(status)) {
    return (
      <Badge color="gray" variant="light" c="dark.8">
        {status}
      </Badge>
    );
  }
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.8">
      {t(`domainStatus.${status}`)}
    </Badge>
  );
}
