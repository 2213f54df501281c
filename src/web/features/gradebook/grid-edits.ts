import type { Score, ScoreInput, ScoreStatusValue } from '../../../shared/contracts/gradebook.js';

// Edits in the score grid are kept as drafts per cell until "Save scores" sends them in one
// request. A draft holds what the teacher typed; turning drafts into the request body decides
// which cells really changed and which cannot be sent as they are.

export interface CellDraft {
  status: ScoreStatusValue;
  /** The points as typed (any digits, either decimal separator); used when status is scored. */
  pointsText: string;
  comment: string | null;
}

export type Drafts = Readonly<Record<string, CellDraft>>;

export type CellProblem = 'invalid' | 'aboveMax' | 'required';

export function cellKey(assessmentId: string, studentId: string): string {
  return `${assessmentId}:${studentId}`;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/**
 * Points typed in any of the digit sets an Arabic or English keyboard produces, with a point,
 * a comma or the Arabic decimal separator. Empty is null; anything else unreadable is NaN.
 */
export function parsePoints(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const western = [...trimmed]
    .map((ch) => {
      const arabic = ARABIC_INDIC.indexOf(ch);
      if (arabic >= 0) return String(arabic);
      const extended = EXTENDED_ARABIC_INDIC.indexOf(ch);
      if (extended >= 0) return String(extended);
      return ch === '٫' || ch === ',' ? '.' : ch;
    })
    .join('');
  if (!/^\d+(\.\d{1,2})?$|^\.\d{1,2}$/.test(western)) return Number.NaN;
  return Number(western);
}

/** The draft a stored score (or an empty cell) starts from. */
export function draftFrom(stored: Score | undefined): CellDraft {
  if (!stored) return { status: 'scored', pointsText: '', comment: null };
  return {
    status: stored.status,
    pointsText: stored.points === null ? '' : String(stored.points),
    comment: stored.comment,
  };
}

function normalComment(comment: string | null): string | null {
  const trimmed = comment?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** What is wrong with the cell as typed, if anything. */
export function cellProblem(
  draft: CellDraft,
  stored: Score | undefined,
  maxScore: number,
): CellProblem | null {
  if (draft.status !== 'scored') return null;
  const points = parsePoints(draft.pointsText);
  if (points === null) return stored ? 'required' : null;
  if (Number.isNaN(points)) return 'invalid';
  return points > maxScore ? 'aboveMax' : null;
}

/** Whether sending the draft would change what is stored. */
export function isChanged(draft: CellDraft, stored: Score | undefined): boolean {
  const comment = normalComment(draft.comment);
  if (!stored) {
    return draft.status !== 'scored' || draft.pointsText.trim() !== '' || comment !== null;
  }
  if (draft.status !== stored.status || comment !== stored.comment) return true;
  if (draft.status !== 'scored') return false;
  const points = parsePoints(draft.pointsText);
  return points !== stored.points;
}

export interface SavePlan {
  items: ScoreInput[];
  /** The cell key behind each item, so a refusal naming `scores.<i>` finds its cell. */
  keys: string[];
  problems: Record<string, CellProblem>;
}

/** The request body for the changed cells, or the problems that keep it from being sent. */
export function planSave(
  drafts: Drafts,
  stored: ReadonlyMap<string, Score>,
  maxScores: ReadonlyMap<string, number>,
): SavePlan {
  const items: ScoreInput[] = [];
  const keys: string[] = [];
  const problems: Record<string, CellProblem> = {};
  for (const [key, draft] of Object.entries(drafts)) {
    const [assessmentId = '', studentId = ''] = key.split(':');
    const before = stored.get(key);
    if (!isChanged(draft, before)) continue;
    const problem = cellProblem(draft, before, maxScores.get(assessmentId) ?? Infinity);
    if (problem) {
      problems[key] = problem;
      continue;
    }
    const comment = normalComment(draft.comment);
    const points = draft.status === 'scored' ? parsePoints(draft.pointsText) : null;
    // A comment alone cannot be stored: a score needs points, or excused or missing.
    if (draft.status === 'scored' && points === null) {
      problems[key] = 'required';
      continue;
    }
    items.push({
      assessmentId,
      studentId,
      status: draft.status,
      ...(draft.status === 'scored' ? { points: points ?? 0 } : {}),
      ...(comment !== (before?.comment ?? null) ? { comment } : {}),
    });
    keys.push(key);
  }
  return { items, keys, problems };
}

/** The number of cells that differ from what is stored. */
export function countChanges(drafts: Drafts, stored: ReadonlyMap<string, Score>): number {
  let count = 0;
  for (const [key, draft] of Object.entries(drafts)) if (isChanged(draft, stored.get(key))) count++;
  return count;
}

/**
 * Maps the server's refusal details (`scores.<index>.<field>`) back to the cells they name.
 */
export function problemsFromDetails(
  details: readonly { field: string; code: string }[],
  keys: readonly string[],
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const detail of details) {
    const match = /^scores\.(\d+)(?:\.|$)/.exec(detail.field);
    const key = match ? keys[Number(match[1])] : undefined;
    if (key && !(key in found)) found[key] = detail.code;
  }
  return found;
}
