import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

import { requireNavigationEntry } from './route-guards';

// The school-records pages: students, guardians, staff, the academic structure, classes and
// imports. Each is open exactly when one of its entries is in the actor's navigation (the
// students page serves both "Students" and a guardian's "My children"); otherwise it shows 403.

/** The records routes, as children of the signed-in layout (which loads the navigation). */
export function createRecordsRoutes(appLayout: AnyRoute) {
  const getParentRoute = () => appLayout;
  const students = requireNavigationEntry('students', 'children');
  return [
    createRoute({
      getParentRoute,
      path: '/students',
      beforeLoad: students,
      component: lazyRouteComponent(
        () => import('../features/students/routes/students-page'),
        'StudentsPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/students/$id',
      beforeLoad: students,
      component: lazyRouteComponent(
        () => import('../features/students/routes/student-detail-page'),
        'StudentDetailPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/guardians',
      beforeLoad: requireNavigationEntry('guardians'),
      component: lazyRouteComponent(
        () => import('../features/guardians/routes/guardians-page'),
        'GuardiansPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/guardians/$id',
      beforeLoad: requireNavigationEntry('guardians'),
      component: lazyRouteComponent(
        () => import('../features/guardians/routes/guardian-detail-page'),
        'GuardianDetailPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/staff',
      beforeLoad: requireNavigationEntry('staff'),
      component: lazyRouteComponent(
        () => import('../features/staff/routes/staff-page'),
        'StaffPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/staff/$id',
      beforeLoad: requireNavigationEntry('staff'),
      component: lazyRouteComponent(
        () => import('../features/staff/routes/staff-detail-page'),
        'StaffDetailPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/academics',
      beforeLoad: requireNavigationEntry('academics'),
      component: lazyRouteComponent(
        () => import('../features/academics/routes/academics-page'),
        'AcademicsPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/classes',
      beforeLoad: requireNavigationEntry('classes'),
      component: lazyRouteComponent(
        () => import('../features/classes/routes/classes-page'),
        'ClassesPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/classes/$id',
      beforeLoad: requireNavigationEntry('classes'),
      component: lazyRouteComponent(
        () => import('../features/classes/routes/class-detail-page'),
        'ClassDetailPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/admin/imports',
      beforeLoad: requireNavigationEntry('imports'),
      component: lazyRouteComponent(
        () => import('../features/imports/routes/imports-page'),
        'ImportsPage',
      ),
    }),
  ];
}
