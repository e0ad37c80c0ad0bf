import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForDashboard, type BrowserSession } from './browser';

// The Economics view computes the filter states a user is likely to pick next once it has
// settled (src/lib/state/dashboard.svelte.ts). A state answered from those caches must show
// exactly what the view shows when it opens with that state, on the bundled sample data.
let session: BrowserSession;

beforeAll(async () => {
  session = await openApp('/#view=economics');
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
});

const TABLES = ['Per annotator', 'Per strategy', 'Per batch'];

async function tablesAsCsv(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const table of TABLES) {
    const button = page.getByRole('button', { name: `Download economics ${table} as CSV` });
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    out.push(readFileSync((await file.path())!, 'utf8'));
  }
  return out;
}

const measures = (page: Page, prefix: string) =>
  page.evaluate((p) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith(p)).length, prefix);

describe('Economics prefetch', () => {
  it('computes the likely next filters once settled, and a prefetched filter shows what a fresh view shows', async () => {
    const { page } = session;
    await page.waitForSelector('.view[data-prefetched="true"]', { timeout: 90_000 });
    const options = await page.locator('select[data-filter=batches] option').count();
    // one state per batch (the sample has 3) and per strategy (3)
    expect(await measures(page, 'annoqa:prefetch:economics')).toBe(options - 1 + 3);

    const refreshes = await measures(page, 'annoqa:refresh:economics');
    const batch = await page.locator('select[data-filter=batches] option').nth(2).getAttribute('value');
    await page.locator('select[data-filter=batches]').selectOption(batch!);
    await page.waitForFunction(
      (n) => performance.getEntriesByType('measure').filter((m) => m.name === 'annoqa:refresh:economics').length > n,
      refreshes,
    );
    await waitForDashboard(page);
    const fromPrefetch = await tablesAsCsv(page);
    expect(fromPrefetch[2].trim().split('\n')).toHaveLength(2); // header + the one batch

    const fresh = await page.context().newPage();
    try {
      await fresh.goto(page.url());
      await waitForDashboard(fresh);
      expect(await tablesAsCsv(fresh)).toEqual(fromPrefetch);
    } finally {
      await fresh.close();
    }
    expect(session.pageErrors).toEqual([]);
  });
});
