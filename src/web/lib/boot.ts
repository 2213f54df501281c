import { BOOT_DATA_ELEMENT_ID } from '../../shared/boot.js';
import type { BootData, DemoSchoolLink, PublicSchoolProfile } from '../../shared/boot.js';

import { isLocale } from './locale';

const FALLBACK: BootData = { page: 'not-found' };

type UnknownRecord = Record<string, unknown>;

export function readBootData(doc: Document = document): BootData {
  return parseBootData(doc.getElementById(BOOT_DATA_ELEMENT_ID)?.textContent);
}

// Anything we cannot read as a known page shows "not found": it names no school and
// never renders half-valid data.
export function parseBootData(text: string | null | undefined): BootData {
  if (!text) return FALLBACK;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return FALLBACK;
  }
  return toBootData(value) ?? FALLBACK;
}

function toBootData(value: unknown): BootData | null {
  if (!isRecord(value)) return null;
  switch (value.page) {
    case 'marketing':
      return Array.isArray(value.demoSchools)
        ? { page: 'marketing', demoSchools: value.demoSchools.flatMap(toDemoSchool) }
        : null;
    case 'school': {
      const school = toSchool(value.school);
      return school ? { page: 'school', school } : null;
    }
    case 'platform':
    case 'not-found':
    case 'suspended':
    case 'maintenance':
      return { page: value.page };
    default:
      return null;
  }
}

function toSchool(value: unknown): PublicSchoolProfile | null {
  if (!isRecord(value) || !isRecord(value.branding)) return null;
  const { id, slug, name, locale, timezone } = value;
  const { primaryColor, logoUrl } = value.branding;
  if (
    typeof id !== 'string' ||
    typeof slug !== 'string' ||
    typeof name !== 'string' ||
    !isLocale(locale) ||
    typeof timezone !== 'string' ||
    typeof primaryColor !== 'string' ||
    (logoUrl !== null && typeof logoUrl !== 'string')
  ) {
    return null;
  }
  return { id, slug, name, locale, timezone, branding: { primaryColor, logoUrl } };
}

// Demo links become hrefs, so only http(s) URLs are kept.
function toDemoSchool(value: unknown): DemoSchoolLink[] {
  if (!isRecord(value)) return [];
  const { slug, name, url } = value;
  if (typeof slug !== 'string' || typeof name !== 'string' || !isWebUrl(url)) return [];
  return [{ slug, name, url }];
}

function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
