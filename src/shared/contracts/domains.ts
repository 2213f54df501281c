import { Type, type Static } from '@sinclair/typebox';

// API contract for custom domains: a school admin connects a hostname the school owns and
// proves it with a DNS TXT record; operators oversee every school's domains.

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const DomainStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('verified'),
  Type.Literal('failed'),
]);
export type DomainStatusValue = Static<typeof DomainStatusSchema>;

export const DomainInstructionsSchema = Type.Object({
  txt: Type.Object({ name: Type.String(), value: Type.String() }),
  cname: Type.Object({ name: Type.String(), target: Type.String() }),
});
export type DomainInstructions = Static<typeof DomainInstructionsSchema>;

const DomainFields = {
  id: Id,
  hostname: Type.String(),
  status: DomainStatusSchema,
  verifiedAt: NullableTimestamp,
  lastCheckedAt: NullableTimestamp,
  lastError: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  nextCheckAt: NullableTimestamp,
  createdAt: Timestamp,
  /** Only in the answer to a check: whether the host's CNAME points at the school. */
  cnameOk: Type.Optional(Type.Boolean()),
};

export const DomainSchema = Type.Object({
  ...DomainFields,
  instructions: DomainInstructionsSchema,
});
export type Domain = Static<typeof DomainSchema>;

export const DomainListSchema = Type.Object({
  items: Type.Array(DomainSchema),
  maxDomains: Type.Integer(),
});
export type DomainList = Static<typeof DomainListSchema>;

export const AddDomainBody = Type.Object(
  { hostname: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
export type AddDomainBody = Static<typeof AddDomainBody>;

export const PlatformDomainSchema = Type.Object({
  ...DomainFields,
  school: Type.Object({ id: Id, slug: Type.String(), name: Type.String() }),
});
export type PlatformDomain = Static<typeof PlatformDomainSchema>;

export const PlatformDomainListQuery = Type.Object(
  {
    status: Type.Optional(DomainStatusSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PlatformDomainListQuery = Static<typeof PlatformDomainListQuery>;

export const RemoveDomainBody = Type.Object(
  { reason: Type.String({ minLength: 10, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RemoveDomainBody = Static<typeof RemoveDomainBody>;

// Extra parameters a proxy may add are ignored rather than refused.
export const TlsAskQuery = Type.Object({ domain: Type.String({ minLength: 1, maxLength: 300 }) });
export type TlsAskQuery = Static<typeof TlsAskQuery>;
