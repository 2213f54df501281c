import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { ErrorComponentProps } from '@tanstack/react-router';

import { PageLoader } from '../components/page-loader';
import { StatusPage, statusKindOf } from '../components/status-page';
import { operatorQueryOptions } from '../features/platform-console/api/get-operator';
import {
  PlatformAuthLayout,
  PlatformFrame,
} from '../features/platform-console/components/platform-auth-layout';
import { PlatformLayout } from '../features/platform-console/components/platform-layout';
import { OperatorSignInPage } from '../features/platform-console/routes/operator-sign-in-page';
import { isApiError } from '../lib/api-client';

export interface PlatformRouterContext {
  queryClient: QueryClient;
}

export const PLATFORM_PUBLIC_PATHS = new Set(['/sign-in']);

function PageError({ error, reset }: ErrorComponentProps) {
  return <StatusPage kind={statusKindOf(error)} error={error} onRetry={reset} />;
}

function FramedError({ error, reset }: ErrorComponentProps) {
  return (
    <PlatformFrame size="md">
      <StatusPage kind={statusKindOf(error)} error={error} onRetry={reset} headingOrder={2} />
    </PlatformFrame>
  );
}

function FramedNotFound() {
  return (
    <PlatformFrame size="md">
      <StatusPage kind="notFound" headingOrder={2} />
    </PlatformFrame>
  );
}

const rootRoute = createRootRouteWithContext<PlatformRouterContext>()({
  component: Outlet,
  errorComponent: FramedError,
  notFoundComponent: FramedNotFound,
});

const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: PlatformAuthLayout,
});

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/sign-in',
  component: OperatorSignInPage,
});

const consoleLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'console',
  component: PlatformLayout,
  errorComponent: FramedError,
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(operatorQueryOptions());
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({ to: '/sign-in', search: { next: location.href } });
      }
      throw error;
    }
  },
});

const consoleRoutes = [
  createRoute({
    getParentRoute: () => consoleLayout,
    path: '/',
    component: lazyRouteComponent(
      () => import('../features/platform-console/routes/schools-page'),
      'SchoolsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => consoleLayout,
    path: '/schools',
    beforeLoad: () => {
      throw redirect({ to: '/', replace: true });
    },
  }),
  createRoute({
    getParentRoute: () => consoleLayout,
    path: '/schools/$id',
    component: lazyRouteComponent(
      () => import('../features/platform-console/routes/school-detail-page'),
      'SchoolDetailPage',
    ),
  }),
  createRoute({
    getParentRoute: () => consoleLayout,
    path: '/domains',
    component: lazyRouteComponent(
      () => import('../features/platform-console/routes/domains-page'),
      'PlatformDomainsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => consoleLayout,
    path: '/audit',
    component: lazyRouteComponent(
      () => import('../features/platform-console/routes/platform-audit-page'),
      'PlatformAuditPage',
    ),
  }),
];

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute]),
  consoleLayout.addChildren(consoleRoutes),
]);

export function createPlatformRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: PageError,
    defaultPendingComponent: PageLoader,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

export type PlatformRouter = ReturnType<typeof createPlatformRouter>;
