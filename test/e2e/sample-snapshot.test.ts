import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, tablesAsCsv, waitForDashboard } from './browser';

// The build computes the sample's first dashboard (scripts/sample-snapshot.ts); the page draws
// it from that snapshot before DuckDB has started, then DuckDB takes over
// (src/lib/db/read-snapshot.ts). It must show exactly what DuckDB computes in the page.

const OVERVIEW_TABLES = ['questions', 'batches instruction_tuning', 'batches rlhf_preference', 'batches vl_alignment'];

/** Start and end (ms since navigation) of the first User Timing measure named `name`. */
const span = (page: Page, name: string) =>
  page.evaluate((n) => {
    const [m] = performance.getEntriesByName(n, 'measure');
    return m ? { start: m.startTime, end: m.startTime + m.duration } : null;
  }, name);

describe('the first dashboard from the build snapshot', () => {
  it('is drawn before DuckDB starts, equals what DuckDB computes in the page, and hands over to DuckDB', async () => {
    const session = await openApp('/');
    try {
      const { page } = session;
      await waitForDashboard(page);
      await expect(page.getByTestId('engine-starting').isVisible()).resolves.toBe(true);
      const fromSnapshot = await tablesAsCsv(page, OVERVIEW_TABLES);
      expect(fromSnapshot[0].split('\n').length).toBeGreaterThan(9);

      await page.waitForSelector('main[data-engine-ready="true"]', { timeout: 120_000 });
      expect(await page.getByTestId('engine-starting').count()).toBe(0);
      const drawn = (await span(page, 'annoqa:refresh:overview'))!;
      const duckdb = (await span(page, 'annoqa:duckdb:start'))!;
      expect(duckdb.start).toBeGreaterThanOrEqual(drawn.end);

      // a filter state the snapshot does not hold is computed by DuckDB
      const questions = page.locator('select[data-filter=questions] option');
      await page.locator('select[data-filter=questions]').selectOption((await questions.nth(1).getAttribute('value'))!);
      await page.waitForFunction(() => performance.getEntriesByName('annoqa:refresh:overview', 'measure').length >= 2);
      await waitForDashboard(page);
      await expect(page.locator('.view [role=alert]').count()).resolves.toBe(0);

      const live = await page.context().newPage();
      try {
        await live.route('**/sample-snapshot.json.gz', (route) => route.fulfill({ status: 404, body: '' }));
        await live.goto(`${session.origin}/`);
        await waitForDashboard(live);
        const opened = (await span(live, 'annoqa:duckdb:start'))!;
        expect(opened.end).toBeLessThanOrEqual((await span(live, 'annoqa:refresh:overview'))!.start);
        expect(await tablesAsCsv(live, OVERVIEW_TABLES)).toEqual(fromSnapshot);
      } finally {
        await live.close();
      }
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
