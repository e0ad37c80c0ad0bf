import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForDashboard, type BrowserSession } from './browser';

const OUTPUT = join(import.meta.dirname, '..', 'output');
let session: BrowserSession;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  session = await openApp('/#view=overview');
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
});

async function openView(label: string) {
  const { page } = session;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label, exact: true }).click();
  await waitForDashboard(page);
}

describe('every view opens with the sample data', () => {
  for (const [label, check] of [
    ['Overview', '[data-testid=question-table] tbody tr'],
    ['Quality', '[data-testid=agreement-per-annotator] tbody tr'],
    ['Guarantee', 'text=Gold items needed'],
    ['Audit', 'svg[role=img]'],
    ['Economics', 'text=Quality per dollar: annotators'],
    ['Data', '[data-testid=sources-table] tbody tr'],
  ] as const) {
    it(`${label}`, async () => {
      await openView(label);
      await session.page.waitForSelector(check, { timeout: 60_000 });
      await session.page.screenshot({ path: join(OUTPUT, `view-${label.toLowerCase()}.png`), fullPage: true });
    });
  }
});

describe('linked filters, drill-down and exports', () => {
  it('a batch filter applies to every view and lives in the URL', async () => {
    const { page } = session;
    await openView('Overview');
    await page.locator('select[data-filter=batches]').selectOption('batch-2026-10');
    await waitForDashboard(page);
    expect(new URL(page.url()).hash).toContain('batch=batch-2026-10');
    const batches = await page.locator('[data-testid=question-table] tbody td:first-child').allTextContents();
    expect(new Set(batches)).toEqual(new Set(['batch-2026-10']));
    await openView('Guarantee');
    await expect(page.locator('.view').getByText('batch-2026-09').count()).resolves.toBe(0);
    await expect(page.locator('.view').getByText('batch-2026-10').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForDashboard(page);
  });

  it('a heatmap cell drills down to the items the two annotators disagree on', async () => {
    const { page } = session;
    await openView('Quality');
    // a pair that disagrees somewhere (κ shown as 0.xx; pairs are drawn in name order and the first agree fully)
    await page
      .locator('svg [role=button]')
      .filter({ has: page.locator('text', { hasText: /^0\.\d\d$/ }) })
      .first()
      .click();
    await waitForDashboard(page);
    await expect(page.getByRole('heading', { name: /^Items where .* disagree on/ }).count()).resolves.toBe(1);
    const rows = await page.locator('[data-testid=items-table] tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show all' }).click();
  });

  it('exports the current view as a self-contained HTML report and a chart as SVG', async () => {
    const { page } = session;
    await openView('Overview');
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const html = readFileSync((await report.path())!, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toMatch(/[0-9a-f]{64}/);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /as SVG$/ })
        .first()
        .click(),
    ]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('sent nothing outside the origin and raised no page error', () => {
    expect(session.outsideRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
