// The data the server embeds in every HTML page it serves, so the SPA knows what the host is
// without a second round trip. It carries only public facts about the host that was asked.

export type Locale = 'en' | 'ar';

export interface SchoolBranding {
  primaryColor: string;
  logoUrl: string | null;
}

export interface PublicSchoolProfile {
  id: string;
  slug: string;
  name: string;
  locale: Locale;
  timezone: string;
  branding: SchoolBranding;
}

export interface DemoSchoolLink {
  slug: string;
  name: string;
  url: string;
}

export type BootData =
  | { page: 'marketing'; demoSchools: DemoSchoolLink[] }
  | { page: 'platform' }
  | { page: 'school'; school: PublicSchoolProfile }
  | { page: 'not-found' }
  | { page: 'suspended' }
  | { page: 'maintenance' };

export const BOOT_DATA_ELEMENT_ID = 'boot-data';
