import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdict, type AuditPlan } from '../../src/lib/audit/audit-verdict';
import { isoPlan } from '../../src/lib/audit/iso-plan';
import { deliveredLot, drawLotSample, reviewOutcomes, type ReviewOutcome } from '../../src/lib/audit/lot-items';
import type { Connector } from '../../src/lib/db/connector';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { freshDb, loadCsvText } from '../helpers/db';

const outcome = (item_id: string, reviewed: boolean, defective: boolean): ReviewOutcome => ({
  item_id,
  reviewed,
  checked: reviewed ? 1 : 0,
  wrong: defective ? 1 : 0,
  defective,
});

// ISO 2859-1 letter G at AQL 2.5: n = 32, Ac = 2, Re = 3 (Table 2-A).
const plan: AuditPlan = { kind: 'iso2859-1', sample_size: 32, accept: 2, reject: 3, aql: 0.025, code_letter: 'G' };
const ids = Array.from({ length: 32 }, (_, i) => `i${i}`);

describe('auditVerdict (pure)', () => {
  it('accepts with defects ≤ Ac and rejects with defects ≥ Re', () => {
    const two = auditVerdict({
      plan,
      lotSize: 200,
      seed: 1,
      sampleIds: ids,
      outcomes: ids.map((id, i) => outcome(id, true, i < 2)),
    });
    expect(two).toMatchObject({ verdict: 'accept', defects: 2, reviewed: 32, defective_ids: ['i0', 'i1'] });
    const three = auditVerdict({
      plan,
      lotSize: 200,
      seed: 1,
      sampleIds: ids,
      outcomes: ids.map((id, i) => outcome(id, true, i < 3)),
    });
    expect(three.verdict).toBe('reject');
    expect(three.statements.at(-1)).toBe('Verdict: REJECT the lot.');
  });

  it('gives no verdict while unreviewed items could still change it, and a verdict once they cannot', () => {
    const partial = ids.map((id, i) => outcome(id, i < 30, i === 0));
    const open = auditVerdict({ plan, lotSize: 200, seed: 1, sampleIds: ids, outcomes: partial });
    expect(open.verdict).toBeNull();
    expect(open.reason).toMatch(/2 of 32 sampled items have no review/);
    expect(open.defect_rate_upper95).toBeNull();
    const settled = auditVerdict({
      plan,
      lotSize: 200,
      seed: 1,
      sampleIds: ids,
      outcomes: ids.map((id, i) => outcome(id, i < 31, i < 3)),
    });
    expect(settled.verdict).toBe('reject');
  });

  it('states the risks: SciPy 1.17.1 1 − binom.cdf(2, 32, 0.025) = 0.04522…, beta.ppf(0.9, 3, 30) = 0.15787…, beta.ppf(0.95, 3, 30) = 0.18394…', () => {
    const v = auditVerdict({
      plan,
      lotSize: 200,
      seed: 1,
      sampleIds: ids,
      outcomes: ids.map((id, i) => outcome(id, true, i < 2)),
    });
    expect(Math.abs(v.producer_risk_at_aql - 0.04522360382372126)).toBeLessThan(1e-9);
    expect(Math.abs(v.lq_at_10_percent - 0.15787489808104344)).toBeLessThan(1e-9);
    expect(Math.abs(v.defect_rate_upper95! - 0.18394346817692872)).toBeLessThan(1e-9);
    expect(v.risks_hypergeometric).not.toBeNull();
  });
});

describe('reviewOutcomes (SQL) + auditVerdict on a loaded lot', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await freshDb();
    const lines = ['item_id,annotator_id,label'];
    for (let i = 0; i < 200; i++) lines.push(`lot-${String(i).padStart(3, '0')},vendor,${i % 7 === 0 ? 'dog' : 'cat'}`);
    await loadCsvText(db, 'delivery.csv', lines.join('\n'));
    // the vendor's own gold says everything is right: it must not count as the client's review
    const vendorGold = [
      'item_id,gold',
      ...Array.from({ length: 200 }, (_, i) => `lot-${String(i).padStart(3, '0')},${i % 7 === 0 ? 'dog' : 'cat'}`),
    ];
    await loadDelimited(db, {
      fileName: 'vendor-gold.csv',
      bytes: new TextEncoder().encode(vendorGold.join('\n')),
      role: 'gold',
    });
  }, 60_000);
  afterAll(async () => db?.close());

  it('counts as defective the sampled items whose delivered answer differs from the review', async () => {
    const lot = await deliveredLot(db);
    expect(lot.size).toBe(200);
    const iso = isoPlan(lot.size, 2.5); // lot 200 → G, n = 32, Ac 2, Re 3
    expect([iso.code_letter, iso.sample_size, iso.accept, iso.reject]).toEqual(['G', 32, 2, 3]);
    const sample = await drawLotSample(lot, iso.sample_size, 2026);
    // the client's truth is "cat" for every item: items delivered as "dog" (index % 7 = 0) are defects;
    // the review covers all but the last sampled item
    const reviewRows = ['item_id,gold', ...sample.slice(0, -1).map((id) => `${id},cat`)];
    const review = await loadDelimited(db, {
      fileName: 'review.csv',
      bytes: new TextEncoder().encode(reviewRows.join('\n')),
      role: 'gold',
    });
    const outcomes = await reviewOutcomes(db, sample, { reviewSourceId: review.sourceId });
    expect(outcomes.map((o) => o.item_id)).toEqual(sample);
    // plain-TS reference count
    const expectedDefects = sample.slice(0, -1).filter((id) => Number(id.slice(4)) % 7 === 0);
    expect(outcomes.filter((o) => o.defective).map((o) => o.item_id)).toEqual(expectedDefects);
    expect(outcomes.at(-1)).toMatchObject({ reviewed: false, checked: 0, defective: false });

    const verdict = auditVerdict({
      plan: {
        kind: 'iso2859-1',
        sample_size: iso.sample_size,
        accept: iso.accept,
        reject: iso.reject,
        aql: 0.025,
        code_letter: iso.code_letter,
      },
      lotSize: lot.size,
      seed: 2026,
      sampleIds: sample,
      outcomes,
    });
    expect(verdict.defects).toBe(expectedDefects.length);
    // one item unreviewed: reject once defects ≥ Re = 3, accept only if defects + 1 ≤ Ac = 2, else open
    const d = expectedDefects.length;
    expect(verdict.verdict).toBe(d >= 3 ? 'reject' : d + 1 <= 2 ? 'accept' : null);
    expect(verdict.unreviewed_ids).toEqual([sample.at(-1)]);

    // without restricting to the review file, the vendor's gold (everything right) would hide the defects
    const all = await reviewOutcomes(db, sample);
    expect(all.every((o) => o.reviewed)).toBe(true);
  });
});
