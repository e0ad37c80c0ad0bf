import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PCHART_MAX_CHARTS } from '../../src/lib/charts/p-chart-selection';
import { RATE_CARD_MAX_INPUTS } from '../../src/lib/charts/rate-card-rows';
import { SCATTER_MAX_LABELS, SCATTER_MAX_POINTS } from '../../src/lib/charts/scatter';
import { THROUGHPUT_MAX_LINES } from '../../src/lib/charts/throughput-lines';
import { openAppWithCsv, waitForDashboard, type BrowserSession } from './browser';

// Issue #9, the charts: 3,000 annotators WITH timestamps, durations and costs, gold on two items
// in three. Before, the p-charts drew one chart per annotator (3,000 charts, ~64k SVG elements),
// the throughput timeline 3,000 lines and 12,000 points, the scatter 3,000 points and labels,
// the daily counts 12,000 bars and a 3,000-entry legend, the hourly rate card 3,000 inputs.
// Each now draws a bounded number of marks and says "N of M" on screen.
const ANNOTATORS = 3000;
const ITEMS = 1500;
const annotatorId = (a: number) => `ann-${String(a).padStart(4, '0')}`;
/** Annotators a ≡ 0 (mod 100) answer 12 items, the others 4: the 30 busiest are ann-0000, ann-0100, … ann-2900. */
const answersOf = (a: number) => (a % 100 === 0 ? 12 : 4);

/** item,annotator,label,gold,submitted_at,duration_s,cost_usd: annotator a answers items a + 377k (mod 1500) on day 1 + (a + k) mod 10. */
function manyAnnotatorsCsv(): string {
  const lines = ['item,annotator,label,gold,submitted_at,duration_s,cost_usd'];
  for (let a = 0; a < ANNOTATORS; a++)
    for (let k = 0; k < answersOf(a); k++) {
      const item = (a + k * 377) % ITEMS;
      const truth = item % 2 ? 'yes' : 'no';
      const gold = item % 3 === 0 ? '' : truth;
      const wrong = (a + item) % 5 === 0;
      const day = String(1 + ((a + k) % 10)).padStart(2, '0');
      const minute = String(a % 60).padStart(2, '0');
      const cost = (0.05 + (a % 7) * 0.01).toFixed(2);
      lines.push(
        `i${item},${annotatorId(a)},${wrong ? (truth === 'yes' ? 'no' : 'yes') : truth},${gold},2026-01-${day}T09:${minute}:00Z,${30 + (a % 50)},${cost}`,
      );
    }
  return lines.join('\n');
}

let session: BrowserSession;

beforeAll(async () => {
  session = await openAppWithCsv(
    '/#view=economics',
    'many-annotators-timed.csv',
    manyAnnotatorsCsv(),
    `table[aria-rowcount="${ANNOTATORS + 1}"]`,
  );
});

afterAll(async () => {
  await session?.close();
});

/** The figure holding the chart whose aria-label starts with `label`. */
const figureOf = (label: string): Locator =>
  session.page.locator('figure', { has: session.page.locator(`svg[aria-label^="${label}"]`) }).first();

describe(`charts of ${ANNOTATORS} annotators with timestamps draw a bounded number of marks`, () => {
  it(`throughput per annotator: ${THROUGHPUT_MAX_LINES} lines and one "others" line, the caption says so`, async () => {
    // the per-annotator timeline (the trend per batch has one series and the same kind of label)
    const figure = session.page.locator('figure', { hasText: 'answers by 3,000 annotators' });
    const total = Array.from({ length: ANNOTATORS }, (_, a) => answersOf(a)).reduce((x, y) => x + y, 0);
    const caption = (await figure.locator('figcaption').textContent())!;
    expect(caption).toMatch(
      new RegExp(
        `^${total.toLocaleString('en-US')} answers by 3,000 annotators; the 7 with the most answers have a line: ann-0000: 12 answers`,
      ),
    );
    expect(caption).toMatch(/2,993 other annotators together \(dashed grey line\): [\d,]+ answers on 10 days\.$/);
    await expect(figure.locator('svg path').count()).resolves.toBe(THROUGHPUT_MAX_LINES + 1);
    // one point per line and day: 10 days
    expect(await figure.locator('svg circle').count()).toBeLessThanOrEqual((THROUGHPUT_MAX_LINES + 1) * 10);
    await expect(figure.locator('.legend li').allTextContents()).resolves.toEqual([
      ...[0, 100, 200, 300, 400, 500, 600].map(annotatorId),
      '2,993 other annotators together',
    ]);
  });

  it(`quality per dollar: at most ${SCATTER_MAX_POINTS} points and ${SCATTER_MAX_LABELS} names, "200 of the 3,000"`, async () => {
    const figure = figureOf('Cost per unit against accuracy. 3,000 points');
    await expect(figure.locator('svg circle').count()).resolves.toBe(SCATTER_MAX_POINTS);
    expect(await figure.locator('svg text.label').count()).toBeLessThanOrEqual(SCATTER_MAX_LABELS);
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(
      /^3,000 points; on the frontier .*; the chart draws 200 of the 3,000: the frontier, then those with the most gold-scored judgements/,
    );
  });

  it(`hourly rate card: at most ${RATE_CARD_MAX_INPUTS} annotators' inputs, a search finds any, every rate is kept`, async () => {
    const { page } = session;
    const form = page.getByRole('form', { name: 'Rate card' });
    await form.getByRole('radio', { name: /hourly rate/ }).check();
    // "everyone else" + the annotators shown
    await expect(form.locator('input[type=number]').count()).resolves.toBe(1 + RATE_CARD_MAX_INPUTS);
    await expect(page.getByTestId('rate-card-shown').textContent()).resolves.toMatch(/^3,000 annotators; showing 20 /);
    const search = page.getByTestId('rate-search');
    await search.fill('ann-2999');
    await expect(form.locator('input[type=number]').count()).resolves.toBe(2);
    await form.getByLabel('ann-2999').fill('42');
    await search.fill('ANN-0001');
    await expect(page.getByTestId('rate-card-shown').textContent()).resolves.toMatch(/^1 of 3,000 annotators match “ANN-0001”/);
    await form.getByLabel('ann-0001').fill('33');
    await form.getByRole('button', { name: 'Apply' }).click();
    await waitForDashboard(page);
    // the applied card (written into the link) has both rates, though neither input is on screen together
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('hourly=ann-2999:42'));
    const hash = decodeURIComponent(new URL(page.url()).hash);
    expect(hash).toContain('hourly=ann-0001:33');
    expect(hash).toContain('hourly=ann-2999:42');
    await search.fill('');
    await expect(page.getByTestId('rate-card-shown').textContent()).resolves.toMatch(/2 have a rate of their own/);
    // those with a rate of their own come first
    await expect(form.locator('label:has(input[type=number])').nth(1).textContent()).resolves.toMatch(/ann-0001/);
    expect(await page.locator('input').count()).toBeLessThan(60);
  });

  it(`p-charts per annotator: ${PCHART_MAX_CHARTS} of 3,000, another one on request`, async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).locator('button[data-view=quality]').click();
    await waitForDashboard(page);
    await page.getByRole('tab', { name: 'Accuracy & drift', exact: true }).click();
    await waitForDashboard(page);
    await page.waitForSelector('.pcharts figure');
    await expect(page.locator('.pcharts figure').count()).resolves.toBe(PCHART_MAX_CHARTS);
    await expect(page.getByTestId('pchart-selection').textContent()).resolves.toMatch(
      /^Showing 12 of 3,000 annotators' charts: those with the most points outside their limits, then the most errors against gold\. The flagged count above covers all 3,000/,
    );
    expect(await page.locator('.pcharts svg *').count()).toBeLessThan(PCHART_MAX_CHARTS * 80);
    await page.getByTestId('pchart-ask').fill('ann-1234');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.locator('.pcharts h4').first().textContent()).resolves.toBe('ann-1234');
    await expect(page.locator('.pcharts figure').count()).resolves.toBe(PCHART_MAX_CHARTS + 1);
    await expect(page.getByTestId('pchart-selection').textContent()).resolves.toMatch(
      /^Showing 13 of 3,000 annotators' charts: ann-1234 \(asked for\)/,
    );
  });

  it('daily counts: 10 annotators in colour and one grey "others" band, a legend of 11', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).locator('button[data-view=overview]').click();
    await waitForDashboard(page);
    const figure = figureOf('Judgements per annotator per day.');
    // 10 days × (named annotators present that day + "others"): at most 10 × 11 bars
    expect(await figure.locator('svg rect').count()).toBeLessThanOrEqual(10 * 11);
    const legend = await figure.locator('.legend li').allTextContents();
    expect(legend.map((t) => t.trim())).toEqual([
      ...[0, 100, 200, 300, 400, 500, 600, 700, 800, 900].map(annotatorId),
      '2,990 other annotators',
    ]);
    const total = Array.from({ length: ANNOTATORS }, (_, a) => answersOf(a)).reduce((x, y) => x + y, 0);
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(
      new RegExp(
        `^${total.toLocaleString('en-US')} judgements over 10 days by 3,000 annotators; the 10 annotators with the most judgements have their own colour, the other 2,990 annotators`,
      ),
    );
  });

  it('the annotator filter is a text box with suggestions: a typed name filters, an unknown one is refused', async () => {
    const { page } = session;
    const box = page.locator('input[data-filter=annotators]');
    await expect(box.getAttribute('placeholder')).resolves.toBe('all 3,000');
    await expect(page.locator(`datalist#${await box.getAttribute('list')} option`).count()).resolves.toBe(ANNOTATORS);
    await box.fill('nobody');
    await box.press('Enter');
    await expect(box.evaluate((input: HTMLInputElement) => input.validationMessage)).resolves.toMatch(
      /No annotator named “nobody”/,
    );
    await expect(page.getByRole('button', { name: 'Clear filters' }).count()).resolves.toBe(0);
    await box.fill(annotatorId(100));
    await box.press('Enter');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();
    await waitForDashboard(page);
    await expect(page.evaluate(() => location.hash)).resolves.toContain(annotatorId(100));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForDashboard(page);
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('raised no page error and sent nothing outside the origin', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});
