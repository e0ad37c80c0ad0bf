/** Working days and timestamps of the sample data: three monthly batches in Sep–Nov 2026, UTC. */

export const DAY_MS = 86_400_000;

export interface Batch {
  id: string;
  /** Working days (Mon–Fri) of the batch, as epoch ms of 00:00 UTC. */
  days: number[];
}

function weekdays(year: number, month: number, from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d++) {
    const ms = Date.UTC(year, month - 1, d);
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(ms);
  }
  return days;
}

/** The three delivered batches: one per month, working days only. */
export const BATCHES: Batch[] = [
  { id: 'batch-2026-09', days: weekdays(2026, 9, 1, 30) },
  { id: 'batch-2026-10', days: weekdays(2026, 10, 1, 30) },
  { id: 'batch-2026-11', days: weekdays(2026, 11, 2, 27) },
];

const ALL_DAYS = BATCHES.flatMap((b) => b.days);

/** Position of a working day in the whole period: 0 on the first day, 1 on the last (drives drift). */
export function periodFraction(dayMs: number): number {
  return ALL_DAYS.indexOf(dayMs) / (ALL_DAYS.length - 1);
}

/** ISO 8601 UTC with seconds and a `Z`: `2026-09-01T08:03:12Z`. */
export function isoUtc(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
