import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { StudentStatusValue } from '../../../../shared/contracts/people.js';

const COLORS: Record<StudentStatusValue, string> = {
  applicant: 'blue',
  enrolled: 'green',
  suspended: 'orange',
  graduated: 'grape',
  transferred: 'gray',
  withdrawn: 'gray',
};

export function StudentStatusBadge({ status }: { status: StudentStatusValue }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.8">
      {t(`studentStatus.${status}`)}
    </Badge>
  );
}
