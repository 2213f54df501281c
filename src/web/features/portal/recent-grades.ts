import type { ScoreStatusValue, StudentGrades } from '../../../shared/contracts/gradebook.js';

// The home page's share of a student's grades: the latest assessments that have a mark for
// her, and each class's average. The API lists a class's assessments by due date (undated
// last, then in the order they were made) and has no publication time for a student, so
// "latest" is the latest due date, and among undated ones the one made last.

export interface RecentGrade {
  assessmentId: string;
  title: string;
  classId: string;
  className: string;
  subjectName: string;
  dueOn: string | null;
  maxScore: number;
  status: ScoreStatusValue;
  points: number | null;
}

export interface ClassAverage {
  classId: string;
  className: string;
  subjectName: string;
  percent: number | null;
  band: string | null;
}

export function recentGrades(grades: StudentGrades, limit = 5): RecentGrade[] {
  const found: (RecentGrade & { order: number })[] = [];
  for (const entry of grades.classes) {
    entry.assessments.forEach((assessment, order) => {
      if (!assessment.published || assessment.score === null) return;
      found.push({
        assessmentId: assessment.id,
        title: assessment.title,
        classId: entry.class.id,
        className: entry.class.name,
        subjectName: entry.subject.name,
        dueOn: assessment.dueOn,
        maxScore: assessment.maxScore,
        status: assessment.score.status,
        points: assessment.score.points,
        order,
      });
    });
  }
  found.sort((a, b) => {
    if (a.dueOn !== b.dueOn) {
      if (a.dueOn === null) return 1;
      if (b.dueOn === null) return -1;
      return b.dueOn.localeCompare(a.dueOn);
    }
    return b.order - a.order || a.className.localeCompare(b.className);
  });
  return found.slice(0, Math.max(0, limit)).map(({ order: _order, ...grade }) => grade);
}

/** Every class of the term with its average, by subject then class name. */
export function classAverages(grades: StudentGrades): ClassAverage[] {
  return grades.classes
    .map((entry) => ({
      classId: entry.class.id,
      className: entry.class.name,
      subjectName: entry.subject.name,
      percent: entry.percent,
      band: entry.band,
    }))
    .sort(
      (a, b) =>
        a.subjectName.localeCompare(b.subjectName) || a.className.localeCompare(b.className),
    );
}
