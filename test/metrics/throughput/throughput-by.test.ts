import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { throughputBy } from '../../../src/lib/metrics/throughput/throughput-by';
import { join } from 'node:path';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';
import { EXPORTS, loadPath } from '../../ingest/formats/fixture-loading';

// Hand-computed fixture. Times are given with offsets; ingest converts them to UTC.
// a1 (UTC): 03-01 23:50 (120 s) | 03-02 00:15 (+01:00 input; gap 25 min) | 00:40 (-05:00 input, local 03-01; gap 25 min)
//           | 01:10:01 (gap 30 min 1 s > 30 min → new session, 60 s) | 01:40:01 (gap exactly 30 min → same session)
//   active = 120 + 1500 + 1500 + 60 + 1800 = 4980 s; 2 sessions; UTC days 03-01, 03-02 → 2 active days.
//   durations 120, 90, 300, 60, 45 → sorted 45 60 90 120 300: median 90; p90 type 7: h = 3.6 → 120 + 0.6·180 = 228.
// a2: 10:00 (no duration: session start counts 0), 10:10 (30 s) → active 600 s, 1 session without duration; median = p90 = 30.
// a3: no timestamps, no durations → active_hours, durations and per-day rates are null with reasons.
// a4: one image with three boxes (3 rows, one assignment; the rows split the unit's 200 s: 100 + 60 + 40).
const CSV = `item_id,annotator_id,question,label,batch_id,strategy,submitted_at,duration_s,prelabeled,x,y,w,h
i1,a1,q,yes,b1,instruction_tuning,2024-03-01T23:50:00Z,120,true,,,,
i2,a1,q,yes,b1,instruction_tuning,2024-03-02T01:15:00+01:00,90,false,,,,
i3,a1,preferred,A,b1,rlhf_preference,2024-03-01T19:40:00-05:00,300,,,,,
i4,a1,q,no,b1,instruction_tuning,2024-03-02T01:10:01Z,60,true,,,,
i5,a1,q,no,b1,instruction_tuning,2024-03-02T01:40:01Z,45,false,,,,
i1,a2,q,yes,b1,instruction_tuning,2024-03-01T10:00:00Z,,,,,,
i2,a2,q,no,b1,instruction_tuning,2024-03-01T10:10:00Z,30,,,,,
i1,a3,q,yes,b1,instruction_tuning,,,,,,,
img1,a4,boxes,car,b2,vl_alignment,2024-03-03T07:58:20Z,100,,1,1,5,5
img1,a4,boxes,car,b2,vl_alignment,2024-03-03T07:59:20Z,60,,10,10,5,5
img1,a4,boxes,dog,b2,vl_alignment,2024-03-03T08:00:00Z,40,,20,20,5,5
`;

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'throughput.csv', CSV);
});
afterAll(async () => db.close());

describe('throughputBy annotator', () => {
  it('sessionises across midnight and time zones', async () => {
    const rows = await throughputBy(db, {}, ['annotator_id']);
    const a1 = rows.find((r) => r.annotator_id === 'a1')!;
    expect(a1.units).toBe(5);
    expect(a1.judgements).toBe(5);
    expect(a1.active_days).toBe(2);
    expect(a1.units_per_active_day).toBeCloseTo(2.5, 12);
    expect(a1.active_hours! * 3600).toBeCloseTo(4980, 6);
    expect(a1.sessions).toBe(2);
    expect(a1.median_duration_s).toBeCloseTo(90, 12);
    expect(a1.p90_duration_s).toBeCloseTo(228, 12);
    expect(a1.prelabeled_share).toBeCloseTo(2 / 4, 12);
  });

  it('counts a session start without duration as 0 and says so', async () => {
    const a2 = (await throughputBy(db, {}, ['annotator_id'])).find((r) => r.annotator_id === 'a2')!;
    expect(a2.active_hours! * 3600).toBeCloseTo(600, 6);
    expect(a2.sessions_without_duration).toBe(1);
    expect(a2.median_duration_s).toBeCloseTo(30, 12);
    expect(a2.p90_duration_s).toBeCloseTo(30, 12);
    expect(a2.prelabeled_share).toBeNull();
    expect(a2.reasons.prelabeled_share).toMatch(/prelabeled/);
  });

  it('is null with reasons without timestamps or durations', async () => {
    const a3 = (await throughputBy(db, {}, ['annotator_id'])).find((r) => r.annotator_id === 'a3')!;
    expect(a3.units).toBe(1);
    expect(a3.active_days).toBe(0);
    for (const metric of ['median_duration_s', 'p90_duration_s', 'active_hours', 'units_per_active_day'] as const) {
      expect(a3[metric]).toBeNull();
      expect(a3.reasons[metric]).toBeTypeOf('string');
    }
  });

  it('counts three boxes on one image as one unit of three judgements', async () => {
    const a4 = (await throughputBy(db, {}, ['annotator_id'])).find((r) => r.annotator_id === 'a4')!;
    expect([a4.units, a4.judgements, a4.assignments]).toEqual([1, 3, 1]);
    expect(a4.median_duration_s).toBeCloseTo(200, 12);
    expect(a4.active_hours! * 3600).toBeCloseTo(200, 6);
  });
});

describe('throughputBy other groupings', () => {
  it('attributes within-session gaps to the strategy of the later answer', async () => {
    // Sessions are formed over all rows: a1's rlhf answer keeps its 1500 s gap; instruction tuning
    // gets 4980 − 1500 = 3480 s for a1 plus a2's 600 s.
    const rows = await throughputBy(db, { strategies: ['instruction_tuning'] }, ['annotator_id']);
    expect(rows.find((r) => r.annotator_id === 'a1')!.active_hours! * 3600).toBeCloseTo(3480, 6);
    const [rlhf] = await throughputBy(db, { strategies: ['rlhf_preference'] }, []);
    expect(rlhf.active_hours! * 3600).toBeCloseTo(1500, 6);
  });

  it('counts units, annotator-days and UTC days per strategy and day', async () => {
    const byStrategy = await throughputBy(db, {}, ['strategy']);
    const it_ = byStrategy.find((r) => r.strategy === 'instruction_tuning')!;
    // units i1, i2, i4, i5 (i3 is rlhf) = 4; assignments a1×4 + a2×2 + a3×1 = 7; timed 6;
    // annotator-days: a1 03-01, a1 03-02, a2 03-01 = 3 → 6 / 3 = 2.
    expect([it_.units, it_.assignments, it_.annotators, it_.annotator_days]).toEqual([4, 7, 3, 3]);
    expect(it_.units_per_annotator_day).toBeCloseTo(2, 12);
    const byDay = await throughputBy(db, {}, ['day']);
    expect(byDay.map((r) => [r.day, r.assignments])).toEqual([
      ['2024-03-01', 3],
      ['2024-03-02', 4],
      ['2024-03-03', 1],
      [null, 1],
    ]);
  });

  it('selects assignments by their UTC day', async () => {
    // 2024-03-02 UTC: a1's i2, i3 (written 03-01T19:40-05:00, i.e. 03-02T00:40Z), i4, i5.
    const [day] = await throughputBy(db, { from: '2024-03-02', to: '2024-03-02' }, []);
    expect([day.assignments, day.annotators, day.active_days]).toEqual([4, 1, 1]);
    // Their active time keeps the gaps measured over all submissions: 1500 + 1500 + 60 + 1800.
    expect(day.active_hours! * 3600).toBeCloseTo(4860, 6);
  });

  it('honours a configurable session gap', async () => {
    // With a 20-minute gap every a1 answer starts a session: 120 + 90 + 300 + 60 + 45 = 615 s.
    const a1 = (await throughputBy(db, { annotators: ['a1'] }, ['annotator_id'], { sessionGapMinutes: 20 }))[0];
    expect(a1.sessions).toBe(5);
    expect(a1.active_hours! * 3600).toBeCloseTo(615, 6);
  });
});

// shared/realdata/exports/label_studio/test_export_yolo_data.json (HumanSignal/label-studio-sdk test data):
// task 1 annotated by users 2 (lead_time 1235.418 s, 13:36:25) and 1 (85.444 s, 13:37:15), task 2 by
// user 1 (5.652 s, 17:20:52), two boxes each. The two annotations of task 1 come from one record
// (source row 1), which once made the session join count user 1's assignment of it twice.
describe('throughputBy on a Label Studio export with two annotations of one task', () => {
  it('counts each annotation as one assignment timed by its lead_time', async () => {
    const yolo = await freshDb();
    try {
      await loadPath(yolo, join(EXPORTS, 'label_studio', 'test_export_yolo_data.json'));
      const rows = await throughputBy(yolo, {}, ['annotator_id']);
      expect(rows.map((r) => [r.annotator_id, r.judgements, r.assignments, r.units, r.items, r.sessions])).toEqual([
        ['1', 4, 2, 2, 2, 2],
        ['2', 2, 1, 1, 1, 1],
      ]);
      const [one, two] = rows;
      // two assignments: the median (type 7) and mean of 85.444 and 5.652; two sessions (3 h 43 min apart)
      expect(one.median_duration_s).toBeCloseTo((85.444 + 5.652) / 2, 9);
      expect(one.mean_duration_s).toBeCloseTo((85.444 + 5.652) / 2, 9);
      expect(one.active_hours! * 3600).toBeCloseTo(85.444 + 5.652, 9);
      expect(two.median_duration_s).toBeCloseTo(1235.418, 9);
      expect(two.active_hours! * 3600).toBeCloseTo(1235.418, 9);
      const [all] = await throughputBy(yolo, {}, []);
      expect([all.judgements, all.assignments, all.units, all.items]).toEqual([6, 3, 2, 2]);
    } finally {
      await yolo.close();
    }
  });
});
