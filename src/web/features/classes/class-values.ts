import type {
  CreateClassBody,
  SchoolClass,
  UpdateClassBody,
} from '../../../shared/contracts/academics.js';

export interface ClassValues {
  name: string;
  subjectId: string;
  termId: string;
  /** `section:<id>` or `grade:<id>`: a class is taught to one section or a whole grade level. */
  group: string;
  roomId: string;
  teacherIds: string[];
}

export const CLASS_FIELDS = [
  'name',
  'subjectId',
  'termId',
  'sectionId',
  'gradeLevelId',
  'roomId',
  'teacherIds',
] as const;

export function groupValue(group: Pick<SchoolClass, 'sectionId' | 'gradeLevelId'>): string {
  if (group.sectionId) return `section:${group.sectionId}`;
  if (group.gradeLevelId) return `grade:${group.gradeLevelId}`;
  return '';
}

export function parseGroup(value: string): {
  sectionId: string | null;
  gradeLevelId: string | null;
} {
  if (value.startsWith('section:')) return { sectionId: value.slice(8), gradeLevelId: null };
  if (value.startsWith('grade:')) return { sectionId: null, gradeLevelId: value.slice(6) };
  return { sectionId: null, gradeLevelId: null };
}

export function classValues(item?: SchoolClass): ClassValues {
  return {
    name: item?.name ?? '',
    subjectId: item?.subjectId ?? '',
    termId: item?.termId ?? '',
    group: item ? groupValue(item) : '',
    roomId: item?.roomId ?? '',
    teacherIds: item?.teacherIds ?? [],
  };
}

export function checkClassValues(
  values: ClassValues,
  messages: { required: string; teacher: string },
  editing: boolean,
): Partial<Record<keyof ClassValues, string>> {
  const found: Partial<Record<keyof ClassValues, string>> = {};
  if (editing && !values.name.trim()) found.name = messages.required;
  if (!values.subjectId) found.subjectId = messages.required;
  if (!values.termId) found.termId = messages.required;
  if (!values.group) found.group = messages.required;
  if (values.teacherIds.length === 0) found.teacherIds = messages.teacher;
  return found;
}

/** A new class; without a name the server derives one from the subject and the group. */
export function newClassBody(values: ClassValues): CreateClassBody {
  const name = values.name.trim();
  return {
    ...(name ? { name } : {}),
    subjectId: values.subjectId,
    termId: values.termId,
    ...parseGroup(values.group),
    roomId: values.roomId || null,
    teacherIds: values.teacherIds,
  };
}

/** Only what changed; moving between a section and a grade level sends both sides. */
export function classChanges(item: SchoolClass, values: ClassValues): UpdateClassBody {
  const body: UpdateClassBody = {};
  const name = values.name.trim();
  if (name !== item.name) body.name = name;
  if (values.subjectId !== item.subjectId) body.subjectId = values.subjectId;
  if (values.termId !== item.termId) body.termId = values.termId;
  if (values.group !== groupValue(item)) Object.assign(body, parseGroup(values.group));
  if ((values.roomId || null) !== item.roomId) body.roomId = values.roomId || null;
  const before = [...item.teacherIds].sort().join();
  if ([...values.teacherIds].sort().join() !== before) body.teacherIds = values.teacherIds;
  return body;
}
