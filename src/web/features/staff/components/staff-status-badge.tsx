import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Staff } from '../../../../shared/contracts/people.js';

export function StaffStatusBadge({ status }: { status: Staff['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light" c="dark.8">
      {t(`staff.status.${status}`)}
    </Badge>
  );
}
