import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIRTUAL_ROWS_THRESHOLD } from '../../src/lib/charts/row-window';
import { openAppWithCsv, waitForDashboard, type BrowserSession } from './browser';

// Issue #9: a program with thousands of annotators. A CSV of 3,000 annotators (two judgements
// each on 1,500 items, gold in a column) is loaded in the built app; the per-annotator tables
// render only a window of rows, scrolling brings later annotators in, the CSV button and the
// HTML report have every row.
const ANNOTATORS = 3000;
const ITEMS = 1500;
const annotatorId = (a: number) => `ann-${String(a).padStart(4, '0')}`;

/** item,annotator,label,gold: annotator a answers items a mod 1500 and (7a + 3) mod 1500 (never the same one). */
function manyAnnotatorsCsv(): string {
  const lines = ['item,annotator,label,gold'];
  for (let a = 0; a < ANNOTATORS; a++)
    for (const item of [a % ITEMS, (7 * a + 3) % ITEMS]) {
      const gold = item % 2 ? 'yes' : 'no';
      const wrong = (a + item) % 5 === 0;
      lines.push(`i${item},${annotatorId(a)},${wrong ? (gold === 'yes' ? 'no' : 'yes') : gold},${gold}`);
    }
  return lines.join('\n');
}

let session: BrowserSession;

beforeAll(async () => {
  session = await openAppWithCsv(
    '/#view=economics',
    'many-annotators.csv',
    manyAnnotatorsCsv(),
    `table[aria-rowcount="${ANNOTATORS + 1}"]`,
  );
});

afterAll(async () => {
  await session?.close();
});

interface Rendered {
  rowCount: string | null;
  /** aria-rowindex and the first cell's text of each rendered body row (spacers left out). */
  rows: { index: number; id: string }[];
  /** The row under the middle of the scrolling viewport (null when a spacer or nothing is there). */
  middle: number | null;
  /** How far the header sits below the top of the viewport (px): 0 when it sticks. */
  headerOffset: number;
  spacers: number;
}

/** What a table shows now: its rendered rows, the row in the middle of its viewport, where its header is. */
async function rendered(page: Page, tableId: string): Promise<Rendered> {
  return page.evaluate((id) => {
    const table = document.getElementById(id)!;
    const viewport = table.closest('[role=region]')!.getBoundingClientRect();
    const under = document.elementFromPoint(viewport.left + 20, viewport.top + viewport.height / 2)?.closest('tr');
    return {
      rowCount: table.getAttribute('aria-rowcount'),
      rows: [...table.querySelectorAll('tbody > tr:not([data-spacer])')].map((tr) => ({
        index: Number(tr.getAttribute('aria-rowindex')),
        id: tr.querySelector('th, td')!.textContent!.trim(),
      })),
      middle: under && !under.hasAttribute('data-spacer') ? Number(under.getAttribute('aria-rowindex')) : null,
      headerOffset: table.querySelector('thead th')!.getBoundingClientRect().top - viewport.top,
      spacers: table.querySelectorAll('tbody > tr[data-spacer]').length,
    };
  }, tableId);
}

/** Scrolls a table's viewport to `fraction` of its height and waits until the row in its middle is rendered. */
async function scrollTo(page: Page, tableId: string, fraction: number): Promise<void> {
  await page.evaluate(
    ([id, f]) => {
      const viewport = document.getElementById(id)!.closest('[role=region]')!;
      viewport.scrollTop = f * (viewport.scrollHeight - viewport.clientHeight);
    },
    [tableId, fraction] as const,
  );
  await page.waitForFunction((id) => {
    const table = document.getElementById(id)!;
    const viewport = table.closest('[role=region]')!.getBoundingClientRect();
    const under = document.elementFromPoint(viewport.left + 20, viewport.top + viewport.height / 2)?.closest('tr');
    return !!under && !under.hasAttribute('data-spacer') && table.contains(under);
  }, tableId);
}

async function download(page: Page, button: ReturnType<Page['locator']>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!, 'utf8');
}

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

/** Checks one windowed table against its CSV: a window of rows at the top, the middle and the end, each row where the CSV has it. */
async function checkWindowedTable(page: Page, buttonName: string) {
  const button = page.getByRole('button', { name: buttonName });
  const tableId = (await button.getAttribute('data-csv-for'))!;
  const [header, ...csv] = parse(await download(page, button));
  expect(header[0]).toBe('annotator');
  // the CSV has every annotator, whatever the table renders
  expect(csv).toHaveLength(ANNOTATORS);
  expect(new Set(csv.map((r) => r[0]))).toEqual(new Set(Array.from({ length: ANNOTATORS }, (_, a) => annotatorId(a))));

  const inOrder = (r: Rendered) => {
    // consecutive rows, each showing the CSV's row at its aria-rowindex (header = 1, first row = 2)
    expect(r.rows.map((row) => row.index)).toEqual(r.rows.map((_, i) => r.rows[0].index + i));
    for (const row of r.rows) expect(row.id).toBe(csv[row.index - 2][0]);
  };

  const top = await rendered(page, tableId);
  expect(top.rowCount).toBe(String(ANNOTATORS + 1));
  expect(top.spacers).toBe(2);
  expect(top.rows.length).toBeGreaterThan(10);
  expect(top.rows.length).toBeLessThan(80);
  expect(top.rows[0].index).toBe(2);
  inOrder(top);
  expect(top.middle).not.toBeNull();

  await scrollTo(page, tableId, 0.5);
  const middle = await rendered(page, tableId);
  expect(middle.rows.length).toBeLessThan(80);
  inOrder(middle);
  // the row in view is about half-way down (the spacers stand in for rows of the measured height)
  expect(Math.abs(middle.middle! - ANNOTATORS / 2)).toBeLessThan(40);
  expect(Math.abs(middle.headerOffset)).toBeLessThan(1.5);

  await scrollTo(page, tableId, 1);
  const end = await rendered(page, tableId);
  expect(end.rows.length).toBeLessThan(80);
  inOrder(end);
  expect(end.rows.at(-1)!.index).toBe(ANNOTATORS + 1);
  expect(end.rows.at(-1)!.id).toBe(csv.at(-1)![0]);
  expect(Math.abs(end.headerOffset)).toBeLessThan(1.5);
}

describe(`tables of ${ANNOTATORS} annotators render a window of rows`, () => {
  it(`the threshold is ${VIRTUAL_ROWS_THRESHOLD} rows`, () => {
    expect(ANNOTATORS).toBeGreaterThan(VIRTUAL_ROWS_THRESHOLD);
  });

  it('Economics per annotator: a window at the top, the middle and the end; the CSV has every row', async () => {
    await checkWindowedTable(session.page, 'Download economics Per annotator as CSV');
  });

  it('the scrolling region is reachable by keyboard and named', async () => {
    const { page } = session;
    const region = page.getByRole('region', { name: `economics Per annotator: 3,000 rows, scroll for more` });
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
  });

  it('the HTML report of the view carries every row, and the table windows again after', async () => {
    const { page } = session;
    const html = await download(page, page.getByTestId('export-report'));
    const ids = new Set([...html.matchAll(/data-annotator="(ann-\d{4})"/g)].map((m) => m[1]));
    expect(ids.size).toBe(ANNOTATORS);
    expect(html).not.toMatch(/<tr[^>]*data-spacer/);
    const tableId = (await page
      .getByRole('button', { name: 'Download economics Per annotator as CSV' })
      .getAttribute('data-csv-for'))!;
    await page.waitForFunction((id) => document.getElementById(id)?.hasAttribute('aria-rowcount'), tableId);
    expect((await rendered(page, tableId)).rows.length).toBeLessThan(80);
  });

  it('Quality, accuracy by annotator: the same', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).locator('button[data-view=quality]').click();
    await waitForDashboard(page);
    await page.getByRole('tab', { name: 'Accuracy & drift', exact: true }).click();
    await waitForDashboard(page);
    await page.waitForSelector(`[data-testid=accuracy-table][aria-rowcount="${ANNOTATORS + 1}"]`);
    await checkWindowedTable(page, 'Download accuracy by annotator as CSV');
  });

  it('Agreement: the heatmap draws the 40 busiest annotators, the pairs CSV has every pair', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Agreement', exact: true }).click();
    await waitForDashboard(page);
    const figure = page.locator('figure', { has: page.locator('svg[aria-label^="Pairwise Cohen"]') });
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(
      /draws the 40 annotators with the most ratings; the table below has all 3,000/,
    );
    // 40 row labels and 40 column labels; at most 40 × 39 cells
    await expect(figure.locator('svg > text').count()).resolves.toBe(80);
    expect(await figure.locator('svg > g').count()).toBeLessThanOrEqual(40 * 39);
    // the pairs expected: every two annotators who answered a common item (listed from the generator's rule)
    const [header, ...pairs] = parse(await download(page, page.getByRole('button', { name: /^Download annotator pairs/ })));
    expect(header).toEqual(['first', 'second', 'shared_items', 'observed_agreement', 'cohen_kappa', 'reason']);
    const expected = new Set<string>();
    const byItem = new Map<number, number[]>();
    for (let a = 0; a < ANNOTATORS; a++)
      for (const item of [a % ITEMS, (7 * a + 3) % ITEMS]) byItem.set(item, [...(byItem.get(item) ?? []), a]);
    for (const list of byItem.values())
      for (const x of list) for (const y of list) if (x < y) expected.add(`${annotatorId(x)}|${annotatorId(y)}`);
    expect(new Set(pairs.map((r) => [r[0], r[1]].sort().join('|')))).toEqual(expected);
  });

  it('raised no page error and sent nothing outside the origin', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});
