import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, tablesAsCsv, waitForDashboard } from './browser';

// The Overview, Quality's agreement tab and Economics compute the filter states a user is
// likely to pick next once they have settled (src/lib/state/dashboard.svelte.ts). A state answered from those caches
// must show exactly what the view shows when it opens with that state, on the sample data.

/** Each view's tables, by the start of their CSV button's name (the agreement tables name the selected question). */
const TABLES = {
  overview: ['questions', 'batches instruction_tuning', 'batches rlhf_preference', 'batches vl_alignment'],
  quality: ['agreement coefficients', 'annotator pairs', 'agreement per annotator'],
  economics: ['economics Per annotator', 'economics Per strategy', 'economics Per batch'],
};

const measured = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByType('measure').filter((m) => m.name === n).length, name);

describe.each(Object.entries(TABLES))('%s prefetch', (view, tables) => {
  it('computes the likely next filters once settled; a prefetched filter shows what a fresh view shows', async () => {
    const session = await openApp(`/#view=${view}`);
    try {
      const { page } = session;
      await waitForDashboard(page);
      await page.waitForSelector('.view[data-prefetched="true"]', { timeout: 90_000 });
      const batches = page.locator('select[data-filter=batches] option');
      // one state per batch and per strategy of the sample (3 each)
      expect(await batches.count()).toBe(4);
      expect(await measured(page, `annoqa:prefetch:${view}`)).toBe(6);

      const refreshMeasure = `annoqa:refresh:${view === 'quality' ? 'quality/agreement' : view}`;
      const refreshes = await measured(page, refreshMeasure);
      await page.locator('select[data-filter=batches]').selectOption((await batches.nth(2).getAttribute('value'))!);
      await page.waitForFunction(
        ([name, n]) => performance.getEntriesByType('measure').filter((m) => m.name === name).length > Number(n),
        [refreshMeasure, refreshes],
      );
      await waitForDashboard(page);
      const fromPrefetch = await tablesAsCsv(page, tables);

      const fresh = await page.context().newPage();
      try {
        await fresh.goto(page.url());
        await waitForDashboard(fresh);
        expect(await tablesAsCsv(fresh, tables)).toEqual(fromPrefetch);
      } finally {
        await fresh.close();
      }
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
