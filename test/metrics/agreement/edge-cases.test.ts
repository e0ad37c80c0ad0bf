import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { agreementByQuestion } from '../../../src/lib/metrics/agreement/agreement-by-question';
import { referenceAlpha, type Rating } from '../../../src/lib/metrics/agreement/reference';
import type { AgreementReport } from '../../../src/lib/report/report-types';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db?.close());

async function agreementOfCsv(csv: string, level?: string): Promise<AgreementReport> {
  await clearDb(db);
  await loadCsvText(db, 'edge.csv', csv);
  if (level) await db.exec(`UPDATE questions SET level = '${level}'`);
  const all = await agreementByQuestion(db, {}, { bootstrap: true, resamples: 200 });
  return [...all.values()][0];
}

const csv = (rows: string[][]) => 'item_id,annotator_id,label\n' + rows.map((r) => r.join(',')).join('\n');
const COEFFICIENTS = ['percent', 'fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1'] as const;

function expectNoNaN(a: AgreementReport) {
  for (const [key, value] of Object.entries(a)) if (typeof value === 'number') expect(Number.isNaN(value), key).toBe(false);
  for (const [key, value] of Object.entries(a)) if (value === null) expect(a.reasons[key], `reason for ${key}`).toBeTruthy();
}

describe('edge cases: undefined → null with a reason, never NaN', () => {
  it('one category only: percent 1, chance-corrected coefficients null', async () => {
    const a = await agreementOfCsv(
      csv([
        ['i1', 'a', 'yes'],
        ['i1', 'b', 'yes'],
        ['i2', 'a', 'yes'],
        ['i2', 'b', 'yes'],
      ]),
    );
    expect(a.percent).toBe(1);
    for (const key of ['fleiss_kappa', 'krippendorff_alpha', 'gwet_ac1', 'cohen_kappa', 'scott_pi'] as const) {
      expect(a[key], key).toBeNull();
      expect(a.reasons[key]).toMatch(/one category|same value/);
    }
    expect(a.ci95.krippendorff_alpha).toBeNull();
    expectNoNaN(a);
  });
  it('one annotator: nothing is pairable', async () => {
    const a = await agreementOfCsv(
      csv([
        ['i1', 'a', 'x'],
        ['i2', 'a', 'y'],
        ['i3', 'a', 'x'],
      ]),
    );
    for (const key of COEFFICIENTS) {
      expect(a[key], key).toBeNull();
      expect(a.reasons[key]).toMatch(/two or more ratings/);
    }
    expect(a.reasons.cohen_kappa).toMatch(/exactly two annotators; this question has 1/);
    expectNoNaN(a);
  });
  it('an item with one rating is not pairable: α equals the α without it (Krippendorff 2011)', async () => {
    const rows = [
      ['i1', 'a', 'x'],
      ['i1', 'b', 'x'],
      ['i2', 'a', 'x'],
      ['i2', 'b', 'y'],
      ['i3', 'a', 'y'],
      ['i3', 'b', 'y'],
    ];
    const without = await agreementOfCsv(csv(rows));
    const withSingle = await agreementOfCsv(csv([...rows, ['i4', 'c', 'x']]));
    expect(withSingle.krippendorff_alpha).toBeCloseTo(without.krippendorff_alpha!, 12);
    expect(withSingle.percent).toBeCloseTo(without.percent!, 12);
    // but it counts in Fleiss/Gwet's category shares (irrCAC averages π over items with ≥ 1 rating)
    expect(withSingle.items).toBe(4);
    expect(withSingle.pairable_items).toBe(3);
  });
  it('all agree with two categories: every coefficient is 1', async () => {
    const a = await agreementOfCsv(
      csv([
        ['i1', 'a', 'x'],
        ['i1', 'b', 'x'],
        ['i2', 'a', 'y'],
        ['i2', 'b', 'y'],
      ]),
    );
    for (const key of [...COEFFICIENTS, 'cohen_kappa', 'scott_pi'] as const) expect(a[key], key).toBeCloseTo(1, 12);
    expect(a.ci95.krippendorff_alpha).toEqual([1, 1]);
  });
  it('numbers stored as strings: "4" and "4.0" are one value, ordered numerically ("10" after "9")', async () => {
    const a = await agreementOfCsv(
      csv([
        ['i1', 'a', '4'],
        ['i1', 'b', '4.0'],
        ['i2', 'a', '9'],
        ['i2', 'b', '10'],
        ['i3', 'a', '10'],
        ['i3', 'b', '10'],
      ]),
      'ordinal',
    );
    const ratings: Rating[] = [
      { item: 'i1', annotator: 'a', value: '4' },
      { item: 'i1', annotator: 'b', value: '4' },
      { item: 'i2', annotator: 'a', value: '9' },
      { item: 'i2', annotator: 'b', value: '10' },
      { item: 'i3', annotator: 'a', value: '10' },
      { item: 'i3', annotator: 'b', value: '10' },
    ];
    expect(a.krippendorff_alpha).toBeCloseTo(referenceAlpha(ratings, ['4', '9', '10'], 'ordinal')!, 12);
    expect((a.alpha_by_level as Record<string, number>).interval).toBeCloseTo(
      referenceAlpha(ratings, ['4', '9', '10'], 'interval')!,
      12,
    );
    expect(a.categories).toBe(3);
  });
  it('> 10 ordinal categories: still defined (α ordinal = reference), CI present', async () => {
    const rows: string[][] = [];
    const ratings: Rating[] = [];
    for (let i = 0; i < 24; i++) {
      for (const [annotator, shift] of [
        ['a', 0],
        ['b', i % 3 === 0 ? 1 : 0],
        ['c', i % 5 === 0 ? -1 : 0],
      ] as const) {
        const value = String(Math.min(12, Math.max(1, (i % 12) + 1 + shift)));
        rows.push([`i${i}`, annotator, value]);
        ratings.push({ item: `i${i}`, annotator, value });
      }
    }
    const a = await agreementOfCsv(csv(rows), 'ordinal');
    const cats = Array.from({ length: 12 }, (_, k) => String(k + 1));
    expect(a.categories).toBe(12);
    expect(a.krippendorff_alpha).toBeCloseTo(referenceAlpha(ratings, cats, 'ordinal')!, 12);
    expect(a.ci95.krippendorff_alpha).not.toBeNull();
    expectNoNaN(a);
  });
  it('an annotator answering an item again in a later file: the later answer counts', async () => {
    await clearDb(db);
    await loadCsvText(db, 'first.csv', csv([['i1', 'b', 'y']]));
    await loadCsvText(
      db,
      'second.csv',
      csv([
        ['i1', 'a', 'x'],
        ['i1', 'b', 'x'],
        ['i2', 'a', 'y'],
        ['i2', 'b', 'y'],
      ]),
    );
    const [a] = [...(await agreementByQuestion(db, {}, { bootstrap: false })).values()];
    expect(a.percent).toBe(1);
    expect(a.items).toBe(2);
  });
  it('text questions: all null with a reason', async () => {
    await clearDb(db);
    const long = 'a long free-text answer that is clearly not a category label at all';
    await loadCsvText(
      db,
      'text.csv',
      csv([
        ['i1', 'a', `${long} 1`],
        ['i1', 'b', `${long} 2`],
      ]),
    );
    const [a] = [...(await agreementByQuestion(db)).values()];
    expect(a.krippendorff_alpha).toBeNull();
    expect(a.reasons.krippendorff_alpha).toMatch(/text/);
  });
});
