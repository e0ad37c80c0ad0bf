import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Debian's Chromium (STACK.md); Playwright's own browser download does not work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  page: Page;
  origin: string;
  /** Every request that went to another origin (must stay empty: AnnoQA sends nothing out). */
  outsideRequests: string[];
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Serves the built app (`dist/`, from `npm run build`) with Vite's preview server and opens it
 * in headless Chromium. Requests to any other origin are aborted and recorded. `beforeGoto`
 * runs once the context exists, before the page is opened (e.g. to hold back a request).
 */
export async function openApp(
  path = '/',
  beforeGoto: (context: BrowserContext) => Promise<unknown> = async () => undefined,
): Promise<BrowserSession> {
  const server: PreviewServer = await preview({ logLevel: 'silent', preview: { port: 0, strictPort: false, open: false } });
  const origin = server.resolvedUrls!.local[0].replace(/\/$/, '');
  const profile = mkdtempSync(join(tmpdir(), 'annoqa-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  await beforeGoto(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(origin + path);
  return {
    page,
    origin,
    outsideRequests,
    pageErrors,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the dashboard has loaded its data and computed the current view. */
export async function waitForDashboard(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('.view[data-ready="true"]', { timeout });
}

/**
 * Opens the built app on `path`, loads a generated CSV through the file input and the mapping
 * dialog, and waits until `ready` (a selector) shows and the dashboard is computed.
 */
export async function openAppWithCsv(path: string, fileName: string, csv: string, ready: string): Promise<BrowserSession> {
  const session = await openApp(path);
  await waitForDashboard(session.page);
  const { page } = session;
  await page.getByTestId('file-input').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('mapping-load').click();
  await page.waitForSelector(ready, { timeout: 120_000 });
  await waitForDashboard(page);
  return session;
}

/** The tables named (by the start of their CSV button's name) as the CSV files their buttons download. */
export async function tablesAsCsv(page: Page, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const button = page.locator(`button[aria-label^="Download ${name} "]`);
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    out.push(readFileSync((await file.path())!, 'utf8'));
  }
  return out;
}
