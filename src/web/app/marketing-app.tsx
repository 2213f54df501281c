import { lazy } from 'react';

import type { DemoSchoolLink } from '../../shared/boot.js';
import { MarketingPage } from '../features/marketing/components/marketing-page';
import { SIGNUP_PATH } from '../features/marketing/paths';
import { useLocationPath } from '../lib/location-path';

// Loaded on demand, so the landing page stays small.
const SignupApp = lazy(() => import('./signup-app').then((m) => ({ default: m.SignupApp })));

export function MarketingApp({ demoSchools }: { demoSchools: DemoSchoolLink[] }) {
  const path = useLocationPath();
  if (path === SIGNUP_PATH) return <SignupApp />;
  return <MarketingPage demoSchools={demoSchools} />;
}
