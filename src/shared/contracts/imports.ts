import { Type, type Static } from '@sinclair/typebox';

// API contract for CSV imports and exports of a school's records. The file itself travels as
// the raw request body (`text/csv`) and as the raw response body of an export; these schemas
// describe the rest. Column names are the CSV header names (snake_case, as people type them).

export const IMPORT_KINDS = ['students', 'guardians', 'staff', 'classes', 'enrollments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Largest accepted file, in bytes (2 MiB). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Most data rows (lines after the header) one file may hold. */
export const IMPORT_MAX_ROWS = 10_000;
/** Most errors one answer lists; `errorCount` always has the full number. */
export const IMPORT_MAX_LISTED_ERRORS = 10_000;

export interface ImportColumn {
  name: string;
  required: boolean;
}

const column = (name: string, required = false): ImportColumn => ({ name, required });

/** The columns each kind reads, in the order an export writes them. */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  students: [
    column('admission_number', true),
    column('first_name', true),
    column('last_name', true),
    column('date_of_birth'),
    column('gender'),
    column('status'),
    column('grade'),
    column('section'),
  ],
  guardians: [
    column('admission_number', true),
    column('guardian_first_name', true),
    column('guardian_last_name', true),
    column('email'),
    column('phone'),
    column('relationship'),
    column('primary'),
    column('portal_access'),
    column('pickup_allowed'),
    column('no_contact'),
  ],
  staff: [
    column('employee_number', true),
    column('first_name', true),
    column('last_name', true),
    column('email'),
    column('phone'),
    column('position'),
    column('department'),
    column('is_teacher'),
  ],
  classes: [
    column('term', true),
    column('year'),
    column('subject_code', true),
    column('name', true),
    column('grade'),
    column('section'),
    column('room'),
    column('teachers'),
  ],
  enrollments: [
    column('admission_number', true),
    column('class', true),
    column('term', true),
    column('year'),
    column('starts_on'),
  ],
};

export const ImportKindSchema = Type.Union(IMPORT_KINDS.map((kind) => Type.Literal(kind)));

export const ImportKindParams = Type.Object(
  { kind: ImportKindSchema },
  { additionalProperties: false },
);
export type ImportKindParams = Static<typeof ImportKindParams>;

export const ImportIssueSchema = Type.Object({
  /** The data row, counted from 1 after the header; 0 means the header or the file as a whole. */
  row: Type.Integer({ minimum: 0 }),
  /** The column the problem is in, or null when it concerns the whole row or file. */
  column: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});
export type ImportIssue = Static<typeof ImportIssueSchema>;

export const ImportSummarySchema = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
});
export type ImportSummary = Static<typeof ImportSummarySchema>;

/** The answer of a preview and of a commit: what the file does (or did) to the school. */
export const ImportResultSchema = Type.Object({
  kind: ImportKindSchema,
  /** Data rows in the file. */
  rows: Type.Integer({ minimum: 0 }),
  valid: Type.Boolean(),
  errors: Type.Array(ImportIssueSchema),
  /** Every error found, also when the list stops at IMPORT_MAX_LISTED_ERRORS. */
  errorCount: Type.Integer({ minimum: 0 }),
  summary: ImportSummarySchema,
});
export type ImportResult = Static<typeof ImportResultSchema>;
