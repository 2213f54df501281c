import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BootData, DemoSchoolLink, Locale } from '../../../shared/boot.js';
import { toPublicProfile } from '../tenancy/tenant-record.js';
import type { HtmlShell } from './html-shell.js';

const TITLES: Record<BootData['page'], Record<Locale, string>> = {
  marketing: { en: 'Schoolhouse', ar: 'سكولهاوس' },
  platform: { en: 'Schoolhouse operator console', ar: 'وحدة تحكم مشغلي سكولهاوس' },
  school: { en: 'Schoolhouse', ar: 'سكولهاوس' },
  'not-found': { en: 'School not found', ar: 'المدرسة غير موجودة' },
  suspended: { en: 'School unavailable', ar: 'المدرسة غير متاحة' },
  maintenance: { en: 'Down for maintenance', ar: 'قيد الصيانة' },
};

const DEFAULT_THEME = '#1f6feb';

export interface PageContext {
  shell: HtmlShell;
  demoSchools: () => DemoSchoolLink[];
}

export function cspNonce(reply: FastifyReply): string {
  const nonces = (reply as FastifyReply & { cspNonce?: { style?: string } }).cspNonce;
  return nonces?.style ?? randomBytes(16).toString('base64');
}

/** The page a browser gets for this host when nothing went wrong. */
export function bootFor(request: FastifyRequest, context: PageContext): BootData {
  if (request.tenant) return { page: 'school', school: toPublicProfile(request.tenant) };
  if (request.hostClass?.kind === 'platform') return { page: 'platform' };
  return { page: 'marketing', demoSchools: context.demoSchools() };
}

export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  context: PageContext,
  boot: BootData,
): string {
  // Error pages for a school host use its language; they never show its name or colours.
  const locale: Locale =
    boot.page === 'school' ? boot.school.locale : (request.tenant?.locale ?? 'en');
  const title = boot.page === 'school' ? boot.school.name : TITLES[boot.page][locale];
  const themeColor = boot.page === 'school' ? boot.school.branding.primaryColor : DEFAULT_THEME;
  reply.type('text/html; charset=utf-8');
  return context.shell.render({
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    title,
    nonce: cspNonce(reply),
    themeColor,
    boot,
  });
}

export function wantsHtml(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/assets/')) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') || accept === '' || accept.includes('*/*');
}
