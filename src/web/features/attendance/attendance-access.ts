import type { Me } from '../../../shared/contracts/identity.js';

// What the attendance screens offer the signed-in person, from the scopes of their
// permissions. The server decides again on every request; this only picks what to show.

export interface AttendanceAccess {
  /** Takes registers: teachers (her classes and homeroom), staff and admins. */
  records: boolean;
  /** Changes the settings and grants unlocks. */
  manages: boolean;
  /** Accepts and rejects absence notes. */
  reviewsNotes: boolean;
  /** Reads reports and registers: the whole school, or a teacher's own classes. */
  readsRegisters: boolean;
  /** Reads the settings (whole-school readers and recorders). */
  readsSettings: boolean;
  /** Sees absence notes in the inbox: reviewers, and teachers for their students. */
  seesNotesInbox: boolean;
  /** A student reading her own attendance. */
  self: boolean;
  /** A guardian reading her children's attendance and sending notes. */
  children: boolean;
}

export function attendanceAccess(me: Pick<Me, 'scopes'>): AttendanceAccess {
  const read = me.scopes['attendance:read'] ?? [];
  const record = me.scopes['attendance:record'] ?? [];
  const manages = (me.scopes['attendance:manage'] ?? []).length > 0;
  const readsRegisters = read.includes('all') || read.includes('own-classes');
  const reviewsNotes = manages || record.includes('all');
  return {
    records: record.length > 0,
    manages,
    reviewsNotes,
    readsRegisters,
    readsSettings: read.includes('all') || record.length > 0,
    seesNotesInbox: reviewsNotes || read.includes('own-classes'),
    self: read.includes('self'),
    children: read.includes('children'),
  };
}
