import { Type, type Static } from '@sinclair/typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './identity.js';

export const SignupChallengeSchema = Type.Object({
  challenge: Type.String(),
  bits: Type.Integer(),
  notBefore: Type.String({ format: 'date-time' }),
});
export type SignupChallenge = Static<typeof SignupChallengeSchema>;

export const SignupBody = Type.Object(
  {
    schoolName: Type.String({ minLength: 2, maxLength: 120 }),
    slug: Type.String({ minLength: 1, maxLength: 63 }),
    adminName: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
    proof: Type.Object(
      { challenge: Type.String({ maxLength: 400 }), nonce: Type.String({ maxLength: 40 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof SignupBody>;

export const SignupResultSchema = Type.Object({
  school: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  signInUrl: Type.String(),
  trialEndsAt: Type.String({ format: 'date-time' }),
});
export type SignupResult = Static<typeof SignupResultSchema>;

export const SlugAvailabilityQuery = Type.Object(
  { slug: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);
export const SlugAvailabilitySchema = Type.Object({
  slug: Type.String(),
  available: Type.Boolean(),
  reason: Type.Union([
    Type.Literal('available'),
    Type.Literal('taken'),
    Type.Literal('reserved'),
    Type.Literal('too_short'),
    Type.Literal('too_long'),
    Type.Literal('invalid_characters'),
    Type.Literal('double_hyphen'),
  ]),
});
export type SlugAvailability = Static<typeof SlugAvailabilitySchema>;

export const SignInLinkBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
);
