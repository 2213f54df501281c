// The words printed on a report-card PDF. The PDF is drawn on the server, so its labels live
// here rather than in the web app's catalogues.

export type PdfLocale = 'en' | 'ar';

export interface PdfLabels {
  reportCard: string;
  academicYear: string;
  term: string;
  dates: string;
  student: string;
  admissionNumber: string;
  gradeSection: string;
  classes: string;
  subjectClass: string;
  teacher: string;
  average: string;
  band: string;
  comment: string;
  noClasses: string;
  noGrade: string;
  attendance: string;
  present: string;
  absent: string;
  late: string;
  excused: string;
  total: string;
  rate: string;
  homeroomComment: string;
  noComment: string;
  generatedOn: string;
  gradingScale: string;
  /** Joins teachers' names. */
  listSeparator: string;
  dateRangeSeparator: string;
}

export const PDF_LABELS: Record<PdfLocale, PdfLabels> = {
  en: {
    reportCard: 'Report card',
    academicYear: 'Academic year',
    term: 'Term',
    dates: 'Dates',
    student: 'Student',
    admissionNumber: 'Admission number',
    gradeSection: 'Grade / section',
    classes: 'Classes',
    subjectClass: 'Subject / class',
    teacher: 'Teacher',
    average: 'Average',
    band: 'Band',
    comment: 'Comment',
    noClasses: 'No classes in this term.',
    noGrade: '—',
    attendance: 'Attendance',
    present: 'Present',
    absent: 'Absent',
    late: 'Late',
    excused: 'Excused',
    total: 'Total',
    rate: 'Attendance rate',
    homeroomComment: 'Homeroom comment',
    noComment: 'No comment.',
    generatedOn: 'Generated on',
    gradingScale: 'Grading scale',
    listSeparator: ', ',
    dateRangeSeparator: ' – ',
  },
  ar: {
    reportCard: 'الشهادة المدرسية',
    academicYear: 'العام الدراسي',
    term: 'الفصل الدراسي',
    dates: 'المدة',
    student: 'الطالب',
    admissionNumber: 'رقم القيد',
    gradeSection: 'الصف / الشعبة',
    classes: 'المواد',
    subjectClass: 'المادة / المقرر',
    teacher: 'المعلم',
    average: 'المعدل',
    band: 'التقدير',
    comment: 'الملاحظة',
    noClasses: 'لا توجد مواد في هذا الفصل.',
    noGrade: '—',
    attendance: 'الحضور',
    present: 'حاضر',
    absent: 'غائب',
    late: 'متأخر',
    excused: 'غياب بعذر',
    total: 'المجموع',
    rate: 'نسبة الحضور',
    homeroomComment: 'ملاحظة مربي الصف',
    noComment: 'لا توجد ملاحظة.',
    generatedOn: 'تاريخ الإصدار',
    gradingScale: 'سلم التقدير',
    listSeparator: '، ',
    dateRangeSeparator: ' – ',
  },
};
