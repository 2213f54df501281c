// The sign-in page's query string: where to go afterwards, and a note about how the visitor
// got here. Both come from the address bar, so unknown values are dropped.

export const SIGN_IN_NOTICES = ['password-reset', 'session-ended', 'signed-out'] as const;
export type SignInNotice = (typeof SIGN_IN_NOTICES)[number];

export interface SignInSearch {
  next?: string;
  notice?: SignInNotice;
}

export function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  const result: SignInSearch = {};
  if (typeof search.next === 'string' && search.next.startsWith('/')) result.next = search.next;
  const notice = search.notice;
  if (typeof notice === 'string' && (SIGN_IN_NOTICES as readonly string[]).includes(notice)) {
    result.notice = notice as SignInNotice;
  }
  return result;
}
