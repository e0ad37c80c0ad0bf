import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLabelStudioJson } from '../../scripts/generate-large-exports';
import { openApp, waitForDashboard, type BrowserSession } from './browser';
import { firstNumber, numbersIn, readLoadWatch, startLoadWatch, waitForLoadEnd } from './load-watch';

// A few-MB Label Studio full export (scripts/generate-large-exports.ts, fixed seed) is loaded
// through the file input: the ingest worker reads and parses it while the page shows the file,
// the phase, bytes read and records parsed, and the main thread never blocks for long.
const folder = mkdtempSync(join(tmpdir(), 'annoqa-loading-'));
const path = join(folder, 'reviews-export.json');
let tasks = 0;
let session: BrowserSession;

beforeAll(async () => {
  tasks = writeLabelStudioJson(path, 6e6);
  session = await openApp('/#view=overview');
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('loading a JSON export in the ingest worker', () => {
  it('shows the phase, bytes and records while loading, and the page stays responsive', async () => {
    const { page } = session;
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('mapping-dialog').getByText('a Label Studio JSON export').waitFor();
    await startLoadWatch(page);
    await page.getByTestId('mapping-load').click();
    await waitForLoadEnd(page);
    await waitForDashboard(page);
    const watch = await readLoadWatch(page);

    const phases = [...new Set(watch.seen.map((s) => s.phase))];
    expect(phases).toContain('loading');
    expect(phases.indexOf('loading')).toBeGreaterThan(0); // reading or parsing came first
    // Bytes: "N MiB of M MiB read", M the file's size in MiB (1 decimal).
    const total = (statSync(path).size / 1024 ** 2).toFixed(1);
    expect(watch.seen.some((s) => s.bytes?.endsWith(`of ${total} MiB read`))).toBe(true);
    // Records parsed: each task is a record (the count grows while the worker parses).
    const records = watch.seen.map((s) => firstNumber(s.records)).filter((n) => n > 0);
    expect(records.length).toBeGreaterThan(0);
    expect(Math.max(...records)).toBe(tasks);
    // Then the accounting: 3 annotations × 2 controls = 6 judgements per task, all loaded, none rejected.
    const accounted = watch.seen.map((s) => numbersIn(s.accounted)).find((n) => n.length === 3);
    expect(accounted).toEqual([tasks * 6, tasks * 6, 0]);
    // No long main-thread block while the file was read, parsed and loaded. On a quiet machine
    // the longest is well under 200 ms; the bound is 500 ms because on a shared 2-core machine
    // a task also waits for a free core (340 ms seen at load average 10).
    const longest = Math.max(0, ...watch.longTasks.map((t) => t.duration));
    expect(longest).toBeLessThan(500);
    expect(await page.getByTestId('load-problems').count()).toBe(0);
    // The export's two controls are the questions now (the sample data was replaced).
    const questions = await page.locator('[data-testid=question-table] tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(questions)).toEqual(new Set(['quality', 'sentiment']));
    expect(session.pageErrors).toEqual([]);
  });

  it('refuses the same file again (SHA-256), naming the copy already loaded', async () => {
    const { page } = session;
    await page.getByTestId('file-input').setInputFiles(path);
    await startLoadWatch(page);
    await page.getByTestId('mapping-load').click();
    await waitForLoadEnd(page);
    await waitForDashboard(page);
    await expect(page.getByTestId('load-problems').textContent()).resolves.toContain('the same file is already loaded');
  });
});

describe('loading a Parquet file', () => {
  // test/fixtures/tables/long.parquet (5 rows, one without annotator): decoded to Arrow by
  // parquet-wasm in the ingest worker (its wasm served from this origin), inserted into DuckDB.
  it('decodes it in the ingest worker and accounts for every row', async () => {
    const { page } = session;
    await page.getByTestId('file-input').setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'tables', 'long.parquet'));
    await page.getByTestId('mapping-dialog').waitFor();
    await startLoadWatch(page);
    await page.getByTestId('mapping-load').click();
    await waitForLoadEnd(page);
    await waitForDashboard(page);
    const watch = await readLoadWatch(page);
    expect(watch.seen.map((s) => numbersIn(s.accounted)).find((n) => n.length === 3)).toEqual([5, 4, 1]);
    expect(session.pageErrors).toEqual([]);
  });
});
