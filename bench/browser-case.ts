/**
 * Browser measurements for `bench/run.ts`, in headless Debian Chromium (playwright-core):
 *
 * - `measureApp`: the built app (`dist/`, through `openApp` of test/e2e/browser.ts): cold start
 *   to the first dashboard with the sample data, then each file through the UI as a user does
 *   it (file input → mapping dialog → Load → `.view[data-ready="true"]`).
 * - `measureHarness`: the app's ingest + full report code (`loadDelimited`, `refreshQuestions`,
 *   `buildReport`) on duckdb-wasm in a Web Worker, timed in the page (bench/harness), because
 *   the app has no hook that exposes the report's own time.
 *
 * Memory: the peak summed RSS of the renderer processes (page + DuckDB worker), sampled every
 * 200 ms from /proc; the page's JS heap from CDP `Performance.getMetrics`; and
 * `performance.measureUserAgentSpecificMemory()` when the page is cross-origin isolated.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, openApp, waitForDashboard } from '../test/e2e/browser';
import { rendererSampler } from './process-memory';
import type { StatementSummary } from './profile-connector';

const ROOT = join(import.meta.dirname, '..');
const HARNESS_OUT = join(import.meta.dirname, 'data', 'harness-dist');
/** The app's limit (src/lib/state/app.svelte.ts BROWSER_FILE_LIMIT_BYTES): larger files are refused with a pointer to the CLI. */
const APP_FILE_LIMIT = 1024 ** 3;

export interface AppFileResult {
  file: string;
  bytes: number;
  /** Set input files → the mapping dialog is open (file read + papaparse preview on the main thread). */
  choose_ms: number | null;
  /** Click Load → the loading panel is gone (ingest + question inference in the worker). */
  load_ms: number | null;
  /** Loading panel gone → `.view[data-ready="true"]` (the overview's metrics). */
  dashboard_ms: number | null;
  /** Set input files → dashboard ready. */
  total_ms: number | null;
  renderer_cpu_ms: number;
  peak_renderer_rss_mb: number;
  js_heap_used_mb: number | null;
  /** After the file is loaded: per view, the time to open it and to apply / clear a one-batch filter. */
  views?: ViewLatency[];
  refused?: string;
  error?: string;
}

/** What a user waits for on one view, each measured until `.view[data-ready="true"]`. */
export interface ViewLatency {
  view: string;
  open_ms: number | null;
  /** A one-batch filter picked as soon as the view is ready. */
  filter_ms: number | null;
  clear_ms: number | null;
  /** From ready to `.view[data-prefetched="true"]`: the likely next filter states computed in the background. */
  prefetch_ms?: number | null;
  /** Another one-batch filter picked once the view has settled (prefetched). */
  settled_filter_ms?: number | null;
  error?: string;
}

/** The view tabs, as labelled in the app's navigation. */
const VIEWS = ['Overview', 'Quality', 'Guarantee', 'Audit', 'Economics', 'Data'];

export interface AppResult {
  cold_start_ms: number;
  cold_start_in_page_ms: number;
  /** When DuckDB had started and loaded the sample behind the first dashboard (drawn from the build's snapshot). */
  engine_ready_in_page_ms: number;
  cold_start_peak_renderer_rss_mb: number;
  ua_memory_mb: number | null;
  files: AppFileResult[];
  /** A user who loads their own file as soon as the first dashboard shows (a fresh page). */
  first_file: FirstFileResult | null;
}

export interface FirstFileResult {
  file: string;
  /** First dashboard (from the build's snapshot), ms from navigation. */
  first_dashboard_in_page_ms: number | null;
  /** Click Load → the file's dashboard is ready. */
  load_to_dashboard_ms: number | null;
  /** Navigation → the file's dashboard is ready: what a client auditing a batch waits for. */
  own_dashboard_in_page_ms: number | null;
  error?: string;
}

async function jsHeapMb(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? null : Math.round(used / 1024 ** 2);
  } catch {
    return null;
  }
}

async function uaMemoryMb(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
      .measureUserAgentSpecificMemory;
    if (!measure || !(globalThis as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated) return null;
    try {
      return Math.round((await measure.call(performance)).bytes / 1024 ** 2);
    } catch {
      return null;
    }
  });
}

/** Cold start of the built app with the sample data, then each file through the UI. */
export async function measureApp(files: string[], timeoutMs: number): Promise<AppResult> {
  const sampler = rendererSampler();
  const start = performance.now();
  const session = await openApp('/');
  let measured: Omit<AppResult, 'first_file'>;
  try {
    const { page } = session;
    await waitForDashboard(page, timeoutMs);
    const cold_start_ms = Math.round(performance.now() - start);
    const cold_start_in_page_ms = Math.round(await page.evaluate(() => performance.now()));
    await page.waitForSelector('main[data-engine-ready="true"]', { timeout: timeoutMs });
    const engine_ready_in_page_ms = Math.round(await page.evaluate(() => performance.now()));
    const cold_start_peak_renderer_rss_mb = sampler.peakMb();
    const ua_memory_mb = await uaMemoryMb(page);
    const results: AppFileResult[] = [];
    for (const file of files) results.push(await loadThroughUi(page, file, sampler, timeoutMs));
    measured = {
      cold_start_ms,
      cold_start_in_page_ms,
      engine_ready_in_page_ms,
      cold_start_peak_renderer_rss_mb,
      ua_memory_mb,
      files: results,
    };
  } finally {
    sampler.stop();
    await session.close();
  }
  return { ...measured, first_file: files.length ? await measureFirstFile(files[0], timeoutMs) : null };
}

/**
 * A fresh page: as soon as the first dashboard shows (drawn from the build's snapshot while
 * DuckDB starts), `file` is picked and loaded through the UI; timed until its dashboard is ready.
 */
async function measureFirstFile(file: string, timeoutMs: number): Promise<FirstFileResult> {
  const result: FirstFileResult = {
    file: file.split('/').pop()!,
    first_dashboard_in_page_ms: null,
    load_to_dashboard_ms: null,
    own_dashboard_in_page_ms: null,
  };
  const session = await openApp('/');
  try {
    const { page } = session;
    await waitForDashboard(page, timeoutMs);
    result.first_dashboard_in_page_ms = Math.round(await page.evaluate(() => performance.now()));
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.waitForSelector('[data-testid=mapping-load]', { state: 'visible', timeout: timeoutMs });
    const clicked = await page.evaluate(() => performance.now());
    await page.click('[data-testid=mapping-load]');
    await page.waitForSelector('[data-testid=loading]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForSelector('[data-testid=loading]', { state: 'detached', timeout: timeoutMs });
    // the view's refresh for the file's data (one that ends after the loading panel went away)
    const loaded = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      (after) =>
        performance
          .getEntriesByType('measure')
          .some((m) => m.name.startsWith('annoqa:refresh:') && m.startTime + m.duration > after),
      loaded,
      { timeout: timeoutMs, polling: 10 },
    );
    await waitForDashboard(page, timeoutMs);
    const ready = await page.evaluate(() => performance.now());
    result.load_to_dashboard_ms = Math.round(ready - clicked);
    result.own_dashboard_in_page_ms = Math.round(ready);
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  } finally {
    await session.close();
  }
  return result;
}

async function loadThroughUi(
  page: Page,
  file: string,
  sampler: ReturnType<typeof rendererSampler>,
  timeoutMs: number,
): Promise<AppFileResult> {
  const bytes = statSync(file).size;
  const result: AppFileResult = {
    file: file.split('/').pop()!,
    bytes,
    choose_ms: null,
    load_ms: null,
    dashboard_ms: null,
    total_ms: null,
    renderer_cpu_ms: 0,
    peak_renderer_rss_mb: 0,
    js_heap_used_mb: null,
  };
  sampler.resetPeak();
  const cpuStart = sampler.cpu();
  const start = performance.now();
  try {
    await page.setInputFiles('[data-testid=file-input]', file);
    if (bytes > APP_FILE_LIMIT) {
      await page.waitForSelector('[data-testid=load-problems]', { timeout: 30_000 });
      result.refused = (await page.textContent('[data-testid=load-problems]'))?.trim().slice(0, 200);
      return result;
    }
    await page.waitForSelector('[data-testid=mapping-load]', { state: 'visible', timeout: timeoutMs });
    const chosen = performance.now();
    result.choose_ms = Math.round(chosen - start);
    const refreshes = await refreshesEnded(page);
    await page.click('[data-testid=mapping-load]');
    await page.waitForSelector('[data-testid=loading]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForSelector('[data-testid=loading]', { state: 'detached', timeout: timeoutMs });
    const loaded = performance.now();
    result.load_ms = Math.round(loaded - chosen);
    // The view recomputes for the new data.
    await waitForRefresh(page, refreshes, timeoutMs);
    const problems = await page.$('[data-testid=load-problems]');
    if (problems) result.error = (await problems.textContent())?.trim().slice(0, 300);
    result.dashboard_ms = Math.round(performance.now() - loaded);
    result.total_ms = Math.round(performance.now() - start);
    result.views = await viewLatencies(page, timeoutMs);
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  } finally {
    result.renderer_cpu_ms = Math.round(sampler.cpu() - cpuStart);
    result.peak_renderer_rss_mb = sampler.peakMb();
    result.js_heap_used_mb = await jsHeapMb(page);
  }
  return result;
}

/** How many view refreshes have ended (`annoqa:refresh:*` User Timing measures, src/lib/state/timing.ts). */
function refreshesEnded(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('annoqa:refresh:')).length);
}

/**
 * Waits until a view refresh has ended after `before` were counted, and the view shows it
 * (data-ready): a refresh answered from the caches may never be seen not-ready, so the flag
 * alone cannot tell that it has happened.
 */
async function waitForRefresh(page: Page, before: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (count) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('annoqa:refresh:')).length > count,
    before,
    { timeout: timeoutMs, polling: 10 },
  );
  await waitForDashboard(page, timeoutMs);
}

/** Time from `act` until the view has refreshed and shows it. */
async function timedUntilReady(page: Page, act: () => Promise<void>, timeoutMs: number): Promise<number> {
  const before = await refreshesEnded(page);
  const start = performance.now();
  await act();
  await waitForRefresh(page, before, timeoutMs);
  return Math.round(performance.now() - start);
}

/**
 * For every view: open it, then filter to one batch (the second option of the batch filter,
 * as a user picks one), then clear the filter — each timed until the view is ready again;
 * then wait until the view has computed its likely next filter states (`prefetch_ms`) and
 * pick another batch (`settled_filter_ms`), as a user who looked at the view first does.
 */
async function viewLatencies(page: Page, timeoutMs: number): Promise<ViewLatency[]> {
  const out: ViewLatency[] = [];
  const batch = page.locator('select[data-filter=batches]');
  for (const view of VIEWS) {
    const row: ViewLatency = {
      view,
      open_ms: null,
      filter_ms: null,
      clear_ms: null,
      prefetch_ms: null,
      settled_filter_ms: null,
    };
    try {
      const tab = page.getByRole('navigation', { name: 'Views' }).getByText(view, { exact: true });
      // the view shown already (the Overview, after a load) opens without a refresh
      const shown = (await tab.getAttribute('aria-current')) === 'page';
      row.open_ms = shown ? 0 : await timedUntilReady(page, () => tab.click(), timeoutMs);
      const value = await batch.locator('option').nth(1).getAttribute('value');
      row.filter_ms = await timedUntilReady(page, () => batch.selectOption(value!).then(() => undefined), timeoutMs);
      const clear = () => page.getByRole('button', { name: 'Clear filters' }).click();
      row.clear_ms = await timedUntilReady(page, clear, timeoutMs);
      const settling = performance.now();
      await page.waitForSelector('.view[data-prefetched="true"]', { timeout: timeoutMs });
      row.prefetch_ms = Math.round(performance.now() - settling);
      const other = await batch.locator('option').nth(2).getAttribute('value');
      row.settled_filter_ms = await timedUntilReady(page, () => batch.selectOption(other!).then(() => undefined), timeoutMs);
      await timedUntilReady(page, clear, timeoutMs);
    } catch (error) {
      row.error = (error as Error).message.split('\n')[0];
    }
    out.push(row);
  }
  return out;
}

export interface HarnessResult {
  file: string;
  open_ms?: number;
  read_ms?: number;
  ingest_ms?: number;
  questions_ms?: number;
  report_ms?: number;
  filtered_report_ms?: number;
  rows_loaded?: number;
  /** The report's statements (timed in the worker's order, from the page) and their sum; the slowest by SQL head. */
  report_statements?: number;
  report_sql_ms?: number;
  report_top_statements?: StatementSummary[];
  ingest_profile?: StatementSummary[];
  renderer_cpu_ms: number;
  peak_renderer_rss_mb: number;
  error?: string;
}

/** Builds the harness page (Vite, into bench/data/harness-dist). */
export async function buildHarness(): Promise<void> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'harness'),
    base: './',
    logLevel: 'warn',
    resolve: { alias: {} },
    build: { outDir: HARNESS_OUT, emptyOutDir: true, target: 'es2022' },
    worker: { format: 'es' },
  });
}

/** The built harness served by Vite's preview server, opened in a fresh headless Chromium at `hash`. */
async function openHarness(hash = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: HARNESS_OUT },
    preview: { port: 0, open: false },
  });
  const origin = server.resolvedUrls!.local[0].replace(/\/$/, '');
  const profile = mkdtempSync(join(tmpdir(), 'annoqa-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/${hash}`);
  return {
    page,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One file through the harness in a fresh Chromium: ingest, questions, full report, filtered report. */
export async function measureHarness(file: string, timeoutMs: number): Promise<HarnessResult> {
  const harness = await openHarness();
  const sampler = rendererSampler();
  const result: HarnessResult = { file: file.split('/').pop()!, renderer_cpu_ms: 0, peak_renderer_rss_mb: 0 };
  try {
    const { page } = harness;
    await page.waitForFunction(() => (window as { __bench?: { ready?: boolean } }).__bench?.ready === true, undefined, {
      timeout: 120_000,
    });
    sampler.resetPeak();
    const cpuStart = sampler.cpu();
    await page.setInputFiles('[data-testid=bench-file]', file);
    await page.waitForFunction(
      () => {
        const b = (window as { __bench?: { done?: boolean; error?: string } }).__bench;
        return b?.done === true || b?.error !== undefined;
      },
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
    Object.assign(result, await page.evaluate(() => (window as { __bench?: object }).__bench));
    result.renderer_cpu_ms = Math.round(sampler.cpu() - cpuStart);
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  } finally {
    result.peak_renderer_rss_mb = sampler.peakMb();
    sampler.stop();
    await harness.close();
  }
  delete (result as { done?: boolean }).done;
  return result;
}

export interface AgreementChromiumResult {
  coefficients_ms: number;
  bootstrap_ms: number;
  alpha: number | null;
}

/** Builds the harness and times `agreementByQuestion` on 1M judgements in headless Chromium (`#agreement`). */
export async function measureAgreementInChromium(timeoutMs: number): Promise<AgreementChromiumResult> {
  await buildHarness();
  const harness = await openHarness('#agreement');
  try {
    const { page } = harness;
    await page.waitForFunction(() => (window as { __bench?: { done?: boolean } }).__bench?.done === true, undefined, {
      timeout: timeoutMs,
      polling: 250,
    });
    return (await page.evaluate(() => (window as { __bench?: object }).__bench)) as AgreementChromiumResult;
  } finally {
    await harness.close();
  }
}
