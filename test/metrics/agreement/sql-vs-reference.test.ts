import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { Level } from '../../../src/lib/db/schema';
import { agreementByQuestion } from '../../../src/lib/metrics/agreement/agreement-by-question';
import {
  referenceAlpha,
  referenceCohen,
  referenceFleiss,
  referenceGwet,
  referencePercent,
  type Rating,
} from '../../../src/lib/metrics/agreement/reference';
import { seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Property: the SQL path (rating patterns aggregated in duckdb-wasm + pattern arithmetic)
// equals the plain-TS reference (raw pairs, straight from the published formulas) to 1e−12,
// on random data with missing values: 2–10 annotators, 2–7 categories, many seeds.
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db?.close());

interface Case {
  ratings: Rating[];
  categories: string[];
  numeric: boolean;
  annotators: string[];
}

function randomCase(seed: number): Case {
  const random = seededRandom(seed);
  const annotators = Array.from({ length: 2 + Math.floor(random() * 9) }, (_, i) => `ann${i}`);
  const q = 2 + Math.floor(random() * 6);
  const numeric = seed % 2 === 0;
  const labels = Array.from({ length: q }, (_, k) => (numeric ? String(k + 1) : `cat-${String.fromCharCode(97 + k)}`));
  const items = 5 + Math.floor(random() * 30);
  const missing = random() * 0.5;
  const skew = random();
  const ratings: Rating[] = [];
  for (let i = 0; i < items; i++) {
    const truth = Math.floor(random() * q);
    for (const annotator of annotators) {
      if (random() < missing) continue;
      const k = random() < skew ? truth : Math.floor(random() * q);
      ratings.push({ item: `item${i}`, annotator, value: labels[k] });
    }
  }
  const categories = labels.filter((l) => ratings.some((r) => r.value === l));
  return { ratings, categories, numeric, annotators: annotators.filter((a) => ratings.some((r) => r.annotator === a)) };
}

function close(actual: unknown, expected: number | null, what: string) {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-12);
}

describe('SQL path = plain-TS reference (1e-12)', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);
  it.each(seeds)('seed %i', async (seed) => {
    const c = randomCase(seed);
    await clearDb(db);
    // Every third seed: some annotators answered an item twice, the first time in an earlier
    // file with another value (ingest rejects repeats within one file, not across files); the
    // later file's answer must count, through the de-duplicating path.
    const random = seededRandom(seed + 7);
    const other = (v: string) => (c.categories[0] === v ? c.categories.at(-1)! : c.categories[0]);
    const earlier = seed % 3 === 0 ? c.ratings.filter(() => random() < 0.2).map((r) => ({ ...r, value: other(r.value) })) : [];
    const toCsv = (rows: Rating[]) =>
      'item_id,annotator_id,label\n' + rows.map((r) => `${r.item},${r.annotator},${r.value}`).join('\n');
    if (earlier.length > 0) await loadCsvText(db, `earlier-${seed}.csv`, toCsv(earlier));
    await loadCsvText(db, `random-${seed}.csv`, toCsv(c.ratings));
    if (earlier.length > 0) {
      const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM judgements');
      expect(n).toBe(c.ratings.length + earlier.length);
    }
    const level: Level = c.numeric ? 'ordinal' : 'nominal';
    await db.exec(`UPDATE questions SET level = '${level}'`);
    const [a] = [...(await agreementByQuestion(db, {}, { bootstrap: false })).values()];
    const byLevel = a.alpha_by_level as Record<string, number | null>;
    close(a.percent, referencePercent(c.ratings), 'percent');
    close(a.fleiss_kappa, referenceFleiss(c.ratings, c.categories), 'fleiss');
    close(a.gwet_ac1, referenceGwet(c.ratings, c.categories), 'ac1');
    close(a.krippendorff_alpha, referenceAlpha(c.ratings, c.categories, level), 'alpha');
    close(byLevel.nominal, referenceAlpha(c.ratings, c.categories, 'nominal'), 'alpha nominal');
    close(byLevel.ordinal, referenceAlpha(c.ratings, c.categories, 'ordinal'), 'alpha ordinal');
    if (c.numeric) {
      close(byLevel.interval, referenceAlpha(c.ratings, c.categories, 'interval'), 'alpha interval');
      close(byLevel.ratio, referenceAlpha(c.ratings, c.categories, 'ratio'), 'alpha ratio');
      close(a.gwet_ac2_linear, referenceGwet(c.ratings, c.categories, 'linear'), 'ac2 linear');
      close(a.gwet_ac2_quadratic, referenceGwet(c.ratings, c.categories, 'quadratic'), 'ac2 quadratic');
    } else {
      expect(byLevel.interval).toBeNull();
      expect(a.reasons.alpha_interval).toMatch(/not all numbers/);
    }
    if (c.annotators.length === 2) {
      const [first, second] = [...c.annotators].sort();
      close(a.cohen_kappa, referenceCohen(c.ratings, first, second, 'unweighted', c.categories), 'cohen');
      if (c.numeric) {
        close(a.cohen_kappa_linear, referenceCohen(c.ratings, first, second, 'linear', c.categories), 'cohen linear');
        close(a.cohen_kappa_quadratic, referenceCohen(c.ratings, first, second, 'quadratic', c.categories), 'cohen quadratic');
      }
    } else {
      expect(a.cohen_kappa).toBeNull();
    }
  });
  it('covers two-annotator cases', () => {
    expect(seeds.filter((s) => randomCase(s).annotators.length === 2).length).toBeGreaterThan(0);
  });
});
