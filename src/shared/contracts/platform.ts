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
