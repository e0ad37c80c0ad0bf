import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { dawidSkene } from '../../src/lib/metrics/aggregation/dawid-skene';
import { loadSampleData } from '../sample-data/sample-files';
import { openApp, tablesAsCsv, waitForDashboard } from './browser';

// In a browser tab Dawid–Skene's EM runs in a Web Worker (fit-off-main-thread.ts); on Node it
// runs inline. The page's annotator estimates must be Node's, to the last digit printed.

const QUESTION = { batch_id: 'batch-2026-10', strategy: 'rlhf_preference', question: 'preferred' };

/** The question's Dawid–Skene estimates computed on Node (duckdb-wasm, the same code inline). */
async function onNode() {
  const db = await openWasmNode();
  try {
    await loadSampleData(db);
    return await dawidSkene(db, {}, QUESTION);
  } finally {
    await db.close();
  }
}

describe('Dawid–Skene in the page', () => {
  it('runs in the EM worker and gives the estimates Node computes', async () => {
    const expected = await onNode();
    expect(expected.annotators.length).toBeGreaterThan(3);
    const session = await openApp('/');
    try {
      const { page } = session;
      await waitForDashboard(page);
      await page.getByRole('navigation', { name: 'Views' }).locator('button[data-view=quality]').click();
      await waitForDashboard(page);
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
      expect(page.workers().some((worker) => worker.url().includes('dawid-skene-worker'))).toBe(true);

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
