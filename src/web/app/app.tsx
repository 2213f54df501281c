import { lazy, Suspense, useState } from 'react';

import type { BootData } from '../../shared/boot.js';
import { PageLoader } from '../components/page-loader';
import { HostStatusPage } from '../features/errors/components/host-status-page';
import { readBootData } from '../lib/boot';
import { pickLocale } from '../lib/locale';

import { MarketingApp } from './marketing-app';
import { AppProvider } from './provider';

// Each host loads only its own app: the marketing and error pages stay small.
const SchoolApp = lazy(() => import('./school-app').then((m) => ({ default: m.SchoolApp })));
const PlatformApp = lazy(() => import('./platform-app').then((m) => ({ default: m.PlatformApp })));

export function App() {
  const [boot] = useState(() => readBootData());
  const [locale] = useState(() => pickLocale(boot, document.documentElement.lang));
  const primaryColor = boot.page === 'school' ? boot.school.branding.primaryColor : undefined;

  return (
    <AppProvider locale={locale} primaryColor={primaryColor}>
      <Suspense fallback={<PageLoader />}>
        <BootPage boot={boot} />
      </Suspense>
    </AppProvider>
  );
}

function BootPage({ boot }: { boot: BootData }) {
  switch (boot.page) {
    case 'marketing':
      return <MarketingApp demoSchools={boot.demoSchools} />;
    case 'platform':
      return <PlatformApp />;
    case 'school':
      return <SchoolApp school={boot.school} />;
    case 'not-found':
    case 'suspended':
    case 'maintenance':
      return <HostStatusPage status={boot.page} />;
  }
}
