import { Type, type Static } from '@sinclair/typebox';

// API contract for identity on a school host and on the platform host. Routes validate and
// serialise with these schemas; the web app imports their static types only.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });
const NewPassword = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
const Token = Type.String({ minLength: 20, maxLength: 200 });
const Id = Type.String({ format: 'uuid' });
const LocaleSchema = Type.Union([Type.Literal('en'), Type.Literal('ar')]);
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const RoleName = Type.Union([
  Type.Literal('admin'),
  Type.Literal('teacher'),
  Type.Literal('student'),
  Type.Literal('guardian'),
  Type.Literal('accountant'),
  Type.Literal('staff'),
]);

export const SignInBody = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const OperatorSignInBody = Type.Object(
  { email: Email, password: Password, totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) },
  { additionalProperties: false },
);
export type OperatorSignInBody = Static<typeof OperatorSignInBody>;

export const PasswordResetRequestBody = Type.Object(
  { email: Email },
  { additionalProperties: false },
);
export const PasswordResetConfirmBody = Type.Object(
  { token: Token, password: NewPassword },
  { additionalProperties: false },
);
export const InvitationInspectBody = Type.Object({ token: Token }, { additionalProperties: false });
export const InvitationAcceptBody = Type.Object(
  {
    token: Token,
    password: NewPassword,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const InvitationSummary = Type.Object({
  email: Type.String(),
  name: Type.String(),
  schoolName: Type.String(),
});
export type InvitationSummary = Static<typeof InvitationSummary>;

export const ImpersonationAcceptBody = Type.Object(
  { token: Token },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('disabled')]),
  roles: Type.Array(RoleName),
  customRoleIds: Type.Array(Id),
  locale: Type.Union([LocaleSchema, Type.Null()]),
  lastLoginAt: NullableTimestamp,
  createdAt: Timestamp,
});
export type User = Static<typeof UserSchema>;

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.Union([Id, Type.Null()]),
    email: Type.String(),
    name: Type.String(),
  }),
  roles: Type.Array(Type.String()),
  customRoles: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  permissions: Type.Array(Type.String()),
  scopes: Type.Record(Type.String(), Type.Array(Type.String())),
  locale: LocaleSchema,
  impersonation: Type.Union([
    Type.Null(),
    Type.Object({ operatorEmail: Type.String(), readOnly: Type.Boolean(), expiresAt: Timestamp }),
  ]),
});
export type Me = Static<typeof MeSchema>;

export const NavigationSchema = Type.Object({
  items: Type.Array(
    Type.Object({ key: Type.String(), labelKey: Type.String(), path: Type.String() }),
  ),
});
export type Navigation = Static<typeof NavigationSchema>;

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(Type.Union([LocaleSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const UserListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })),
      role: Type.Optional(RoleName),
      status: Type.Optional(
        Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('disabled')]),
      ),
    }),
  ],
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const InviteUserBody = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleName, { uniqueItems: true, maxItems: 6 }),
    customRoleIds: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type InviteUserBody = Static<typeof InviteUserBody>;

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(RoleName, { uniqueItems: true, maxItems: 6 })),
    customRoleIds: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 50 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const CustomRoleSchema = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  assignedUsers: Type.Integer(),
});
export type CustomRole = Static<typeof CustomRoleSchema>;

export const RolesSchema = Type.Object({
  builtIn: Type.Array(
    Type.Object({ key: RoleName, permissions: Type.Record(Type.String(), Type.String()) }),
  ),
  custom: Type.Array(CustomRoleSchema),
});
export type Roles = Static<typeof RolesSchema>;

export const CustomRoleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    permissions: Type.Array(Type.String({ maxLength: 60 }), {
      uniqueItems: true,
      minItems: 1,
      maxItems: 64,
    }),
  },
  { additionalProperties: false },
);
export type CustomRoleBody = Static<typeof CustomRoleBody>;

export const AuditEventSchema = Type.Object({
  id: Id,
  at: Timestamp,
  actorUserId: Type.Union([Id, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorOperatorId: Type.Union([Id, Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      action: Type.Optional(Type.String({ maxLength: 100 })),
      entityType: Type.Optional(Type.String({ maxLength: 100 })),
      actorUserId: Type.Optional(Id),
      from: Type.Optional(Timestamp),
      to: Type.Optional(Timestamp),
    }),
  ],
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

export const OutboxMessageSchema = Type.Object({
  id: Id,
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  createdAt: Timestamp,
  sentAt: NullableTimestamp,
});
export type OutboxMessage = Static<typeof OutboxMessageSchema>;

export const SchoolSettingsSchema = Type.Object({
  name: Type.String(),
  locale: LocaleSchema,
  timezone: Type.String(),
  primaryColor: Type.String(),
  logoUrl: Type.Union([Type.String(), Type.Null()]),
});
export type SchoolSettings = Static<typeof SchoolSettingsSchema>;

export const UpdateSchoolSettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    locale: Type.Optional(LocaleSchema),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    primaryColor: Type.Optional(Type.String({ pattern: '^#[0-9a-f]{6}$' })),
    logoUrl: Type.Optional(
      Type.Union([Type.String({ pattern: '^https://', maxLength: 500 }), Type.Null()]),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OperatorMeSchema = Type.Object({
  operator: Type.Object({ id: Id, email: Type.String(), name: Type.String() }),
});
export type OperatorMe = Static<typeof OperatorMeSchema>;

export const StartImpersonationBody = Type.Object(
  {
    reason: Type.String({ minLength: 10, maxLength: 500 }),
    readOnly: Type.Optional(Type.Boolean({ default: true })),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 30 })),
  },
  { additionalProperties: false },
);
export type StartImpersonationBody = Static<typeof StartImpersonationBody>;

export const ImpersonationStartedSchema = Type.Object({ url: Type.String(), expiresAt: Timestamp });
