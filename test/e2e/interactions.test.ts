import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForDashboard, type BrowserSession } from './browser';

// Tables as CSV, annotator drill-down, chart tooltips, keyboard use, view parameters in the
// URL and empty states, in the built app with the bundled sample data.
let session: BrowserSession;
const VIEWS = ['overview', 'quality', 'guarantee', 'audit', 'economics', 'data'] as const;
const QUALITY_TABS = ['Agreement', 'Accuracy & drift', 'RLHF', 'Vision-language', 'Instruction tuning'];

beforeAll(async () => {
  session = await openApp('/#view=overview');
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
});

async function openView(page: Page, view: (typeof VIEWS)[number]) {
  await page.getByRole('navigation', { name: 'Views' }).locator(`button[data-view=${view}]`).click();
  await waitForDashboard(page);
}

async function openQualityTab(page: Page, tab: string) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await waitForDashboard(page);
}

/** Every place to look: each view, and each of Quality's sub-tabs. */
async function* everyPanel(page: Page): AsyncGenerator<string> {
  for (const view of VIEWS) {
    await openView(page, view);
    if (view !== 'quality') yield view;
    else
      for (const tab of QUALITY_TABS) {
        await openQualityTab(page, tab);
        yield `quality/${tab}`;
      }
  }
}

async function download(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

describe('tables and charts on every view', () => {
  it('every table has its CSV button; every chart an aria-label and a text summary', async () => {
    const { page } = session;
    let tables = 0;
    let charts = 0;
    for await (const where of everyPanel(page)) {
      const found = await page.evaluate(() => {
        const view = document.querySelector('.view')!;
        const all = [...view.querySelectorAll('table')];
        const missing = all
          .filter((t) => !t.id || !view.querySelector(`button[data-csv-for="${CSS.escape(t.id)}"]`))
          .map((t) => t.outerHTML.slice(0, 120));
        const svgs = [...view.querySelectorAll('svg[role]')];
        const unlabelled = svgs
          .filter(
            (svg) =>
              !svg.getAttribute('aria-label')?.trim() || !svg.closest('figure')?.querySelector('figcaption')?.textContent?.trim(),
          )
          .map((svg) => svg.outerHTML.slice(0, 120));
        return { tables: all.length, missing, charts: svgs.length, unlabelled };
      });
      expect(found.missing, `${where}: tables without a CSV button`).toEqual([]);
      expect(found.unlabelled, `${where}: charts without aria-label or summary`).toEqual([]);
      tables += found.tables;
      charts += found.charts;
    }
    // Overview 4, Quality ≥ 8, Guarantee 1, Economics 7, Data ≥ 4 with the sample data
    expect(tables).toBeGreaterThan(25);
    expect(charts).toBeGreaterThan(15);
  });

  it('downloads the Overview question table: same header, same rows, numbers unformatted', async () => {
    const { page } = session;
    await openView(page, 'overview');
    const { name, text } = await download(page, page.getByRole('button', { name: 'Download questions as CSV' }));
    expect(name).toBe('annoqa-questions.csv');
    const [header, ...rows] = parse(text);
    expect(header.slice(0, 9)).toEqual([
      'batch',
      'strategy',
      'question',
      'kind',
      'level',
      'items',
      'annotators',
      'judgements',
      'krippendorff_alpha',
    ]);
    const shown = page.locator('[data-testid=question-table] tbody tr');
    expect(rows).toHaveLength(await shown.count());
    const firstAlpha = (await shown.first().locator('td[data-metric=alpha]').textContent())!.trim();
    // full precision in the file, rounded to 3 decimals on screen
    expect(rows[0][8].length).toBeGreaterThan(6);
    expect(Number(rows[0][8]).toFixed(3)).toBe(firstAlpha);
  });

  it('downloads the Economics per-annotator table with one line per shown annotator', async () => {
    const { page } = session;
    await openView(page, 'economics');
    const { name, text } = await download(page, page.getByRole('button', { name: 'Download economics Per annotator as CSV' }));
    expect(name).toBe('annoqa-economics-per-annotator.csv');
    const [header, ...rows] = parse(text);
    expect(header[0]).toBe('annotator');
    const shown = await page.locator('.annotator-link').allTextContents();
    expect(rows.map((r) => r[0])).toEqual(shown);
  });
});

describe('drill-down: annotator → their judgements', () => {
  it('opens the items an annotator answered, every answer side by side, theirs highlighted', async () => {
    const { page } = session;
    await openView(page, 'economics');
    await page.locator('.annotator-link[data-annotator="ann-03"]').click();
    await waitForDashboard(page);
    expect(new URL(page.url()).hash).toContain('view=data');
    await expect(page.getByRole('heading', { name: /^Judgements of ann-03/ }).count()).resolves.toBe(1);
    const rows = page.locator('[data-testid=items-table] tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=items-table] tbody tr').length > 0);
    const perRow = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        mine: tr.querySelectorAll('.answer-chip.highlight[data-annotator="ann-03"]').length,
        all: tr.querySelectorAll('.answer-chip').length,
      })),
    );
    expect(perRow.every((r) => r.mine >= 1)).toBe(true);
    expect(perRow.some((r) => r.all >= 2)).toBe(true);
    await page.getByRole('button', { name: 'Show all' }).click();
  });
});

describe('tooltips and the keyboard', () => {
  it('a chart mark shows an HTML tooltip inside the viewport on hover and on focus', async () => {
    const { page } = session;
    await openView(page, 'overview');
    const tip = page.getByTestId('chart-tooltip');
    const bar = page.locator('.view svg rect[data-tip]').last();
    await bar.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^\s*\d{4}-\d{2}-\d{2} · .+: [\d,]+ judgements\s*$/);
    const box = (await tip.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await bar.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await bar.getAttribute('aria-describedby')).toBe('annoqa-chart-tooltip');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it('keyboard only: skip link, a view tab, then a heatmap cell drills down', async () => {
    const { page } = session;
    await page.reload();
    await waitForDashboard(page);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(skip).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    // back up into the view tabs with Shift+Tab, then move along them with the arrow keys
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('nav'))) break;
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const tab = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { view: el.dataset.view, outline: getComputedStyle(el).outlineStyle, visible: el.matches(':focus-visible') };
    });
    expect(tab).toEqual({ view: 'quality', outline: 'solid', visible: true });
    await page.keyboard.press('Enter');
    await waitForDashboard(page);
    let cell = false;
    for (let i = 0; i < 80 && !cell; i++) {
      await page.keyboard.press('Tab');
      cell = await page.evaluate(() => document.activeElement?.matches('svg g[role=button]') ?? false);
    }
    expect(cell).toBe(true);
    await expect.poll(() => page.getByTestId('chart-tooltip').textContent()).toMatch(/Cohen's κ/);
    await page.keyboard.press('Enter');
    await waitForDashboard(page);
    await expect(page.getByRole('heading', { name: /^Items where .* disagree on/ }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Show all' }).click();
  });
});

describe('view parameters in the URL', () => {
  it('a link reproduces the guarantee target and confidence', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/?link=1#view=guarantee&target=0.99&confidence=0.9`);
    await waitForDashboard(page);
    await expect(page.locator('button[aria-pressed=true]').textContent()).resolves.toBe('99.0 %');
    await expect(page.getByText('Gold items needed to demonstrate 99.0 % at 90 % confidence').count()).resolves.toBe(1);
    expect(new URL(page.url()).hash).toContain('target=0.99&confidence=0.9');
    await page.getByRole('button', { name: '95.0 %' }).click();
    await waitForDashboard(page);
    expect(new URL(page.url()).hash).not.toContain('target=');
  });

  it('a link reproduces the rate card; applying a new card updates the link', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/?link=2#view=economics&rate=hour&hourly=*:40&hourly=ann-01:80`);
    await waitForDashboard(page);
    const form = page.getByRole('form', { name: 'Rate card' });
    await expect(form.getByLabel('hourly rate').isChecked()).resolves.toBe(true);
    await expect(form.getByLabel('everyone else').inputValue()).resolves.toBe('40');
    await expect(form.getByLabel('ann-01').inputValue()).resolves.toBe('80');
    // the card applies: ann-01's cost changes when the defaults come back (and the link forgets the card)
    const costOfAnn01 = async () =>
      (
        await page
          .locator('tr', { has: page.locator('.annotator-link[data-annotator="ann-01"]') })
          .locator('td')
          .allTextContents()
      )[8];
    const withLinkCard = await costOfAnn01();
    await form.getByRole('button', { name: 'Reset to defaults' }).click();
    await waitForDashboard(page);
    await page.waitForFunction(() => !location.hash.includes('rate='));
    // the rate card recomputes Economics on its own (data-ready follows filters, not the card)
    await expect.poll(costOfAnn01, { timeout: 30_000 }).not.toBe(withLinkCard);
    await page.waitForSelector('[data-testid=economics][aria-busy=false]');
    await form.getByLabel('price per item').check();
    await form.getByLabel('rlhf_preference').fill('4.5');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.waitForSelector('[data-testid=economics][aria-busy=false]');
    const hash = decodeURIComponent(new URL(page.url()).hash);
    expect(hash).toContain('rate=item');
    expect(hash).toContain('price=rlhf_preference:4.5');
  });

  it('a malformed parameter is ignored and the defaults apply', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/?link=3#view=guarantee&target=2&rate=bogus&price=x:-1`);
    await waitForDashboard(page);
    await expect(page.locator('button[aria-pressed=true]').textContent()).resolves.toBe('95.0 %');
    expect(new URL(page.url()).hash).toBe('#view=guarantee');
  });
});

describe('empty states', () => {
  it('a filter that matches nothing shows a message on every panel, never NaN or a blank', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/?link=4#view=overview&from=2001-01-01&to=2001-01-02`);
    await waitForDashboard(page);
    for await (const where of everyPanel(page)) {
      const text = await page.locator('.view').innerText();
      expect(text, where).not.toMatch(/NaN|Infinity|\bnull\b/);
      expect(await page.locator('.view .muted, .view [role=alert], .view .note').count(), where).toBeGreaterThan(0);
    }
    await openView(page, 'overview');
    await expect(page.getByText('No question passes the filters.').count()).resolves.toBe(1);
    await expect(page.getByText('No timestamps in the selected judgements').count()).resolves.toBe(1);
  });
});

describe('formula injection', () => {
  it('a label or id starting with "=" is neutralised in the table CSV', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'annoqa-formula-'));
    const file = join(folder, 'formula.csv');
    writeFileSync(
      file,
      ['item,annotator,label', 'i1,=SUM(A1),=HYPERLINK("http://evil.example")', 'i1,bob,yes', 'i2,=SUM(A1),no', 'i2,bob,no'].join(
        '\n',
      ),
    );
    const { page } = session;
    await openView(page, 'overview');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('mapping-load').click();
    await page.waitForSelector('[data-testid=question-table] tr[data-question="label"]');
    await openView(page, 'quality');
    await openQualityTab(page, 'Agreement');
    const button = page.locator('button[aria-label^="Download agreement per annotator"]');
    const { text } = await download(page, button);
    const [, ...rows] = parse(text);
    expect(rows.map((r) => r[0]).sort()).toEqual(["'=SUM(A1)", 'bob']);
    expect(text).not.toMatch(/(^|,)=SUM/m);
  });

  it('raised no page error and sent nothing outside the origin', () => {
    expect(session.pageErrors.join('\n')).toBe('');
    expect(session.outsideRequests).toEqual([]);
  });
});
