import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdict } from '../../src/lib/audit/audit-verdict';
import { exactPlan } from '../../src/lib/audit/exact-plan';
import { isoPlan } from '../../src/lib/audit/iso-plan';
import { deliveredLot, drawLotSample, reviewOutcomes } from '../../src/lib/audit/lot-items';
import { ocCurve } from '../../src/lib/audit/oc-curve';
import type { Connector } from '../../src/lib/db/connector';
import { sha256Hex } from '../../src/lib/ingest/sha256';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { guaranteeByBatch } from '../../src/lib/metrics/guarantee/guarantee-by-batch';
import { buildCertificate } from '../../src/lib/report/certificate';
import { reportSources } from '../../src/lib/report/report-basics';
import { freshDb, loadCsvText } from '../helpers/db';

const HOSTILE = '<img src=x onerror=alert(1)>';
let db: Connector;
let csv: string;

beforeAll(async () => {
  db = await freshDb();
  const lines = ['batch_id,item_id,annotator_id,label'];
  for (let i = 0; i < 120; i++) lines.push(`"${HOSTILE}",item-${i},ann1,${i % 20 === 0 ? 'dog' : 'cat'}`);
  lines.push(`"${HOSTILE}","${HOSTILE}",ann1,cat`);
  csv = lines.join('\n');
  await loadCsvText(db, `${HOSTILE}.csv`, csv);
  const gold = ['item_id,gold', ...Array.from({ length: 120 }, (_, i) => `item-${i},cat`), `"${HOSTILE}",cat`];
  await loadDelimited(db, { fileName: 'gold.csv', bytes: new TextEncoder().encode(gold.join('\n')), role: 'gold' });
}, 60_000);
afterAll(async () => db?.close());

async function certificate(): Promise<string> {
  const sources = await reportSources(db);
  const batches = await guaranteeByBatch(db, {}, { target: 0.95, confidence: 0.95 });
  const lot = await deliveredLot(db);
  const plan = isoPlan(lot.size, 1.0);
  const sample = await drawLotSample(lot, plan.sample_size, 42);
  const outcomes = await reviewOutcomes(db, sample);
  const verdict = auditVerdict({
    plan: {
      kind: 'iso2859-1',
      sample_size: plan.sample_size,
      accept: plan.accept,
      reject: plan.reject,
      aql: 0.01,
      code_letter: plan.code_letter,
    },
    lotSize: lot.size,
    seed: 42,
    sampleIds: sample,
    outcomes,
  });
  const exactInput = { lotSize: lot.size, aql: 0.01, producerRisk: 0.05, lqOrLtpd: 0.1, consumerRisk: 0.1 };
  return buildCertificate({
    generatedAt: '2026-11-30T00:00:00Z',
    sources,
    filters: { batches: [HOSTILE] },
    guarantee: { target: 0.95, confidence: 0.95, batches },
    audit: {
      lotSize: lot.size,
      aqlPercent: 1,
      level: 'II',
      isoPlan: plan,
      exact: { input: exactInput, plan: exactPlan(exactInput) },
      planUsed: 'iso2859-1',
      seed: 42,
      sampleIds: sample,
      verdict,
      oc: ocCurve(plan, lot.size),
      reviewFile: 'gold.csv',
    },
  });
}

describe('HTML certificate', () => {
  it("carries the input file's SHA-256, row counts, version, seed and parameters", async () => {
    const html = await certificate();
    const expectedSha = await sha256Hex(new TextEncoder().encode(csv));
    expect(html).toContain(expectedSha);
    expect(html).toMatch(/<td class="num">121<\/td>/); // rows loaded of the judgements file
    expect(html).toContain('AnnoQA 0.1.0');
    expect(html).toContain('seed <code>42</code>');
    expect(html).toContain('&quot;seed&quot;: 42');
    expect(html).toContain('annoqa plan --lot 121 --aql 1 --level II --json');
  });

  it('escapes a hostile label everywhere and contains no script or external reference', async () => {
    const html = await certificate();
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('shows the guarantee per batch and the audit plan, verdict and OC curve as inline SVG with print CSS', async () => {
    const html = await certificate();
    expect(html).toContain('Accuracy guarantee');
    expect(html).toMatch(/gold items needed/);
    expect(html).toContain('<td class="num">59</td>'); // 0 errors at 95 %/95 %
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="Operating characteristic/);
    expect(html).toContain('@media print');
    expect(html).toMatch(/class="verdict (ok|bad|open)"/);
  });
});
