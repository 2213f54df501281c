import type { Locale } from '../../shared/boot.js';

/** A student, guardian or staff member as people address them: given name, then family name. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** "Tom Baker and Sara Lindqvist" / "توم بيكر وسارة لندكفيست". */
export function joinNames(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
