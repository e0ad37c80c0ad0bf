import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rendererSampler } from '../../bench/process-memory';
import { writeLabelStudioJson, writeLongCsv } from '../../scripts/generate-large-exports';
import { openApp, waitForDashboard, type BrowserSession } from './browser';
import { numbersIn, readLoadWatch, startLoadWatch, waitForLoadEnd } from './load-watch';

// Opt-in (ANNOQA_LARGE=1): a 500 MB long CSV and a 200 MB Label Studio JSON export
// (scripts/generate-large-exports.ts, fixed seeds, in bench/data/) load in the built app in
// headless Chromium; the page stays responsive (no main-thread block over 200 ms while they
// load). Wall time, peak renderer memory (summed RSS of Chromium's renderer processes: page,
// ingest worker, DuckDB worker) and the longest block are printed.
const DATA = join(import.meta.dirname, '..', '..', 'bench', 'data');
const CSV = join(DATA, 'large-long.csv');
const JSON_EXPORT = join(DATA, 'large-labelstudio.json');
let session: BrowserSession | undefined;

beforeAll(() => {
  if (!process.env.ANNOQA_LARGE) return;
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(CSV)) writeLongCsv(CSV, 500e6);
  if (!existsSync(JSON_EXPORT)) writeLabelStudioJson(JSON_EXPORT, 200e6);
}, 600_000);

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function loadLarge(path: string, judgements: number) {
  session = await openApp('/#view=overview');
  const { page } = session;
  await waitForDashboard(page);
  const memory = rendererSampler(250);
  memory.resetPeak();
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByTestId('mapping-dialog').waitFor();
  const chosenMs = Date.now() - started;
  await startLoadWatch(page);
  const clicked = Date.now();
  await page.getByTestId('mapping-load').click();
  await waitForLoadEnd(page);
  const loadedMs = Date.now() - clicked;
  await waitForDashboard(page, 600_000);
  const readyMs = Date.now() - clicked;
  memory.stop();
  const watch = await readLoadWatch(page);
  const problems = await page.getByTestId('load-problems').allTextContents();
  // The loading panel's last word: read N rows: M loaded, K rejected.
  const [read, loaded, rejected] = watch.seen.map((s) => numbersIn(s.accounted)).find((n) => n.length === 3) ?? [];
  const longest = Math.max(0, ...watch.longTasks.map((t) => t.duration));
  const result = {
    file: path.split('/').pop(),
    mb: Math.round(statSync(path).size / 1e6),
    succeeded: problems.length === 0 && loaded === judgements,
    choose_ms: chosenMs,
    load_ms: loadedMs,
    load_and_dashboard_ms: readyMs,
    peak_renderer_rss_mb: memory.peakMb(),
    longest_main_thread_block_ms: Math.round(longest),
    max_frame_gap_ms: Math.round(watch.maxFrameGapMs),
    phases: [...new Set(watch.seen.map((s) => s.phase))],
    rows_read: read,
    rows_loaded: loaded,
    rows_rejected: rejected,
    problems,
  };
  console.log(JSON.stringify(result));
  expect(result.problems).toEqual([]);
  expect(result.succeeded).toBe(true);
  expect([read, loaded, rejected]).toEqual([judgements, judgements, 0]);
  const questions = await page.locator('[data-testid=question-table] tbody tr td:nth-child(3)').allTextContents();
  expect(questions.length).toBeGreaterThan(0);
  expect(result.choose_ms).toBeLessThan(5_000);
  expect(longest).toBeLessThan(200);
}

describe.skipIf(!process.env.ANNOQA_LARGE)('large files in the browser (ANNOQA_LARGE=1)', () => {
  it('loads a 500 MB long CSV through DuckDB’s reader', { timeout: 900_000 }, async () => {
    // writeLongCsv writes 5 judgements per item, one row each: every data row is a judgement.
    const rows = Number((await import('node:child_process')).execSync(`wc -l < ${JSON.stringify(CSV)}`).toString()) - 1;
    await loadLarge(CSV, rows);
  });

  it('loads a 200 MB Label Studio JSON export parsed in the ingest worker', { timeout: 900_000 }, async () => {
    // 6 judgements per task (3 annotations × a choice and a rating); count the tasks by their inner_id.
    const tasks = Number(
      (await import('node:child_process')).execSync(`grep -c '"inner_id"' ${JSON.stringify(JSON_EXPORT)}`).toString(),
    );
    await loadLarge(JSON_EXPORT, tasks * 6);
  });
});
