// Which term a report-card screen opens on: the one running today, else the latest that has
// started, else the first one.

export interface TermLike {
  id: string;
  startsOn: string;
  endsOn: string;
}

export function defaultTermId(terms: readonly TermLike[], today: string): string {
  const running = terms.find((t) => t.startsOn <= today && today <= t.endsOn);
  if (running) return running.id;
  const started = terms.filter((t) => t.startsOn <= today);
  const latest = started.reduce<TermLike | null>(
    (best, t) => (!best || t.startsOn > best.startsOn ? t : best),
    null,
  );
  return latest?.id ?? terms[0]?.id ?? '';
}
