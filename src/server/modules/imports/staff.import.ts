import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertCanAddStaff } from '../schools/limits.js';
import { reportDuplicates, RowReader, sameAddress, yesNo, type RowKey } from './cells.js';
import { countOutcomes, sortRecords, type KindImporter, type Outcome } from './import-kind.js';
import { loadStaff, upsertStaff, type StaffRecord } from './imports.repository.js';
import { PERSON_NAME_MAX } from './lookups.js';

// Staff, upserted by employee number.

interface PlannedStaff {
  reader: RowReader;
  target: StaffRecord;
  outcome: Outcome;
}

function sameStaff(before: StaffRecord, after: StaffRecord): boolean {
  return (
    before.firstName === after.firstName &&
    before.lastName === after.lastName &&
    before.email === after.email &&
    before.phone === after.phone &&
    before.position === after.position &&
    before.department === after.department &&
    before.isTeacher === after.isTeacher
  );
}

export const staffImport: KindImporter = {
  async plan({ ctx, tx }, table, issues) {
    const byNumber = new Map((await loadStaff(tx)).map((s) => [s.employeeNumber, s]));
    const keys: RowKey[] = [];
    const planned: PlannedStaff[] = [];
    for (const row of table.rows) {
      const reader = new RowReader(table, row, issues);
      const employeeNumber = reader.required('employee_number', 40);
      const firstName = reader.required('first_name', PERSON_NAME_MAX);
      const lastName = reader.required('last_name', PERSON_NAME_MAX);
      const email = reader.email('email');
      const phone = reader.text('phone', 40);
      const position = reader.text('position', 100);
      const department = reader.text('department', 100);
      const isTeacher = reader.flag('is_teacher');
      if (employeeNumber) {
        keys.push({
          reader,
          key: employeeNumber,
          column: 'employee_number',
          label: `Employee number ${employeeNumber}`,
        });
      }
      if (issues.hasRowErrors(row.row)) continue;
      const before = byNumber.get(employeeNumber);
      const target: StaffRecord = {
        id: before?.id ?? newId(),
        employeeNumber,
        firstName,
        lastName,
        email:
          email === undefined || sameAddress(before?.email, email)
            ? (before?.email ?? null)
            : email,
        phone: phone === undefined ? (before?.phone ?? null) : phone,
        position: position === undefined ? (before?.position ?? '') : (position ?? ''),
        department: department === undefined ? (before?.department ?? '') : (department ?? ''),
        isTeacher: isTeacher ?? before?.isTeacher ?? false,
      };
      planned.push({
        reader,
        target,
        outcome: !before ? 'created' : sameStaff(before, target) ? 'unchanged' : 'updated',
      });
    }
    reportDuplicates(keys);

    const valid = planned.filter((p) => !issues.hasRowErrors(p.reader.number));
    const adding = valid.filter((p) => p.outcome === 'created').length;
    if (adding > 0) {
      await assertCanAddStaff(ctx, tx, adding).catch((error: unknown) => {
        if (!(error instanceof AppError) || error.code !== 'PLAN_LIMIT_REACHED') throw error;
        issues.add(
          0,
          'employee_number',
          'plan_limit',
          `${error.message} This file adds ${adding}.`,
        );
      });
    }

    return {
      summary: countOutcomes(valid.map((p) => p.outcome)),
      async apply() {
        await upsertStaff(
          tx,
          valid
            .filter((p) => p.outcome !== 'unchanged')
            .map((p) => ({ schoolId: ctx.schoolId, ...p.target })),
        );
      },
    };
  },

  async exportRecords(tx) {
    const records = (await loadStaff(tx)).map((s) => ({
      employee_number: s.employeeNumber,
      first_name: s.firstName,
      last_name: s.lastName,
      email: s.email ?? '',
      phone: s.phone ?? '',
      position: s.position,
      department: s.department,
      is_teacher: yesNo(s.isTeacher),
    }));
    return sortRecords(records, ['employee_number']);
  },
};
