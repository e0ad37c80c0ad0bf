import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import type { Filters } from '../../src/lib/metrics/filters';
import { batchSummaries, questionCounts, strategyBatchSummaries } from '../../src/lib/report/report-basics';
import { freshDb, loadCsvText } from '../helpers/db';

// Two batches; b1 has two strategies; annotators c and d work on some items only.
interface Judgement {
  batch: string;
  strategy: string;
  item: string;
  question: string;
  annotator: string;
  day: string;
}
const JUDGEMENTS: Judgement[] = [];
for (const [batch, strategy] of [
  ['b1', 'instruction_tuning'],
  ['b1', 'rlhf_preference'],
  ['b2', 'instruction_tuning'],
]) {
  for (let i = 0; i < 5; i++) {
    for (const question of strategy === 'rlhf_preference' ? ['pref'] : ['q1', 'q2']) {
      for (const annotator of ['a', 'b', 'c', 'd'].slice(0, 2 + (i % 3))) {
        JUDGEMENTS.push({ batch, strategy, item: `${strategy[0]}${i}`, question, annotator, day: `2026-01-0${1 + (i % 4)}` });
      }
    }
  }
}
const CSV = [
  'batch_id,strategy,item_id,question,annotator_id,answer,submitted_at',
  ...JUDGEMENTS.map((j, n) => `${j.batch},${j.strategy},${j.item},${j.question},${j.annotator},${n % 3},${j.day}T10:00:00Z`),
].join('\n');

/** The rows the filters select, and distinct counts over them, in plain TS (the independent computation). */
function selected(filters: Filters): Judgement[] {
  const ok = (list: string[] | undefined, v: string) => !list?.length || list.includes(v);
  return JUDGEMENTS.filter(
    (j) =>
      ok(filters.batches, j.batch) &&
      ok(filters.strategies, j.strategy) &&
      ok(filters.questions, j.question) &&
      ok(filters.annotators, j.annotator) &&
      (!filters.from || j.day >= filters.from),
  );
}
const distinct = (rows: Judgement[], key: (j: Judgement) => string) => new Set(rows.map(key)).size;
function groups(rows: Judgement[], key: (j: Judgement) => string): Map<string, Judgement[]> {
  const out = new Map<string, Judgement[]>();
  for (const j of rows) out.set(key(j), [...(out.get(key(j)) ?? []), j]);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const FILTERS: Filters[] = [
  {},
  { batches: ['b2'] },
  { strategies: ['instruction_tuning'], batches: ['b1'] },
  { questions: ['q2'] },
  { annotators: ['c', 'd'] },
  { annotators: ['a'], batches: ['b1'], from: '2026-01-02' },
  {},
];

describe('report basics, cached per partition', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await freshDb();
    await loadCsvText(db, 'basics.csv', CSV);
  });
  afterAll(() => db.close());

  it.each(FILTERS.map((f) => [JSON.stringify(f), f]))('question counts under %s', async (_, filters) => {
    const expected = [...groups(selected(filters), (j) => `${j.batch}|${j.strategy}|${j.question}`).values()].map((rows) => ({
      batch_id: rows[0].batch,
      strategy: rows[0].strategy,
      question: rows[0].question,
      items: distinct(rows, (j) => j.item),
      annotators: distinct(rows, (j) => j.annotator),
      judgements: rows.length,
    }));
    const counts = await questionCounts(db, filters);
    expect(
      counts.map(({ batch_id, strategy, question, items, annotators, judgements }) => ({
        batch_id,
        strategy,
        question,
        items,
        annotators,
        judgements,
      })),
    ).toEqual(expected);
  });

  it.each(FILTERS.map((f) => [JSON.stringify(f), f]))('batch and card summaries under %s', async (_, filters) => {
    const rows = selected(filters);
    const batches = [...groups(rows, (j) => j.batch).values()].map((b) => ({
      batch_id: b[0].batch,
      strategies: [...new Set(b.map((j) => j.strategy))].sort(),
      items: distinct(b, (j) => `${j.item}`),
      annotators: distinct(b, (j) => j.annotator),
      judgements: b.length,
      first_day: b.map((j) => j.day).sort()[0],
      last_day: b
        .map((j) => j.day)
        .sort()
        .at(-1),
    }));
    expect(await batchSummaries(db, filters)).toEqual(batches);
    const cards = [...groups(rows, (j) => `${j.strategy}|${j.batch}`).values()].map((c) => ({
      strategy: c[0].strategy,
      batch_id: c[0].batch,
      items: distinct(c, (j) => j.item),
      judgements: c.length,
      annotators: distinct(c, (j) => j.annotator),
      questions: distinct(c, (j) => j.question),
    }));
    expect(await strategyBatchSummaries(db, filters)).toEqual(cards);
  });
});
