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

import type { Navigation } from '../../shared/contracts/identity.js';
import { PageLoader } from '../components/page-loader';
import { SchoolFrame } from '../components/school-frame';
import { ForbiddenPageError, StatusPage, statusKindOf } from '../components/status-page';
import { meQueryOptions } from '../features/auth/api/get-me';
import { navigationQueryOptions } from '../features/auth/api/get-navigation';
import { AuthLayout } from '../features/auth/components/auth-layout';
import { AcceptInvitationPage } from '../features/auth/routes/accept-invitation-page';
import { ForgotPasswordPage } from '../features/auth/routes/forgot-password-page';
import { ImpersonatePage } from '../features/auth/routes/impersonate-page';
import { ResetPasswordPage } from '../features/auth/routes/reset-password-page';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import { WelcomePage } from '../features/auth/routes/welcome-page';
import { DashboardPage } from '../features/dashboard/routes/dashboard-page';
import { SchoolAppLayout } from '../features/school-shell/components/school-app-layout';
import { isApiError } from '../lib/api-client';

import { createAttendanceRoutes } from '../features/attendance/routes';
import { createGradebookRoutes } from '../features/gradebook/routes';
import { createReportCardsRoutes } from '../features/report-cards/routes';
import { createTimetableRoutes } from '../features/timetable/routes';
import { createRecordsRoutes } from './records-routes';

export interface SchoolRouterContext {
  queryClient: QueryClient;
}

/** Pages reachable without a session; a 401 elsewhere sends the visitor to sign in. */
export const PUBLIC_PATHS = new Set([
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/accept-invitation',
  '/impersonate',
  '/welcome',
]);

// Errors inside the signed-in layout render in its content area, keeping the menu.
function PageError({ error, reset }: ErrorComponentProps) {
  return <StatusPage kind={statusKindOf(error)} error={error} onRetry={reset} />;
}

// Errors above any layout (the session itself failed to load) get the school's own frame.
function FramedError({ error, reset }: ErrorComponentProps) {
  return (
    <SchoolFrame>
      <StatusPage kind={statusKindOf(error)} error={error} onRetry={reset} headingOrder={2} />
    </SchoolFrame>
  );
}

function FramedNotFound() {
  return (
    <SchoolFrame>
      <StatusPage kind="notFound" headingOrder={2} />
    </SchoolFrame>
  );
}

const rootRoute = createRootRouteWithContext<SchoolRouterContext>()({
  component: Outlet,
  errorComponent: FramedError,
  notFoundComponent: FramedNotFound,
});

const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: AuthLayout,
});

const publicRoutes = [
  createRoute({ getParentRoute: () => publicLayout, path: '/sign-in', component: SignInPage }),
  createRoute({
    getParentRoute: () => publicLayout,
    path: '/forgot-password',
    component: ForgotPasswordPage,
  }),
  createRoute({
    getParentRoute: () => publicLayout,
    path: '/reset-password',
    component: ResetPasswordPage,
  }),
  createRoute({
    getParentRoute: () => publicLayout,
    path: '/accept-invitation',
    component: AcceptInvitationPage,
  }),
  createRoute({
    getParentRoute: () => publicLayout,
    path: '/impersonate',
    component: ImpersonatePage,
  }),
  createRoute({ getParentRoute: () => publicLayout, path: '/welcome', component: WelcomePage }),
];

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: SchoolAppLayout,
  errorComponent: FramedError,
  beforeLoad: async ({ context, location }) => {
    try {
      // One after the other: without a session the menu request would only fail as well.
      await context.queryClient.ensureQueryData(meQueryOptions());
      const navigation = await context.queryClient.ensureQueryData(navigationQueryOptions());
      return { navigation };
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({ to: '/sign-in', search: { next: location.href } });
      }
      throw error;
    }
  },
});

/** A page is open to the actor exactly when the server put its entry in their navigation. */
function requireNavigationEntry(key: string) {
  return ({ context }: { context: { navigation: Navigation } }) => {
    if (!context.navigation.items.some((item) => item.key === key)) throw new ForbiddenPageError();
  };
}

const appRoutes = [
  createRoute({ getParentRoute: () => appLayout, path: '/', component: DashboardPage }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/profile',
    component: lazyRouteComponent(
      () => import('../features/profile/routes/profile-page'),
      'ProfilePage',
    ),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/users',
    beforeLoad: requireNavigationEntry('users'),
    component: lazyRouteComponent(() => import('../features/users/routes/users-page'), 'UsersPage'),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/users/$id',
    beforeLoad: requireNavigationEntry('users'),
    component: lazyRouteComponent(
      () => import('../features/users/routes/user-detail-page'),
      'UserDetailPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/roles',
    beforeLoad: requireNavigationEntry('roles'),
    component: lazyRouteComponent(() => import('../features/roles/routes/roles-page'), 'RolesPage'),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/audit',
    beforeLoad: requireNavigationEntry('audit'),
    component: lazyRouteComponent(() => import('../features/audit/routes/audit-page'), 'AuditPage'),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/settings',
    beforeLoad: requireNavigationEntry('settings'),
    component: lazyRouteComponent(
      () => import('../features/school-settings/routes/school-settings-page'),
      'SchoolSettingsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/domains',
    beforeLoad: requireNavigationEntry('domains'),
    component: lazyRouteComponent(
      () => import('../features/domains/routes/domains-page'),
      'DomainsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appLayout,
    path: '/admin/outbox',
    beforeLoad: requireNavigationEntry('outbox'),
    component: lazyRouteComponent(
      () => import('../features/outbox/routes/outbox-page'),
      'OutboxPage',
    ),
  }),
];

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren(publicRoutes),
  appLayout.addChildren([
    ...appRoutes,
    ...createRecordsRoutes(appLayout),
    ...createTimetableRoutes(appLayout),
    ...createAttendanceRoutes(appLayout),
    ...createGradebookRoutes(appLayout),
    ...createReportCardsRoutes(appLayout),
  ]),
]);

export function createSchoolRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: PageError,
    defaultPendingComponent: PageLoader,
    defaultPreload: 'intent',
    // The query cache decides freshness; the router never holds on to loader data.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

export type SchoolRouter = ReturnType<typeof createSchoolRouter>;
