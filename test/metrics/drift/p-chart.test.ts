import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { pChartLimits } from '../../../src/lib/metrics/drift/p-chart-limits';
import { pChart } from '../../../src/lib/metrics/drift/p-chart';
import { freshDb, loadCsvText } from '../../helpers/db';

// Hand-computed fixture (Montgomery ch. 7, p-chart with variable n):
// days (n, errors) = (100, 10), (100, 12), (25, 13), (200, 4): Σn = 425, ΣD = 39, p̄ = 39/425 = 0.0917647…
// n = 100: σ = √(p̄(1−p̄)/100) = 0.0288869 → UCL = 0.178373, LCL = 0.005157
// n = 25:  σ = 0.0577735 → UCL = 0.264981, LCL = max(0, −0.0815) = 0; p = 0.52 > UCL → high
// n = 200: σ = 0.0204262 → UCL = 0.153006, LCL = 0.030524; p = 0.02 < LCL → low
const DAYS: [string, number, number][] = [
  ['2026-03-02', 100, 10],
  ['2026-03-03', 100, 12],
  ['2026-03-04', 25, 13],
  ['2026-03-05', 200, 4],
];
const EXPECTED = [
  { p: 0.1, ucl: 0.17837275988024068, lcl: 0.005156651884465208, flag: null },
  { p: 0.12, ucl: 0.17837275988024068, lcl: 0.005156651884465208, flag: null },
  { p: 0.52, ucl: 0.26498081387812844, lcl: 0, flag: 'high' },
  { p: 0.02, ucl: 0.15300584816963003, lcl: 0.030523563595075846, flag: 'low' },
];

function checkSeries(series: ReturnType<typeof pChartLimits>) {
  expect(series.center).toBeCloseTo(39 / 425, 14);
  expect(series.flagged).toBe(2);
  series.points.forEach((point, i) => {
    expect(point.p).toBeCloseTo(EXPECTED[i].p, 14);
    expect(point.ucl).toBeCloseTo(EXPECTED[i].ucl, 12);
    expect(point.lcl).toBeCloseTo(EXPECTED[i].lcl, 12);
    expect(point.flag).toBe(EXPECTED[i].flag);
  });
}

describe('pChartLimits', () => {
  it('matches the hand computation', () => {
    checkSeries(
      pChartLimits(
        'a',
        DAYS.map(([subgroup, n, errors]) => ({ subgroup, n, errors })),
      ),
    );
  });

  it('collapses the limits onto p̄ = 0 without flagging anything', () => {
    const s = pChartLimits('z', [{ subgroup: 'd', n: 5, errors: 0 }]);
    expect(s.points[0]).toMatchObject({ p: 0, ucl: 0, lcl: 0, flag: null });
  });
});

describe('pChart (SQL)', () => {
  let db: Connector;
  beforeAll(async () => {
    // Annotator "a" answers the DAYS counts (errors answer "no" against gold "yes") in batch
    // "b1"; annotator "z" answers 3 items right on 2026-03-02 in batch "b2"; one undated judgement.
    db = await freshDb();
    const lines = ['item_id,annotator_id,batch_id,answer,gold,submitted_at'];
    let item = 0;
    for (const [day, n, errors] of DAYS) {
      for (let k = 0; k < n; k++) lines.push(`i${item++},a,b1,${k < errors ? 'no' : 'yes'},yes,${day}T10:00:00Z`);
    }
    for (let k = 0; k < 3; k++) lines.push(`z${k},z,b2,yes,yes,2026-03-02T23:59:59Z`);
    lines.push('u1,z,b2,yes,yes,');
    await loadCsvText(db, 'pchart.csv', lines.join('\n') + '\n');
  });
  afterAll(() => db.close());

  it('per annotator per UTC day', async () => {
    const chart = await pChart(db, {}, 'annotator');
    expect(chart.series.map((s) => s.series)).toEqual(['a', 'z']);
    expect(chart.series[0].points.map((p) => [p.subgroup, p.n, p.errors])).toEqual(DAYS);
    checkSeries(chart.series[0]);
    expect(chart.series[1].points).toHaveLength(1);
    expect(chart.undated).toBe(1);
  });

  it('per batch per day, and per annotator per batch', async () => {
    const byBatch = await pChart(db, {}, 'batch');
    checkSeries(byBatch.series.find((s) => s.series === 'b1')!);
    const batches = await pChart(db, {}, 'annotator', 'batch');
    expect(batches.series.find((s) => s.series === 'z')!.points.map((p) => [p.subgroup, p.n])).toEqual([['b2', 4]]);
    expect(batches.undated).toBe(0);
  });
});
