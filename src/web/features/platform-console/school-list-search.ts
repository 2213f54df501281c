// The school list's filters live in the address, so a list can be bookmarked and survives a
// visit to a school and back. They come from the address bar, so anything unknown is dropped.

export const SCHOOL_STATUS_FILTERS = ['trial', 'active', 'suspended', 'archived'] as const;
export type SchoolStatusFilter = (typeof SCHOOL_STATUS_FILTERS)[number];

export const SCHOOL_SORTS = ['created', 'lastActivity', 'students', 'requests', 'name'] as const;
export type SchoolSort = (typeof SCHOOL_SORTS)[number];

export type SortOrder = 'asc' | 'desc';

export interface SchoolListFilters {
  q: string;
  status: SchoolStatusFilter | '';
  planId: string;
  sort: SchoolSort;
  order: SortOrder;
}

/** Names read A to Z; every other column reads biggest or newest first. */
export function defaultOrder(sort: SchoolSort): SortOrder {
  return sort === 'name' ? 'asc' : 'desc';
}

function isStatus(value: unknown): value is SchoolStatusFilter {
  return typeof value === 'string' && (SCHOOL_STATUS_FILTERS as readonly string[]).includes(value);
}

export function isSchoolSort(value: unknown): value is SchoolSort {
  return typeof value === 'string' && (SCHOOL_SORTS as readonly string[]).includes(value);
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

export function parseSchoolListSearch(search: Record<string, unknown>): SchoolListFilters {
  const sort = isSchoolSort(search.sort) ? search.sort : 'created';
  const order =
    search.order === 'asc' || search.order === 'desc' ? search.order : defaultOrder(sort);
  return {
    q: text(search.q, 200),
    status: isStatus(search.status) ? search.status : '',
    planId: text(search.plan, 40),
    sort,
    order,
  };
}

/** The address form: defaults are left out, so the plain list has a plain address. */
export function schoolListSearch(filters: SchoolListFilters): Record<string, string> {
  const search: Record<string, string> = {};
  if (filters.q) search.q = filters.q;
  if (filters.status) search.status = filters.status;
  if (filters.planId) search.plan = filters.planId;
  if (filters.sort !== 'created') search.sort = filters.sort;
  if (filters.order !== defaultOrder(filters.sort)) search.order = filters.order;
  return search;
}
