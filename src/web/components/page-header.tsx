import { Group, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { ReactNode } from 'react';

// The server titles the document after the host (the school's name, or the operator
// console); pages inside the app put their own name in front of it.
const BASE_TITLE = typeof document === 'undefined' ? '' : document.title;

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = BASE_TITLE ? `${title} · ${BASE_TITLE}` : title;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [title]);

  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <div>
        <Title order={1}>{title}</Title>
        {description && (
          <Text c="dimmed" mt={4} maw="70ch">
            {description}
          </Text>
        )}
      </div>
      {actions}
    </Group>
  );
}
