import { describe, expect, it } from 'vitest';
import { openApp, waitForDashboard } from './browser';

// A client who opens the page and loads their own export at once: the first dashboard comes from
// the build's snapshot while DuckDB starts (sample-snapshot.test.ts). Their file replaces the
// sample, so DuckDB skips the samples it has not loaded yet, and the file is read and parsed
// while DuckDB starts. DuckDB's wasm is held back here until the user has clicked Load, so that
// DuckDB cannot have started, let alone loaded a sample, before the user's choice.

/** 12 items × 3 annotators of one graded question: 36 judgements. */
function exportCsv(): string {
  const lines = ['item_id,annotator_id,question,answer'];
  for (let item = 1; item <= 12; item++) {
    for (const annotator of ['ann-a', 'ann-b', 'ann-c']) lines.push(`it-${item},${annotator},tone,${(item % 3) + 1}`);
  }
  return lines.join('\n') + '\n';
}

describe('a file loaded while DuckDB starts', () => {
  it('skips the samples, shows the loading panel at once, and shows only the file', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const session = await openApp('/#view=overview', (context) =>
      context.route(/\/duckdb-(eh|mvp)[^/]*\.wasm$/, async (route) => {
        await held;
        await route.fallback();
      }),
    );
    try {
      const { page } = session;
      await waitForDashboard(page);
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(exportCsv()) });
      await page.getByTestId('mapping-load').click();
      // The file is read and parsed while DuckDB has not started (its wasm is still held): the
      // loading panel says it waits for DuckDB.
      await page.waitForSelector('[data-testid=loading-phase][data-phase=starting]', { timeout: 10_000 });
      await expect(page.getByTestId('loading-phase').textContent()).resolves.toBe('waiting for DuckDB…');
      expect(await page.evaluate(() => performance.getEntriesByName('annoqa:duckdb:start', 'measure').length)).toBe(0);
      release();
      await page.waitForSelector('[data-testid=loading]', { state: 'detached', timeout: 120_000 });
      await page.waitForSelector('main[data-engine-ready="true"]', { timeout: 120_000 });
      await waitForDashboard(page);

      // No sample went into DuckDB; the user's file did.
      const loads = await page.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .map((m) => m.name)
          .filter((name) => name.startsWith('annoqa:load:')),
      );
      expect(loads).toEqual(['annoqa:load:own.csv']);
      expect(await page.getByTestId('load-problems').count()).toBe(0);
      const question = page.locator('[data-testid=question-table] tbody tr');
      await expect(question.count()).resolves.toBe(1);
      const cells = await question.first().locator('td').allTextContents();
      expect(cells.slice(2, 3)).toEqual(['tone']);
      expect(cells.slice(5, 8)).toEqual(['12', '3', '36']); // items, annotators, judgements
      expect(session.pageErrors).toEqual([]);
    } finally {
      release();
      await session.close();
    }
  }, 180_000);
});
