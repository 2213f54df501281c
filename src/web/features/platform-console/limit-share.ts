export type LimitLevel = 'ok' | 'near' | 'over';

/** How full a limit is, for its bar: 80% and up is near, the limit itself and beyond is over. */
export function limitShare(used: number, limit: number): { percent: number; level: LimitLevel } {
  if (limit <= 0) return used > 0 ? { percent: 100, level: 'over' } : { percent: 0, level: 'ok' };
  const ratio = used / limit;
  const percent = Math.min(100, Math.round(ratio * 1000) / 10);
  return { percent, level: ratio >= 1 ? 'over' : ratio >= 0.8 ? 'near' : 'ok' };
}
