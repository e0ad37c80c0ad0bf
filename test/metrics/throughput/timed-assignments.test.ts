import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { timedAssignments } from '../../../src/lib/metrics/throughput/timed-assignments';
import { sql } from '../../../src/lib/sql/sql';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// sessionisedAssignments takes an assignment as its one row when its question has no boxes and comes
// from one file, and groups the rows of the others. Checked here against a plain-TS grouping of
// the rows of two files: `quality` (one file, no boxes: one row per assignment), `boxes` (two
// boxes by a1 on img1: one assignment of two judgements) and `again` (in both files: a1 answers i1
// in each, one assignment of two judgements). Every annotator's answers are minutes apart, so the
// gaps follow from the submission times alone.
const HEADER = 'item_id,question,annotator_id,label,strategy,submitted_at,duration_s,cost_usd,x,y,w,h';
interface Row {
  item: string;
  question: string;
  annotator: string;
  minute: number;
  duration: number;
  cost: number;
  box?: boolean;
}
const FIRST: Row[] = [
  { item: 'i1', question: 'quality', annotator: 'a1', minute: 0, duration: 30, cost: 0.5 },
  { item: 'i2', question: 'quality', annotator: 'a1', minute: 5, duration: 40, cost: 0.5 },
  { item: 'i1', question: 'quality', annotator: 'a2', minute: 1, duration: 50, cost: 0.25 },
  { item: 'img1', question: 'boxes', annotator: 'a1', minute: 9, duration: 20, cost: 0.1, box: true },
  { item: 'img1', question: 'boxes', annotator: 'a1', minute: 10, duration: 25, cost: 0.2, box: true },
  { item: 'img1', question: 'boxes', annotator: 'a2', minute: 3, duration: 15, cost: 0.3, box: true },
  { item: 'i1', question: 'again', annotator: 'a1', minute: 12, duration: 60, cost: 1 },
  { item: 'i3', question: 'quality', annotator: 'a1', minute: 70, duration: 35, cost: 0.5 },
];
const SECOND: Row[] = [
  { item: 'i1', question: 'again', annotator: 'a1', minute: 14, duration: 10, cost: 2 },
  { item: 'i2', question: 'again', annotator: 'a2', minute: 8, duration: 12, cost: 1 },
];
const csv = (rows: Row[]) =>
  `${HEADER}\n` +
  rows
    .map((r) => {
      const time = new Date(Date.UTC(2024, 4, 1, 9, r.minute)).toISOString();
      const box = r.box ? '1,2,3,4' : ',,,';
      return `${r.item},${r.question},${r.annotator},${r.box ? 'car' : 'ok'},instruction_tuning,${time},${r.duration},${r.cost},${box}`;
    })
    .join('\n') +
  '\n';

type Assignment = {
  annotator: string;
  question: string;
  item: string;
  judgements: number;
  submitted: number;
  duration: number;
  cost: number;
  questions_on_item?: number;
  active_s?: number;
};

/**
 * The reference: rows grouped by (annotator, question, item) in TS; active time with the default
 * 30-minute session gap: the gap since the annotator's previous submission, or the assignment's
 * duration when it starts a session.
 */
function reference(rows: Row[]): Assignment[] {
  const byKey = new Map<string, Assignment>();
  for (const r of rows) {
    const key = `${r.annotator}|${r.question}|${r.item}`;
    const submitted = Date.UTC(2024, 4, 1, 9, r.minute);
    const a = byKey.get(key) ?? {
      annotator: r.annotator,
      question: r.question,
      item: r.item,
      judgements: 0,
      submitted,
      duration: 0,
      cost: 0,
    };
    a.judgements += 1;
    a.submitted = Math.max(a.submitted, submitted);
    a.duration += r.duration;
    a.cost += r.cost;
    byKey.set(key, a);
  }
  const all = [...byKey.values()];
  for (const a of all) {
    const own = all.filter((b) => b.annotator === a.annotator);
    a.questions_on_item = own.filter((b) => b.item === a.item).length;
    const earlier = own.filter((b) => b.submitted < a.submitted).map((b) => b.submitted);
    const gap = earlier.length ? (a.submitted - Math.max(...earlier)) / 1000 : null;
    a.active_s = gap === null || gap > 30 * 60 ? a.duration : gap;
  }
  return all.sort((x, y) => `${x.annotator}|${x.question}|${x.item}`.localeCompare(`${y.annotator}|${y.question}|${y.item}`));
}

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'first.csv', csv(FIRST));
  await loadCsvText(db, 'second.csv', csv(SECOND));
}, 60_000);
afterAll(() => db.close());

describe('sessionisedAssignments', () => {
  it('groups box questions and questions from several files, and takes the other rows as they are', async () => {
    const rows = await db.query<Assignment & { submitted_at: number }>(sql`
      SELECT a.annotator_id AS annotator, a.question, i.item_id AS item, a.judgements::DOUBLE AS judgements,
        a.submitted_at, a.duration_s AS duration, a.cost_usd AS cost, a.questions_on_item::DOUBLE AS questions_on_item, a.active_s
      FROM ${await timedAssignments(db)} a JOIN item_keys i USING (item_no)
      ORDER BY annotator, question, item`);
    const actual = rows.map(({ submitted_at, ...a }) => ({ ...a, submitted: submitted_at }));
    const expected = reference([...FIRST, ...SECOND]);
    expect(actual.map((a) => [a.annotator, a.question, a.item, a.judgements])).toEqual(
      expected.map((a) => [a.annotator, a.question, a.item, a.judgements]),
    );
    expect(actual.filter((a) => a.judgements === 2).map((a) => `${a.annotator} ${a.question} ${a.item}`)).toEqual([
      'a1 again i1',
      'a1 boxes img1',
    ]);
    for (const [i, a] of actual.entries()) {
      const e = expected[i];
      expect([a.submitted, a.questions_on_item]).toEqual([e.submitted, e.questions_on_item]);
      // sums of decimal durations and prices: equal up to the order of addition, so to 12 decimals
      expect(a.duration).toBeCloseTo(e.duration, 12);
      expect(a.active_s).toBeCloseTo(e.active_s!, 12);
      expect(a.cost).toBeCloseTo(e.cost, 12);
    }
  });

  it('forms sessions with the session gap asked for', async () => {
    // a1's submissions: 9:00, 9:05, 9:10 (boxes), 9:14 (again, its latest row), 10:10: with a
    // 30-minute gap the last starts a session (a gap of 56 min); with 60 minutes it does not.
    const sessions = async (gap: number) =>
      (
        await db.query<{ sessions: number }>(
          sql`SELECT count(*) FILTER (WHERE session_start)::DOUBLE AS sessions
            FROM ${await timedAssignments(db, { annotators: ['a1'] }, { sessionGapMinutes: gap })} a`,
        )
      )[0].sessions;
    expect(await sessions(30)).toBe(2);
    expect(await sessions(60)).toBe(1);
  });
});
