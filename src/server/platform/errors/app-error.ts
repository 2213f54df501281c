// One error type for every failure the API reports on purpose. The code is stable and
// documented; the HTTP status comes from the one map below, never from the throw site.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_CSV: 400,
  INVALID_HOST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_SETUP_REQUIRED: 401,
  FORBIDDEN: 403,
  READ_ONLY_SESSION: 403,
  CROSS_ORIGIN_REQUEST: 403,
  FEATURE_NOT_AVAILABLE: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  ROLE_NOT_FOUND: 404,
  STUDENT_NOT_FOUND: 404,
  GUARDIAN_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  ACADEMIC_YEAR_NOT_FOUND: 404,
  TERM_NOT_FOUND: 404,
  GRADE_LEVEL_NOT_FOUND: 404,
  SECTION_NOT_FOUND: 404,
  SUBJECT_NOT_FOUND: 404,
  ROOM_NOT_FOUND: 404,
  CLASS_NOT_FOUND: 404,
  ENROLLMENT_NOT_FOUND: 404,
  PERIOD_NOT_FOUND: 404,
  TIMETABLE_ENTRY_NOT_FOUND: 404,
  ATTENDANCE_REGISTER_NOT_FOUND: 404,
  ABSENCE_NOTE_NOT_FOUND: 404,
  ATTENDANCE_UNLOCK_NOT_FOUND: 404,
  GRADING_SCALE_NOT_FOUND: 404,
  ASSESSMENT_CATEGORY_NOT_FOUND: 404,
  ASSESSMENT_NOT_FOUND: 404,
  REPORT_CARD_NOT_FOUND: 404,
  REPORT_CARD_COMMENT_NOT_FOUND: 404,
  SCHOOL_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  SLUG_TAKEN: 409,
  INVALID_TRANSITION: 409,
  EMAIL_TAKEN: 409,
  ROLE_IN_USE: 409,
  ADMISSION_NUMBER_TAKEN: 409,
  EMPLOYEE_NUMBER_TAKEN: 409,
  ACCOUNT_ALREADY_LINKED: 409,
  IN_USE: 409,
  ENROLLMENT_STARTED: 409,
  ENROLLMENT_ENDED: 409,
  TIMETABLE_CONFLICT: 409,
  ABSENCE_NOTE_REVIEWED: 409,
  REPORT_CARDS_PUBLISHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ROWS: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  PLAN_LIMIT_REACHED: 422,
  IMPORT_INVALID: 422,
  BOT_CHECK_FAILED: 422,
  PASSWORD_TOO_WEAK: 422,
  INVALID_TOKEN: 422,
  STUDENT_NOT_ENROLLABLE: 422,
  ATTENDANCE_WINDOW_CLOSED: 422,
  NOT_ON_ROSTER: 422,
  TENANT_SUSPENDED: 423,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  MAINTENANCE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
  /** For a CSV file: the data row (1-based; 0 is the header or the whole file) and column. */
  row?: number;
  column?: string | null;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

export class AppError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
    this.headers = headers;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details && this.details.length > 0 ? { details: this.details } : {}),
      },
    };
  }
}

/** The one answer for "no school here": identical for unknown, provisioning and archived. */
export function schoolNotFound(): AppError {
  return new AppError('SCHOOL_NOT_FOUND', 'There is no school at this address.');
}
