// What a published report card holds. It is stored as a snapshot when a term's cards are
// published, and the PDF and the portal screens are drawn from it.

export interface ReportCardClassLine {
  classId: string;
  className: string;
  subjectName: string;
  teacherNames: string[];
  /** Term average in percent (two decimals), or null when nothing counts yet. */
  average: number | null;
  /** The grading-scale band for the average, or null. */
  band: string | null;
  comment: string | null;
  commentAuthor: string | null;
}

export interface ReportCardAttendance {
  present: number;
  absent: number;
  late: number;
  excused: number;
  /** Marks counted (all four statuses). */
  total: number;
  /** Present or late as a percent of the marks, or null with no marks. */
  ratePercent: number | null;
}

export interface ReportCardContent {
  version: 1;
  school: { name: string; locale: 'en' | 'ar' };
  term: { id: string; name: string; startsOn: string; endsOn: string; academicYearName: string };
  student: {
    id: string;
    firstName: string;
    lastName: string;
    studentNumber: string;
    gradeLevelName: string | null;
    sectionName: string | null;
  };
  scaleName: string | null;
  classes: ReportCardClassLine[];
  attendance: ReportCardAttendance;
  homeroomComment: { body: string; authorName: string } | null;
  /** ISO timestamp of the snapshot. */
  generatedAt: string;
}
