import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForDashboard, type BrowserSession } from './browser';

// Every view at a 1280×720 laptop screen, light and dark: no horizontal page overflow.
// The screenshots are kept in test/output/ as test artifacts (look at them after a layout change).
const OUTPUT = join(import.meta.dirname, '..', 'output');
const VIEWS = ['overview', 'quality', 'guarantee', 'audit', 'economics', 'data'] as const;
const QUALITY_TABS = ['Accuracy & drift', 'RLHF', 'Vision-language', 'Instruction tuning'] as const;
let session: BrowserSession;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  session = await openApp('/#view=overview');
  await session.page.setViewportSize({ width: 1280, height: 720 });
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
});

async function overflow(): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return session.page.evaluate(() => {
    const root = document.documentElement;
    // the elements sticking out on the right, to say what overflows when the assertion fails
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

describe('at 1280×720 every view fits the width, in light and dark themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      it(`${view} (${theme})`, async () => {
        const { page } = session;
        await page.evaluate((t) => {
          localStorage.setItem('annoqa.theme', t);
          document.documentElement.dataset.theme = t;
        }, theme);
        await page.getByRole('navigation', { name: 'Views' }).locator(`button[data-view=${view}]`).click();
        await waitForDashboard(page);
        const tabs = view === 'quality' ? ['Agreement', ...QUALITY_TABS] : [null];
        for (const tab of tabs) {
          if (tab) {
            await page.getByRole('tab', { name: tab, exact: true }).click();
            await waitForDashboard(page);
          }
          const name = tab ? `${view}-${tab.split(/\W/)[0].toLowerCase()}` : view;
          await page.screenshot({ path: join(OUTPUT, `1280x720-${theme}-${name}.png`), fullPage: true });
          const { scrollWidth, clientWidth, wide } = await overflow();
          expect(scrollWidth, `${name} overflows: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth);
        }
      });
    }
  }

  it('raised no page error and sent nothing outside the origin', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});
