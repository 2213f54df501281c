import { Type, type Static } from '@sinclair/typebox';

// API contract for the operator console on the platform host.

export const SchoolSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  status: Type.String(),
  planId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SchoolSummary = Static<typeof SchoolSummarySchema>;

export const SchoolListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PlatformAuditEventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  at: Type.String({ format: 'date-time' }),
  operatorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  schoolSlug: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type PlatformAuditEvent = Static<typeof PlatformAuditEventSchema>;

const Reason = Type.String({ minLength: 5, maxLength: 500 });
const Status = Type.Union(
  ['provisioning', 'trial', 'active', 'suspended', 'archived'].map((s) => Type.Literal(s)),
);

export const SchoolAdminListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Status),
    planId: Type.Optional(Type.String({ maxLength: 40 })),
    sort: Type.Optional(
      Type.Union(
        ['created', 'lastActivity', 'students', 'requests', 'name'].map((s) => Type.Literal(s)),
      ),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const SchoolAdminSummarySchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  status: Type.String(),
  planId: Type.String(),
  trialEndsAt: Type.Union([Type.String(), Type.Null()]),
  maintenance: Type.Boolean(),
  createdAt: Type.String(),
  lastActivityAt: Type.String(),
  userCount: Type.Integer(),
  studentCount: Type.Integer(),
  requests30d: Type.Integer(),
});
export type SchoolAdminSummary = Static<typeof SchoolAdminSummarySchema>;

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const MaintenanceBody = Type.Object(
  { enabled: Type.Boolean(), reason: Reason },
  { additionalProperties: false },
);
export const RenameBody = Type.Object(
  { slug: Type.String({ minLength: 1, maxLength: 63 }), reason: Reason },
  { additionalProperties: false },
);
export const PlanChangeBody = Type.Object(
  {
    planId: Type.String({ minLength: 1, maxLength: 40 }),
    limitOverrides: Type.Optional(
      Type.Object(
        {
          maxStudents: Type.Optional(Type.Integer({ minimum: 0 })),
          maxStaff: Type.Optional(Type.Integer({ minimum: 0 })),
          maxUsers: Type.Optional(Type.Integer({ minimum: 0 })),
          maxStorageMb: Type.Optional(Type.Integer({ minimum: 0 })),
          rateLimitPerMinute: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    features: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.Boolean()),
    ),
    reason: Reason,
  },
  { additionalProperties: false },
);
export const TrialBody = Type.Object(
  {
    extendDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    end: Type.Optional(Type.Boolean()),
    reason: Reason,
  },
  { additionalProperties: false, minProperties: 2 },
);
export const DeleteSchoolBody = Type.Object(
  { confirmSlug: Type.String({ minLength: 1, maxLength: 63 }), reason: Reason },
  { additionalProperties: false },
);
export const CreateSchoolBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    slug: Type.String({ minLength: 1, maxLength: 63 }),
    adminName: Type.String({ minLength: 1, maxLength: 200 }),
    adminEmail: Type.String({ format: 'email', maxLength: 254 }),
    planId: Type.Optional(Type.String({ maxLength: 40 })),
    trialDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateSchoolBody = Static<typeof CreateSchoolBody>;

export const SchoolDetailSchema = Type.Object({
  school: Type.Object({
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    status: Type.String(),
    planId: Type.String(),
    trialEndsAt: Type.Union([Type.String(), Type.Null()]),
    maintenance: Type.Boolean(),
    createdAt: Type.String(),
    lastActivityAt: Type.String(),
    userCount: Type.Integer(),
    studentCount: Type.Integer(),
    requests30d: Type.Integer(),
    locale: Type.String(),
    timezone: Type.String(),
    primaryColor: Type.String(),
    features: Type.Record(Type.String(), Type.Boolean()),
    limitOverrides: Type.Record(Type.String(), Type.Number()),
    statusChangedAt: Type.String(),
  }),
  plan: Type.Object({ id: Type.String(), name: Type.String() }),
  limits: Type.Array(
    Type.Object({
      key: Type.String(),
      used: Type.Union([Type.Number(), Type.Null()]),
      limit: Type.Number(),
    }),
  ),
  statusHistory: Type.Array(
    Type.Object({
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      at: Type.String(),
    }),
  ),
  domains: Type.Array(
    Type.Object({
      id: Type.String(),
      hostname: Type.String(),
      status: Type.String(),
      verifiedAt: Type.Union([Type.String(), Type.Null()]),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  recentAudit: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      operatorEmail: Type.Union([Type.String(), Type.Null()]),
      action: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  usage: Type.Array(
    Type.Object({
      day: Type.String(),
      requests: Type.Integer(),
      errors: Type.Integer(),
      p95Ms: Type.Union([Type.Number(), Type.Null()]),
      activeUsers: Type.Integer(),
    }),
  ),
});
export type SchoolDetail = Static<typeof SchoolDetailSchema>;

export const PlanSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  limits: Type.Record(Type.String(), Type.Number()),
  features: Type.Record(Type.String(), Type.Boolean()),
});
