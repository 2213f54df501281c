import { Button, Group, Menu, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { useCurrentMe } from '../../auth/api/get-me';

interface UserMenuProps {
  onSignOut: () => void;
  signingOut: boolean;
}

export function UserMenu({ onSignOut, signingOut }: UserMenuProps) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" visibleFrom="sm" truncate maw={220}>
        {me.user.name}
      </Text>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="white" size="sm" loading={signingOut}>
            {t('account.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('account.signedInAs', { name: me.user.name })}</Menu.Label>
          <Menu.Item component={Link} to="/profile">
            {t('account.profile')}
          </Menu.Item>
          <Menu.Item onClick={onSignOut}>{t('account.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
