import { describe, expect, it } from 'vitest';
import { throughputLines, THROUGHPUT_MAX_LINES } from '../../src/lib/charts/throughput-lines';
import { OTHERS_LINE_COLOUR, timelineLayout } from '../../src/lib/charts/timeline';
import type { DailySeries } from '../../src/lib/metrics/throughput/daily-trend';

const point = (day: string, assignments: number) => ({
  day,
  units: assignments,
  assignments,
  annotators: 1,
  units_per_annotator: assignments,
  active_hours: null,
});
const series = (annotator_id: string, points: [string, number][], slope: number | null = null): DailySeries => ({
  annotator_id,
  points: points.map(([day, n]) => point(day, n)),
  slope_per_day: slope,
  reasons: {},
});

describe('throughputLines', () => {
  const few = [series('a', [['2026-01-01', 4]], null), series('b', [['2026-01-02', 2]], null)];

  it('draws every series up to the limit, no "others" line', () => {
    const lines = throughputLines(few, 'annotator_id');
    expect(lines.lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect([lines.series, lines.othersSeries, lines.othersAnswers, lines.answers]).toEqual([2, 0, 0, 6]);
    expect(lines.summary).toBe('a: 4 answers on 1 days (no trend); b: 2 answers on 1 days (no trend)');
  });

  it('above the limit: the busiest lines and one "others" line summing the rest per day, totals exact', () => {
    // 3,000 annotators: annotator a answers (a mod 13) + 1 on 2026-01-01 and 1 on 2026-01-0(1 + a mod 3)
    const many = Array.from({ length: 3000 }, (_, a) =>
      series(`ann-${String(a).padStart(4, '0')}`, [
        ['2026-01-01', (a % 13) + 1],
        [`2026-01-0${2 + (a % 3)}`, 1],
      ]),
    );
    const lines = throughputLines(many, 'annotator_id');
    expect(lines.lines).toHaveLength(THROUGHPUT_MAX_LINES + 1);
    // totals (a mod 13) + 2: the busiest have 14, a ≡ 12 (mod 13): ann-0012, ann-0025, … — the first seven by name
    expect(lines.lines.slice(0, 7).map((l) => l.id)).toEqual(
      [12, 25, 38, 51, 64, 77, 90].map((a) => `ann-${String(a).padStart(4, '0')}`),
    );
    const others = lines.lines.at(-1)!;
    expect(others.others).toBe(true);
    expect(others.id).toBe('2,993 other annotators together');
    // every day: the named lines plus "others" equal the day's total over all 3,000
    for (const day of ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']) {
      const all = many
        .flatMap((s) => s.points)
        .filter((p) => p.day === day)
        .reduce((a, p) => a + p.assignments, 0);
      const drawn = lines.lines
        .flatMap((l) => l.points)
        .filter((p) => p.day === day)
        .reduce((a, p) => a + p.value, 0);
      expect(drawn).toBe(all);
    }
    // Σ over a < 3000 of (a mod 13) + 2: 230 full cycles of 0..12 (sum 78) + a = 2990..2999 → 0..9 (sum 45); + 2 × 3000
    expect(lines.answers).toBe(230 * 78 + 45 + 6000);
    expect(lines.othersAnswers).toBe(lines.answers - 7 * 14);
    expect(lines.summary).toMatch(
      /^23,985 answers by 3,000 annotators; the 7 with the most answers have a line: ann-0012: 14 answers/,
    );
    expect(lines.summary).toMatch(/2,993 other annotators together \(dashed grey line\): 23,887 answers on 4 days$/);
    // and the layout draws 8 lines, the last grey
    const layout = timelineLayout(lines.lines, 600, 200);
    expect(layout.series).toHaveLength(8);
    expect(layout.series.at(-1)!.colour).toBe(OTHERS_LINE_COLOUR);
    expect(new Set(layout.series.map((s) => s.key)).size).toBe(8);
  });

  it('names batches in the plural correctly', () => {
    const batches = Array.from({ length: 9 }, (_, b) => ({
      ...series('', [['2026-01-01', b + 1]]),
      annotator_id: undefined,
      batch_id: `b${b}`,
    }));
    // batch b has b + 1 answers: b8 … b2 have lines, b0 and b1 (1 + 2 = 3 answers) are "others"
    const lines = throughputLines(batches, 'batch_id');
    expect(lines.lines.at(-1)).toMatchObject({ id: '2 other batches together', points: [{ day: '2026-01-01', value: 3 }] });
  });
});
