import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { hasErrorCode } from '../../../lib/api-client';
import { takeFragmentToken } from '../../../lib/fragment-token';
import { WELCOME_STATE } from '../../../lib/welcome-notice';
import { useSignInWithLink } from '../api/sign-in-with-link';
import { AuthCard } from '../components/auth-card';

/** Where sign-up sends a new school's first admin: the link's token opens their session. */
export function WelcomePage() {
  const { t } = useTranslation();
  const [token] = useState(() => takeFragmentToken());
  const navigate = useNavigate();
  const signIn = useSignInWithLink();
  const { mutate } = signIn;
  // The token works once, so a second effect run (strict mode) must not send it again.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(
      { token },
      { onSuccess: () => void navigate({ to: '/', replace: true, state: WELCOME_STATE }) },
    );
  }, [token, mutate, navigate]);

  let body;
  if (!token || hasErrorCode(signIn.error, 'INVALID_TOKEN')) {
    body = (
      <>
        <Alert color="red" variant="light" role="alert">
          {token ? t('welcome.invalid') : t('welcome.missingToken')}
        </Alert>
        <SignInLink />
      </>
    );
  } else if (signIn.isError) {
    body = (
      <>
        <ErrorAlert error={signIn.error} />
        <SignInLink />
      </>
    );
  } else {
    body = (
      <Stack align="center" gap="xs">
        <PageLoader />
        <Text>{t('welcome.signingIn')}</Text>
      </Stack>
    );
  }
  return <AuthCard title={t('welcome.heading')}>{body}</AuthCard>;
}

function SignInLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/sign-in" fw={600}>
      {t('welcome.signIn')}
    </Anchor>
  );
}
