import { Alert, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { hasErrorCode } from '../../../lib/api-client';
import { takeFragmentToken } from '../../../lib/fragment-token';
import { useAcceptImpersonation } from '../api/accept-impersonation';
import { AuthCard } from '../components/auth-card';

/** Opened from the operator console with a one-time token; exchanges it for a session. */
export function ImpersonatePage() {
  const { t } = useTranslation();
  const [token] = useState(() => takeFragmentToken());
  const navigate = useNavigate();
  const accept = useAcceptImpersonation();
  const { mutate } = accept;
  // The token works once, so a second effect run (strict mode) must not send it again.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate({ token }, { onSuccess: () => void navigate({ to: '/', replace: true }) });
  }, [token, mutate, navigate]);

  let body;
  if (!token) {
    body = (
      <Alert color="red" variant="light" role="alert">
        {t('impersonation.missingToken')}
      </Alert>
    );
  } else if (hasErrorCode(accept.error, 'INVALID_TOKEN')) {
    body = (
      <Alert color="red" variant="light" role="alert">
        {t('impersonation.invalid')}
      </Alert>
    );
  } else if (accept.isError) {
    body = <ErrorAlert error={accept.error} />;
  } else {
    body = (
      <Stack align="center" gap="xs">
        <PageLoader />
        <Text>{t('impersonation.starting')}</Text>
      </Stack>
    );
  }
  return <AuthCard title={t('impersonation.heading')}>{body}</AuthCard>;
}
