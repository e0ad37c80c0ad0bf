import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { mostDisputedItems } from '../../../src/lib/metrics/agreement/disputed-items';
import { pairwiseAgreement } from '../../../src/lib/metrics/agreement/pairwise-agreement';
import { referenceAlpha, referenceCohen, type Rating } from '../../../src/lib/metrics/agreement/reference';
import { questionKey } from '../../../src/lib/report/report-types';
import { freshDb, loadCsvFile, loadCsvText, REALDATA } from '../../helpers/db';

// Krippendorff (2011) example data (irrCAC cac.raw4raters): 12 units × 4 observers, values 1–5, missing values.
const FILE = join(REALDATA, 'r_irr_irrcac', 'irrCAC_cac_raw4raters.csv');
const ratings: Rating[] = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',').map((f) => f.replaceAll('"', '')))
  .map(([item, annotator, value]) => ({ item, annotator, value }));
const CATS = ['1', '2', '3', '4', '5'];
let db: Connector;
let key: string;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvFile(db, FILE);
  await db.exec("UPDATE questions SET level = 'nominal'");
  const [q] = await db.query<{ batch_id: string; strategy: string; question: string }>('SELECT * FROM questions');
  key = questionKey(q);
});
afterAll(async () => db?.close());

describe('pairwiseAgreement', () => {
  it('Cohen κ and shared items per pair = raw-pairs reference', async () => {
    const p = await pairwiseAgreement(db, {}, key);
    expect(p.annotators).toEqual(['Rater1', 'Rater2', 'Rater3', 'Rater4']);
    expect(p.pairs).toHaveLength(6);
    for (const pair of p.pairs) {
      const a = new Set(ratings.filter((r) => r.annotator === pair.first).map((r) => r.item));
      const shared = ratings.filter((r) => r.annotator === pair.second && a.has(r.item)).length;
      expect(pair.shared_items).toBe(shared);
      expect(Math.abs(pair.cohen_kappa! - referenceCohen(ratings, pair.first, pair.second, 'unweighted', CATS)!)).toBeLessThan(
        1e-12,
      );
    }
  });
  it('α with everyone = 0.743 (Krippendorff 2011); α without each annotator = reference on the remaining ratings', async () => {
    const p = await pairwiseAgreement(db, {}, key);
    expect(p.alpha).toBeCloseTo(0.743, 3);
    for (const a of p.perAnnotator) {
      const rest = ratings.filter((r) => r.annotator !== a.annotator);
      expect(Math.abs(a.alpha_without! - referenceAlpha(rest, CATS, 'nominal')!)).toBeLessThan(1e-12);
    }
  });
  it('agreement with the plurality of the others (≥ 2 others, strict plurality) = direct count', async () => {
    const p = await pairwiseAgreement(db, {}, key);
    for (const a of p.perAnnotator) {
      let items = 0;
      let agree = 0;
      for (const mine of ratings.filter((r) => r.annotator === a.annotator)) {
        const others = ratings.filter((r) => r.item === mine.item && r.annotator !== a.annotator).map((r) => r.value);
        if (others.length < 2) continue;
        const counts = CATS.map((c) => others.filter((o) => o === c).length);
        const top = Math.max(...counts);
        if (counts.filter((n) => n === top).length > 1) continue;
        items++;
        if (CATS[counts.indexOf(top)] === mine.value) agree++;
      }
      expect(a.majority_items).toBe(items);
      expect(a.majority_agreement).toBeCloseTo(agree / items, 12);
      expect(a.ratings).toBe(ratings.filter((r) => r.annotator === a.annotator).length);
    }
  });
});

describe('mostDisputedItems', () => {
  it('u06 (1,2,3,4) first, then u02 and u08 (half the pairs disagree); single-rating u12 excluded', async () => {
    const items = await mostDisputedItems(db, {}, key, 20);
    expect(items[0]).toMatchObject({ item_id: 'u06', ratings: 4, disagreement: 1 });
    expect(items[0].spread).toBeCloseTo(Math.sqrt(5 / 3), 12); // sd of 1,2,3,4
    expect(items.slice(1, 3).map((i) => i.item_id)).toEqual(['u02', 'u08']);
    expect(items[1].disagreement).toBeCloseTo(0.5, 12);
    expect(items[1].answers).toEqual([
      { value: '2', n: 3 },
      { value: '3', n: 1 },
    ]);
    expect(items.map((i) => i.item_id)).not.toContain('u12');
    expect(await mostDisputedItems(db, {}, key, 2)).toHaveLength(2);
  });
});

describe('pairwiseAgreement with repeated answers', () => {
  // Two files: the second re-answers two items, later. The last answer counts (rated-values.ts),
  // so the figures equal those of one file holding only the final answers.
  const header = 'item,annotator,answer,submitted_at\n';
  const first = ['i1,a,x', 'i1,b,x', 'i1,c,y', 'i2,a,y', 'i2,b,y', 'i2,c,y', 'i3,a,x', 'i3,b,y', 'i3,c,x', 'i4,a,x', 'i4,b,x']
    .map((l) => `${l},2026-01-01T10:00:00Z`)
    .join('\n');
  const second = ['i1,c,x', 'i3,b,x'].map((l) => `${l},2026-01-02T10:00:00Z`).join('\n');
  const final = ['i1,a,x', 'i1,b,x', 'i1,c,x', 'i2,a,y', 'i2,b,y', 'i2,c,y', 'i3,a,x', 'i3,b,x', 'i3,c,x', 'i4,a,x', 'i4,b,x']
    .map((l) => `${l},2026-01-01T10:00:00Z`)
    .join('\n');
  const keyOf = async (d: Connector) =>
    questionKey((await d.query<{ batch_id: string; strategy: string; question: string }>('SELECT * FROM questions'))[0]);

  it('counts each annotator once per item: the later answer', async () => {
    const repeated = await freshDb();
    const once = await freshDb();
    try {
      await loadCsvText(repeated, 'first.csv', header + first + '\n');
      await loadCsvText(repeated, 'second.csv', header + second + '\n');
      await loadCsvText(once, 'final.csv', header + final + '\n');
      const got = await pairwiseAgreement(repeated, {}, await keyOf(repeated));
      const want = await pairwiseAgreement(once, {}, await keyOf(once));
      expect(got.pairs.map((p) => p.shared_items)).toEqual([4, 3, 3]);
      expect(got).toEqual(want);
      expect(got.alpha).toBeCloseTo(1, 12); // every item unanimous once the answers are replaced
    } finally {
      await repeated.close();
      await once.close();
    }
  });
});
