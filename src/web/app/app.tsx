import { useState } from 'react';

import type { BootData } from '../../shared/boot.js';
import { HostStatusPage } from '../features/errors/components/host-status-page';
import { MarketingPage } from '../features/marketing/components/marketing-page';
import { PlatformConsolePage } from '../features/platform-console/components/platform-console-page';
import { SchoolHomePage } from '../features/school-home/components/school-home-page';
import { readBootData } from '../lib/boot';
import { pickLocale } from '../lib/locale';

import { AppProvider } from './provider';

export function App() {
  const [boot] = useState(() => readBootData());
  const [locale] = useState(() => pickLocale(boot, document.documentElement.lang));
  const primaryColor = boot.page === 'school' ? boot.school.branding.primaryColor : undefined;

  return (
    <AppProvider locale={locale} primaryColor={primaryColor}>
      <BootPage boot={boot} />
    </AppProvider>
  );
}

function BootPage({ boot }: { boot: BootData }) {
  switch (boot.page) {
    case 'marketing':
      return <MarketingPage demoSchools={boot.demoSchools} />;
    case 'platform':
      return <PlatformConsolePage />;
    case 'school':
      return <SchoolHomePage school={boot.school} />;
    case 'not-found':
    case 'suspended':
    case 'maintenance':
      return <HostStatusPage status={boot.page} />;
  }
}
