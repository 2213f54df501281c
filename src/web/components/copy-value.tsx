import { Button, Code, CopyButton, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface CopyValueProps {
  /** What the value is, for the button's accessible name: "Copy TXT value". */
  label: string;
  value: string;
  /** What to show, when it differs from what is copied (a secret in groups of four). */
  display?: string;
}

/** A value to type elsewhere (a DNS record, a secret): always left to right, one click to copy. */
export function CopyValue({ label, value, display }: CopyValueProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code dir="ltr" fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {display ?? value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <>
            <Button
              size="compact-xs"
              variant="light"
              onClick={copy}
              aria-label={t('common.copyNamed', { name: label })}
              style={{ flexShrink: 0 }}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
            <VisuallyHidden role="status">{copied ? t('common.copied') : ''}</VisuallyHidden>
          </>
        )}
      </CopyButton>
    </Group>
  );
}
