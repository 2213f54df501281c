import { Type } from '@sinclair/typebox';

export const PublicSchoolProfileSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    name: Type.String(),
    locale: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
    timezone: Type.String(),
    branding: Type.Object({
      primaryColor: Type.String(),
      logoUrl: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  { $id: 'PublicSchoolProfile' },
);
