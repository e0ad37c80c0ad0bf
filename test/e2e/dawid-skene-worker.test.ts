import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { strengthDots } from '../../src/lib/charts/interval-dots-strategy';
import { formatNumber } from '../../src/lib/charts/format';
import { dawidSkene } from '../../src/lib/metrics/aggregation/dawid-skene';
import { preferenceByQuestion } from '../../src/lib/metrics/preference/preference-by-question';
import { questionKey } from '../../src/lib/report/report-types';
import { loadSampleData } from '../sample-data/sample-files';
import { openApp, tablesAsCsv, waitForDashboard } from './browser';

// In a browser tab Dawid–Skene's EM and the Bradley–Terry bootstrap run in Web Workers
// (off-main-thread/); on Node they run inline. The page's figures must be Node's, to the last
// digit printed.

const QUESTION = { batch_id: 'batch-2026-10', strategy: 'rlhf_preference', question: 'preferred' };

/** The question's Dawid–Skene estimates and model ranking computed on Node (duckdb-wasm, the same code inline). */
async function onNode() {
  const db = await openWasmNode();
  try {
    await loadSampleData(db);
    const strengths = (await preferenceByQuestion(db, {})).get(questionKey(QUESTION))!.models!.strengths;
    const ranking = strengthDots(strengths).map((d) => `${d.label} ${formatNumber(d.value, 2)}`);
    return { estimates: await dawidSkene(db, {}, QUESTION), ranking: `Ranking: ${ranking.join(' > ')};` };
  } finally {
    await db.close();
  }
}

describe('Dawid–Skene in the page', () => {
  it('runs in its worker and gives the estimates Node computes', async () => {
    const { estimates: expected, ranking } = await onNode();
    expect(expected.annotators.length).toBeGreaterThan(3);
    const session = await openApp('/');
    try {
      const { page } = session;
      await waitForDashboard(page);
      await page.getByRole('navigation', { name: 'Views' }).locator('button[data-view=quality]').click();
      await waitForDashboard(page);
      // the Bradley–Terry ranking of the question's compared models, from the model-comparisons worker
      await page.getByRole('tab', { name: 'RLHF', exact: true }).click();
      await waitForDashboard(page);
      const rlhf = page.getByRole('region', { name: 'RLHF preference quality' });
      const question = rlhf.locator('article', {
        has: page.getByRole('heading', { name: `${QUESTION.batch_id} · ${QUESTION.question}` }),
      });
      expect(await question.locator('figcaption', { hasText: 'Ranking:' }).textContent()).toContain(ranking);
      await page.getByRole('tab', { name: 'Accuracy & drift', exact: true }).click();
      await waitForDashboard(page);
      const title = `${QUESTION.batch_id} · ${QUESTION.strategy} · ${QUESTION.question}`;
      await page
        .getByTestId('aggregation-table')
        .locator('tr', { hasText: title })
        .getByRole('button', { name: 'details' })
        .click();
      await waitForDashboard(page);
      // the estimates' CSV button is named after the question they are of: it appears once they are computed
      const [csv] = await tablesAsCsv(page, [`dawid-skene annotators ${QUESTION.question} (${QUESTION.batch_id})`]);
      expect(page.workers().filter((worker) => worker.url().includes('fit-worker'))).toHaveLength(2);

      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      expect(rows.map((row) => row.annotator)).toEqual(expected.annotators.map((a) => a.annotator_id));
      rows.forEach((row, j) => {
        expect(Number(row.judgements)).toBe(expected.annotators[j].judgements);
        expect(Number(row.estimated_accuracy)).toBeCloseTo(expected.annotators[j].estimated_accuracy, 12);
      });
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
