import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { Filters } from '../../../src/lib/metrics/filters';
import type { GroupKey } from '../../../src/lib/metrics/throughput/group-keys';
import { throughputBy } from '../../../src/lib/metrics/throughput/throughput-by';
import { seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// The distinct counts of throughputBy against a plain-TS count of distinct keys over the rows the
// filters select. Items carry one to four questions (two strategies; q1 is asked under both, so
// an annotator can answer one unit twice, from two files), so an annotator's
// item-assignment spans several rows that a question, strategy or date filter, or a day grouping,
// splits: item_assignments skips hashing the item-assignments that are alone over all data
// (throughput-by.ts), which must stay exact in every such selection. Some rows have no time;
// every fourth item has gold (the gold filter joins the item names back, timed-assignments.ts).
interface Answer {
  batch: string;
  strategy: string;
  item: string;
  question: string;
  annotator: string;
  day: string | null;
}

function generate(seed: number): Answer[] {
  const random = seededRandom(seed);
  const questions = [
    ['q1', 'rlhf_preference'],
    ['q2', 'rlhf_preference'],
    ['q3', 'instruction_tuning'],
    ['q1', 'instruction_tuning'],
  ];
  const rows: Answer[] = [];
  for (const batch of ['b1', 'b2'])
    for (let i = 0; i < 12; i++) {
      const asked = questions.slice(0, 1 + Math.floor(random() * 4));
      for (const annotator of ['a1', 'a2', 'a3', 'a4'])
        for (const [question, strategy] of asked) {
          if (random() < 0.4) continue;
          const day = random() < 0.2 ? null : `2024-01-${10 + Math.floor(random() * 3)}`;
          rows.push({ batch, strategy, item: `it-${i}`, question, annotator, day });
        }
    }
  return rows;
}

const ROWS = generate(20261201);
const hasGold = (r: Answer) => Number(r.item.slice(3)) % 4 === 0;
const csv = (rows: Answer[]) =>
  'batch_id,strategy,item_id,question,annotator_id,label,submitted_at,gold\n' +
  rows
    .map(
      (r) =>
        `${r.batch},${r.strategy},${r.item},${r.question},${r.annotator},x,${r.day ? `${r.day}T12:00:00Z` : ''},${hasGold(r) ? 'x' : ''}`,
    )
    .join('\n') +
  '\n';
// q1 under its second strategy comes in a file of its own (in one file, a second answer to the
// same batch, item and question is rejected as a duplicate)
const isSecondStrategy = (r: Answer) => r.question === 'q1' && r.strategy === 'instruction_tuning';

function selected(filters: Filters): Answer[] {
  return ROWS.filter(
    (r) =>
      (!filters.questions || filters.questions.includes(r.question)) &&
      (!filters.strategies || filters.strategies.includes(r.strategy)) &&
      (!filters.annotators || filters.annotators.includes(r.annotator)) &&
      (!filters.from || (r.day !== null && r.day >= filters.from && r.day <= filters.to!)) &&
      (!filters.gold || filters.gold === 'all' || hasGold(r) === (filters.gold === 'gold')),
  );
}

const GROUP_OF: Record<GroupKey, (r: Answer) => string | null> = {
  annotator_id: (r) => r.annotator,
  batch_id: (r) => r.batch,
  strategy: (r) => r.strategy,
  day: (r) => r.day,
};

const distinct = (rows: Answer[], key: (r: Answer) => string) => new Set(rows.map(key)).size;

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'spans.csv', csv(ROWS.filter((r) => !isSecondStrategy(r))));
  await loadCsvText(db, 'second-strategy.csv', csv(ROWS.filter(isSecondStrategy)));
});
afterAll(async () => db.close());

describe('throughputBy distinct counts vs a plain-TS count', () => {
  const FILTERS: Filters[] = [
    {},
    { questions: ['q1'] },
    { strategies: ['rlhf_preference'] },
    { from: '2024-01-11', to: '2024-01-12' },
    { annotators: ['a2', 'a3'], questions: ['q2', 'q3'] },
    { gold: 'gold' },
    { gold: 'non-gold', strategies: ['instruction_tuning'] },
  ];
  const GROUPINGS: GroupKey[][] = [[], ['annotator_id'], ['strategy'], ['batch_id'], ['day'], ['annotator_id', 'day']];
  it.each(FILTERS.flatMap((filters) => GROUPINGS.map((keys) => [JSON.stringify(filters), keys] as const)))(
    'filters %s grouped by %j',
    async (filtersJson, keys) => {
      const rows = selected(JSON.parse(filtersJson) as Filters);
      expect(ROWS.length).toBeGreaterThan(100);
      const groups = new Map<string, Answer[]>();
      for (const r of rows) {
        const id = JSON.stringify(keys.map((k) => GROUP_OF[k](r)));
        groups.set(id, [...(groups.get(id) ?? []), r]);
      }
      const sqlRows = await throughputBy(db, JSON.parse(filtersJson) as Filters, keys);
      expect(sqlRows.length).toBe(groups.size);
      for (const row of sqlRows) {
        const mine = groups.get(JSON.stringify(keys.map((k) => row[k] ?? null)))!;
        const itemAssignment = (r: Answer) => `${r.batch}|${r.item}|${r.annotator}`;
        expect(row.item_assignments).toBe(distinct(mine, itemAssignment));
        expect(row.timed_item_assignments).toBe(
          distinct(
            mine.filter((r) => r.day),
            itemAssignment,
          ),
        );
        expect(row.units).toBe(distinct(mine, (r) => `${r.batch}|${r.item}|${r.question}`));
        expect(row.items).toBe(distinct(mine, (r) => `${r.batch}|${r.item}`));
        expect(row.assignments).toBe(mine.length);
        expect(row.annotators).toBe(distinct(mine, (r) => r.annotator));
        expect(row.annotator_days).toBe(
          distinct(
            mine.filter((r) => r.day),
            (r) => `${r.annotator}|${r.day}`,
          ),
        );
      }
    },
  );
});
