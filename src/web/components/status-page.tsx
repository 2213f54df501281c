import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../lib/api-client';

import { ErrorAlert } from './error-alert';

export type StatusKind = 'unauthenticated' | 'forbidden' | 'notFound' | 'suspended' | 'error';

/** Thrown by a route whose page is not in the actor's navigation. */
export class ForbiddenPageError extends Error {
  constructor() {
    super('This page is not in your navigation.');
    this.name = 'ForbiddenPageError';
  }
}

export function statusKindOf(error: unknown): StatusKind {
  if (error instanceof ForbiddenPageError) return 'forbidden';
  if (!isApiError(error)) return 'error';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 403 && error.code !== 'READ_ONLY_SESSION') return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 423) return 'suspended';
  return 'error';
}

interface StatusPageProps {
  kind: StatusKind;
  headingOrder?: TitleOrder;
  /** Where "go back" leads, e.g. the dashboard or the sign-in page. */
  homePath?: string;
  signInPath?: string;
  error?: unknown;
  onRetry?: () => void;
}

export function StatusPage({
  kind,
  headingOrder = 1,
  homePath = '/',
  signInPath = '/sign-in',
  error,
  onRetry,
}: StatusPageProps) {
  const { t } = useTranslation();
  const text = {
    unauthenticated: {
      heading: t('pages.unauthenticated.heading'),
      description: t('pages.unauthenticated.description'),
    },
    forbidden: {
      heading: t('pages.forbidden.heading'),
      description: t('pages.forbidden.description'),
    },
    notFound: {
      heading: t('pages.notFound.heading'),
      description: t('pages.notFound.description'),
    },
    suspended: {
      heading: t('pages.suspended.heading'),
      description: t('pages.suspended.description'),
    },
    error: { heading: t('pages.error.heading'), description: t('pages.error.description') },
  }[kind];

  return (
    <Stack gap="md" py="lg" maw="60ch">
      <Title order={headingOrder}>{text.heading}</Title>
      <Text size="lg">{text.description}</Text>
      {kind === 'error' && error !== undefined && <ErrorAlert error={error} />}
      <Group>
        {kind === 'unauthenticated' && (
          <Button component={Link} to={signInPath}>
            {t('pages.unauthenticated.action')}
          </Button>
        )}
        {kind === 'forbidden' && (
          <Button component={Link} to={homePath} variant="light">
            {t('pages.forbidden.action')}
          </Button>
        )}
        {kind === 'notFound' && (
          <Button component={Link} to={homePath} variant="light">
            {t('pages.notFound.action')}
          </Button>
        )}
        {kind === 'error' && onRetry && <Button onClick={onRetry}>{t('common.tryAgain')}</Button>}
      </Group>
    </Stack>
  );
}
