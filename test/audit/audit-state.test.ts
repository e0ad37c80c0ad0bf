import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { AuditState } from '../../src/lib/state/audit.svelte';
import { GuaranteeState } from '../../src/lib/state/guarantee.svelte';
import { freshDb, loadCsvText } from '../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  const lines = ['batch_id,item_id,annotator_id,label'];
  for (let i = 0; i < 300; i++) lines.push(`b1,it-${i},vendor,${i % 10 === 0 ? 'dog' : 'cat'}`);
  await loadCsvText(db, 'delivery.csv', lines.join('\n'));
}, 60_000);
afterAll(async () => db?.close());

describe('AuditState', () => {
  it('computes plan, OC curve and a seeded sample; a review file gives the verdict', async () => {
    const audit = new AuditState();
    audit.seed = 7;
    await audit.refresh(db, {});
    expect(audit.lotSize).toBe(300);
    // lot 300 → H (ISO 2859-1 Table 1), H at AQL 1.0 → n = 50, Ac 1, Re 2 (Table 2-A)
    expect(audit.iso).toMatchObject({ code_letter: 'H', sample_size: 50, accept: 1, reject: 2 });
    expect(audit.sample).toHaveLength(50);
    expect(audit.oc.length).toBeGreaterThan(10);
    expect(audit.verdict).toBeNull();

    const review = ['item_id,gold', ...audit.sample.map((id) => `${id},cat`)].join('\n');
    const loaded = await loadDelimited(db, { fileName: 'review.csv', bytes: new TextEncoder().encode(review), role: 'gold' });
    await audit.refresh(db, {});
    await audit.chooseReview(loaded.sourceId);
    const expectedDefects = audit.sample.filter((id) => Number(id.slice(3)) % 10 === 0).length;
    expect(audit.verdict?.defects).toBe(expectedDefects);
    expect(audit.verdict?.verdict).toBe(expectedDefects <= 1 ? 'accept' : 'reject');
    expect(audit.certificate('2026-01-01T00:00:00Z')).toContain('seed <code>7</code>');

    await audit.update({ useExact: true, lqPercent: 10 });
    expect(audit.planUsed?.kind).toBe('exact-hypergeometric');
    expect(audit.sample).toHaveLength(audit.exact!.plan.sample_size);
  });
});

describe('GuaranteeState', () => {
  it('re-runs the check when the target changes and refuses a target outside (0, 1)', async () => {
    const g = new GuaranteeState();
    await g.refresh(db, {});
    expect(g.batches).toHaveLength(1);
    expect(g.batches[0].required_n['0']).toBe(59);
    await g.setParameters(0.995, 0.95);
    expect(g.batches[0].required_n['0']).toBe(598);
    await g.setParameters(99.5, 0.95);
    expect(g.error).toMatch(/between 0 and 1/);
    expect(g.certificate('2026-01-01T00:00:00Z')).toContain('Accuracy guarantee');
  });
});
