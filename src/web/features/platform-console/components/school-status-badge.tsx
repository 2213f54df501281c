import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = {
  provisioning: 'gray',
  trial: 'blue',
  active: 'green',
  suspended: 'red',
  archived: 'dark',
} as const;

function isKnownStatus(status: string): status is keyof typeof COLORS {
  return Object.hasOwn(COLORS, status);
}

export function SchoolStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isKnownStatus(status))
    return (
      <Badge color="gray" variant="light" c="dark.8">
        {status}
      </Badge>
    );
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.8">
      {t(`platform.schoolStatus.${status}`)}
    </Badge>
  );
}
