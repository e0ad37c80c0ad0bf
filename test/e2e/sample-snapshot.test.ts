import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, tablesAsCsv, waitForDashboard } from './browser';

// The build computes the sample's first dashboard (scripts/sample-snapshot.ts); the page draws
// it from that snapshot before DuckDB has started, then DuckDB takes over
// (src/lib/db/read-snapshot.ts). It must show exactly what DuckDB computes in the page.

const OVERVIEW_TABLES = ['questions', 'batches instruction_tuning', 'batches rlhf_preference', 'batches vl_alignment'];
const ECONOMICS_TABLES = ['economics Per annotator', 'economics Per strategy', 'economics Per batch'];

/** The Overview's tables, then Economics' (opened from the navigation). */
async function overviewAndEconomics(page: Page): Promise<string[]> {
  const overview = await tablesAsCsv(page, OVERVIEW_TABLES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Economics', exact: true }).click();
  await page.waitForFunction(() => performance.getEntriesByName('annoqa:refresh:economics', 'measure').length > 0);
  await waitForDashboard(page);
  return [...overview, ...(await tablesAsCsv(page, ECONOMICS_TABLES))];
}

/** Start and end (ms since navigation) of the first User Timing measure named `name`. */
const span = (page: Page, name: string) =>
  page.evaluate((n) => {
    const [m] = performance.getEntriesByName(n, 'measure');
    return m ? { start: m.startTime, end: m.startTime + m.duration } : null;
  }, name);

describe('the first views from the build snapshot', () => {
  it('are drawn before DuckDB starts, equal what DuckDB computes in the page, and hand over to DuckDB', async () => {
    const session = await openApp('/');
    try {
      const { page } = session;
      await waitForDashboard(page);
      await expect(page.getByTestId('engine-starting').isVisible()).resolves.toBe(true);
      const fromSnapshot = await overviewAndEconomics(page);
      expect(fromSnapshot[0].split('\n').length).toBeGreaterThan(9);
      expect(fromSnapshot[4].split('\n').length).toBeGreaterThan(10);

      await page.waitForSelector('main[data-engine-ready="true"]', { timeout: 120_000 });
      expect(await page.getByTestId('engine-starting').count()).toBe(0);
      const drawn = (await span(page, 'annoqa:refresh:overview'))!;
      const duckdb = (await span(page, 'annoqa:duckdb:start'))!;
      expect(duckdb.start).toBeGreaterThanOrEqual(drawn.end);

      // a filter state the snapshot does not hold is computed by DuckDB
      const questions = page.locator('select[data-filter=questions] option');
      await page.locator('select[data-filter=questions]').selectOption((await questions.nth(1).getAttribute('value'))!);
      await page.waitForFunction(() => performance.getEntriesByName('annoqa:refresh:economics', 'measure').length >= 2);
      await waitForDashboard(page);
      await expect(page.locator('.view [role=alert]').count()).resolves.toBe(0);

      const live = await page.context().newPage();
      try {
        await live.route('**/sample-snapshot.json.gz', (route) => route.fulfill({ status: 404, body: '' }));
        await live.goto(`${session.origin}/`);
        await waitForDashboard(live);
        const opened = (await span(live, 'annoqa:duckdb:start'))!;
        expect(opened.end).toBeLessThanOrEqual((await span(live, 'annoqa:refresh:overview'))!.start);
        expect(await overviewAndEconomics(live)).toEqual(fromSnapshot);
      } finally {
        await live.close();
      }
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
