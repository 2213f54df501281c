import { Outlet } from '@tanstack/react-router';

import { SchoolFrame } from '../../../components/school-frame';

/** Pages before sign-in: the school's header, then one narrow column. */
export function AuthLayout() {
  return (
    <SchoolFrame size="xs">
      <Outlet />
    </SchoolFrame>
  );
}
