import { newId } from '../../platform/db/ids.js';
import { reportDuplicates, RowReader, sameAddress, yesNo, type RowKey } from './cells.js';
import { countOutcomes, sortRecords, type KindImporter, type Outcome } from './import-kind.js';
import {
  loadGuardianLinks,
  loadGuardians,
  loadStudents,
  upsertGuardianLinks,
  upsertGuardians,
  type GuardianLinkRecord,
  type GuardianRecord,
} from './imports.repository.js';
import { PERSON_NAME_MAX } from './lookups.js';

// Guardians and their links to students, one row per link. A guardian is the same person
// across rows (and across imports) by email, or by first and last name when the row has no
// email. An empty email never clears a stored one: it is how the guardian is recognised.

interface FileGuardian {
  /** The first row that named this guardian. */
  row: number;
  before: GuardianRecord | undefined;
  target: GuardianRecord;
}

interface PlannedLink {
  reader: RowReader;
  guardian: FileGuardian;
  target: GuardianLinkRecord;
  before: GuardianLinkRecord | undefined;
}

function nameKey(firstName: string, lastName: string): string {
  return `${firstName.toLowerCase()}\u0000${lastName.toLowerCase()}`;
}

function group<T>(records: readonly T[], key: (record: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(record);
    else map.set(k, [record]);
  }
  return map;
}

function sameGuardian(before: GuardianRecord, after: GuardianRecord): boolean {
  return (
    before.firstName === after.firstName &&
    before.lastName === after.lastName &&
    before.email === after.email &&
    before.phone === after.phone
  );
}

function sameLink(before: GuardianLinkRecord, after: GuardianLinkRecord): boolean {
  return (
    before.relationship === after.relationship &&
    before.isPrimary === after.isPrimary &&
    before.portalAccess === after.portalAccess &&
    before.pickupAllowed === after.pickupAllowed &&
    before.noContact === after.noContact
  );
}

export const guardiansImport: KindImporter = {
  async plan({ ctx, tx }, table, issues) {
    const studentIds = new Map((await loadStudents(tx)).map((s) => [s.admissionNumber, s.id]));
    const stored = await loadGuardians(tx);
    const byEmail = group(stored, (g) => g.email?.toLowerCase() ?? null);
    const byName = group(stored, (g) => nameKey(g.firstName, g.lastName));
    const links = new Map(
      (await loadGuardianLinks(tx)).map((l) => [`${l.studentId}:${l.guardianId}`, l]),
    );

    const inFile = new Map<string, FileGuardian>();
    const keys: RowKey[] = [];
    const planned: PlannedLink[] = [];
    for (const row of table.rows) {
      const reader = new RowReader(table, row, issues);
      const admissionNumber = reader.required('admission_number', 40);
      const firstName = reader.required('guardian_first_name', PERSON_NAME_MAX);
      const lastName = reader.required('guardian_last_name', PERSON_NAME_MAX);
      const email = reader.email('email');
      const phone = reader.text('phone', 40);
      const relationship = reader.text('relationship', 40);
      const isPrimary = reader.flag('primary');
      const portalAccess = reader.flag('portal_access');
      const pickupAllowed = reader.flag('pickup_allowed');
      const noContact = reader.flag('no_contact');
      const studentId = studentIds.get(admissionNumber);
      if (admissionNumber && !studentId) {
        reader.report(
          'admission_number',
          'unknown_student',
          `There is no student with admission number ${admissionNumber} in this school.`,
        );
      }
      const emailUnreadable = reader.has('email') && email === undefined;
      if (!studentId || !firstName || !lastName || emailUnreadable) continue;

      const guardianKey = email ? `email:${email}` : `name:${nameKey(firstName, lastName)}`;
      keys.push({
        reader,
        key: `${studentId}:${guardianKey}`,
        column: 'admission_number',
        label: `Guardian ${firstName} ${lastName} of student ${admissionNumber}`,
      });
      if (issues.hasRowErrors(row.row)) continue;
      let guardian = inFile.get(guardianKey);
      if (!guardian) {
        const candidates =
          (email ? byEmail.get(email) : byName.get(nameKey(firstName, lastName))) ?? [];
        if (candidates.length > 1) {
          reader.report(
            email ? 'email' : 'guardian_last_name',
            'ambiguous',
            email
              ? `${candidates.length} guardians in this school share the email ${email}.`
              : `${candidates.length} guardians in this school are called ${firstName} ${lastName}; ` +
                  'add their email to say which.',
          );
          continue;
        }
        const before = candidates[0];
        guardian = {
          row: row.row,
          before,
          target: {
            id: before?.id ?? newId(),
            firstName,
            lastName,
            email: sameAddress(before?.email, email)
              ? (before?.email ?? null)
              : (email ?? before?.email ?? null),
            phone: phone === undefined ? (before?.phone ?? null) : phone,
          },
        };
        inFile.set(guardianKey, guardian);
      } else {
        const { target } = guardian;
        if (target.firstName !== firstName || target.lastName !== lastName) {
          reader.report(
            'guardian_first_name',
            'conflict',
            `Row ${guardian.row} names this guardian ${target.firstName} ${target.lastName}.`,
          );
        }
        if (phone !== undefined && phone !== target.phone) {
          reader.report(
            'phone',
            'conflict',
            `Row ${guardian.row} gives this guardian the phone number ${target.phone ?? '(none)'}.`,
          );
        }
      }

      const before = links.get(`${studentId}:${guardian.target.id}`);
      planned.push({
        reader,
        guardian,
        before,
        target: {
          studentId,
          guardianId: guardian.target.id,
          relationship: relationship ?? before?.relationship ?? 'guardian',
          isPrimary: isPrimary ?? before?.isPrimary ?? false,
          portalAccess: portalAccess ?? before?.portalAccess ?? true,
          pickupAllowed: pickupAllowed ?? before?.pickupAllowed ?? true,
          noContact: noContact ?? before?.noContact ?? false,
        },
      });
    }
    reportDuplicates(keys);

    const valid = planned.filter((p) => !issues.hasRowErrors(p.reader.number));
    const guardianChanged = (g: FileGuardian) => !g.before || !sameGuardian(g.before, g.target);
    const outcomes = valid.map((p): Outcome => {
      if (!p.before) return 'created';
      return guardianChanged(p.guardian) || !sameLink(p.before, p.target) ? 'updated' : 'unchanged';
    });

    return {
      summary: countOutcomes(outcomes),
      async apply() {
        const guardians = new Set(valid.map((p) => p.guardian).filter(guardianChanged));
        await upsertGuardians(
          tx,
          [...guardians].map((g) => ({ schoolId: ctx.schoolId, ...g.target })),
        );
        await upsertGuardianLinks(
          tx,
          valid
            .filter((_, i) => outcomes[i] !== 'unchanged')
            .map((p) => ({ schoolId: ctx.schoolId, ...p.target })),
        );
      },
    };
  },

  async exportRecords(tx) {
    const numbers = new Map((await loadStudents(tx)).map((s) => [s.id, s.admissionNumber]));
    const guardians = new Map((await loadGuardians(tx)).map((g) => [g.id, g]));
    const records = (await loadGuardianLinks(tx)).flatMap((link) => {
      const guardian = guardians.get(link.guardianId);
      const admissionNumber = numbers.get(link.studentId);
      if (!guardian || admissionNumber === undefined) return [];
      return [
        {
          admission_number: admissionNumber,
          guardian_first_name: guardian.firstName,
          guardian_last_name: guardian.lastName,
          email: guardian.email ?? '',
          phone: guardian.phone ?? '',
          relationship: link.relationship,
          primary: yesNo(link.isPrimary),
          portal_access: yesNo(link.portalAccess),
          pickup_allowed: yesNo(link.pickupAllowed),
          no_contact: yesNo(link.noContact),
        },
      ];
    });
    return sortRecords(records, [
      'admission_number',
      'guardian_last_name',
      'guardian_first_name',
      'email',
    ]);
  },
};
