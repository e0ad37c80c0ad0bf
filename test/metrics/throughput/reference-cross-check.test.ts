import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { dailyTrend } from '../../../src/lib/metrics/throughput/daily-trend';
import { durationHistogram } from '../../../src/lib/metrics/throughput/duration-histogram';
import { activeTimeReference, quantileType7, type TimedAnswer } from '../../../src/lib/metrics/throughput/reference';
import type { Filters } from '../../../src/lib/metrics/filters';
import { throughputBy } from '../../../src/lib/metrics/throughput/throughput-by';
import { seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Random exports (fixed seed) with timestamps written in five time zones; the SQL figures are
// checked against the plain-TS references of reference.ts computed from the UTC instants.
const OFFSETS_MIN = [0, 330, -480, 60, -300];

function isoWithOffset(utcMs: number, offsetMin: number): string {
  if (offsetMin === 0) return new Date(utcMs).toISOString().replace('.000Z', 'Z');
  const local = new Date(utcMs + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

interface Generated extends TimedAnswer {
  item: string;
}

function generate(seed: number): Generated[] {
  const random = seededRandom(seed);
  const rows: Generated[] = [];
  for (let a = 0; a < 6; a++) {
    let t = Date.UTC(2024, 0, 10, 18) + Math.floor(random() * 8 * 3600) * 1000;
    for (let i = 0; i < 60; i++) {
      const pause = random() < 0.12 ? 31 * 60 + random() * 600 * 60 : random() * 12 * 60;
      t += Math.round(pause) * 1000;
      rows.push({
        annotator_id: `ann-${a}`,
        item: `it-${i}`,
        submitted_ms: t,
        duration_s: random() < 0.25 ? null : Math.round(random() * 3000) / 10,
      });
    }
  }
  return rows;
}

const ROWS = generate(20240110);
const CSV =
  'item_id,annotator_id,label,strategy,submitted_at,duration_s\n' +
  ROWS.map(
    (r, i) =>
      `${r.item},${r.annotator_id},x,rlhf_preference,${isoWithOffset(r.submitted_ms, OFFSETS_MIN[i % OFFSETS_MIN.length])},${r.duration_s ?? ''}`,
  ).join('\n') +
  '\n';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'random.csv', CSV);
});
afterAll(async () => db.close());

describe('throughput SQL vs plain-TS reference', () => {
  it('agrees per annotator on units, UTC days, active time, sessions and quantiles', async () => {
    const sqlRows = await throughputBy(db, {}, ['annotator_id']);
    const active = activeTimeReference(ROWS);
    expect(sqlRows).toHaveLength(6);
    for (const row of sqlRows) {
      const mine = ROWS.filter((r) => r.annotator_id === row.annotator_id);
      const durations = mine.flatMap((r) => (r.duration_s === null ? [] : [r.duration_s]));
      const days = new Set(mine.map((r) => utcDay(r.submitted_ms))).size;
      const ref = active.get(row.annotator_id!)!;
      expect(row.units).toBe(mine.length);
      expect(row.active_days).toBe(days);
      expect(row.units_per_active_day!).toBeCloseTo(mine.length / days, 12);
      expect(row.sessions).toBe(ref.sessions);
      expect(row.sessions_without_duration).toBe(ref.sessions_without_duration);
      expect(Math.abs(row.active_hours! * 3600 - ref.active_s)).toBeLessThan(1e-6);
      expect(row.median_duration_s!).toBeCloseTo(quantileType7(durations, 0.5)!, 9);
      expect(row.p90_duration_s!).toBeCloseTo(quantileType7(durations, 0.9)!, 9);
    }
  });

  it('quantileType7 matches R type 7 on a textbook case', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.5, 0.9)) → 3, 7.6 (type 7: h = (n−1)p = 3.6 → 4 + 0.6·6).
    expect(quantileType7([10, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantileType7([10, 1, 3, 2, 4], 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileType7([], 0.5)).toBeNull();
  });

  it('daily trend counts answers per UTC day like the reference', async () => {
    const [series] = await dailyTrend(db, {}, []);
    const perDay = new Map<string, number>();
    for (const r of ROWS) perDay.set(utcDay(r.submitted_ms), (perDay.get(utcDay(r.submitted_ms)) ?? 0) + 1);
    expect(series.points.map((p) => [p.day, p.assignments])).toEqual([...perDay].sort((a, b) => a[0].localeCompare(b[0])));
    const perAnnotator = await dailyTrend(db, {}, ['annotator_id']);
    expect(perAnnotator).toHaveLength(6);
  });

  it('daily trend points are the throughput figures of the group and day', async () => {
    // Plain TS: distinct items (= units, one question) and annotators per UTC day.
    const units = new Map<string, Set<string>>();
    const annotators = new Map<string, Set<string>>();
    for (const r of ROWS) {
      const day = utcDay(r.submitted_ms);
      units.set(day, (units.get(day) ?? new Set()).add(r.item));
      annotators.set(day, (annotators.get(day) ?? new Set()).add(r.annotator_id));
    }
    const [series] = await dailyTrend(db, {}, []);
    expect(series.points.map((p) => [p.day, p.units, p.annotators])).toEqual(
      [...units.keys()].sort().map((day) => [day, units.get(day)!.size, annotators.get(day)!.size]),
    );
    // Independent path: throughputBy's full row for the same grouping (active hours by its sessionising).
    for (const [keys, filters] of [
      [[], {}],
      [['annotator_id'], {}],
      [['annotator_id'], { annotators: ['ann-2', 'ann-4'] }],
    ] as ['annotator_id'[], Filters][]) {
      const full = await throughputBy(db, filters, [...keys, 'day']);
      const points = (await dailyTrend(db, filters, keys)).flatMap((s) =>
        s.points.map((p) => ({ annotator_id: s.annotator_id, ...p })),
      );
      expect(points).toHaveLength(full.length);
      for (const [i, p] of points.entries()) {
        const row = full[i];
        expect([p.day, p.units, p.assignments, p.annotators]).toEqual([row.day, row.units, row.assignments, row.annotators]);
        if (keys.length) expect(p.annotator_id).toBe(row.annotator_id);
        expect(p.active_hours!).toBeCloseTo(row.active_hours!, 12);
      }
    }
  });

  it('duration histogram counts like a plain-TS binning', async () => {
    const h = await durationHistogram(db, {}, 20);
    const durations = ROWS.flatMap((r) => (r.duration_s === null ? [] : [r.duration_s]));
    const width = h.edges[1] - h.edges[0];
    const last = h.edges[h.edges.length - 1];
    const counts = new Array(h.counts.length).fill(0);
    let above = 0;
    for (const d of durations) {
      if (d > last) above++;
      else counts[Math.min(Math.floor(d / width), counts.length - 1)]++;
    }
    expect(h.total).toBe(durations.length);
    expect(h.counts).toEqual(counts);
    expect(h.above).toBe(above);
    expect(last).toBeGreaterThanOrEqual(quantileType7(durations, 0.99)!);
  });
});
