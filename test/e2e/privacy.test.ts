import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForDashboard, type BrowserSession } from './browser';

let session: BrowserSession;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await openApp();
  session.page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await waitForDashboard(session.page);
});

afterAll(async () => {
  await session?.close();
});

describe('privacy and safety', () => {
  it('shows hostile labels, ids and file names as text and never runs them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'annoqa-hostile-'));
    const file = join(folder, '<img src=x onerror=alert(3)>.csv');
    writeFileSync(
      file,
      [
        'item,annotator,label',
        '"<script>alert(1)</script>",anna,"<img src=x onerror=alert(2)>"',
        '"<script>alert(1)</script>",bob,"<img src=x onerror=alert(2)>"',
        'i2,anna,=HYPERLINK("http://evil.example")',
        'i2,bob,ok',
      ].join('\n'),
    );
    const { page } = session;
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('mapping-load').click();
    await page.waitForSelector('[data-testid=question-table] tr[data-question="label"]');
    await page.getByRole('button', { name: 'Data' }).click();
    // the labels ('img' would also find every row of the file named <img …>.csv)
    await page.getByPlaceholder('Search item, annotator, answer, file…').fill('alert(2)');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rows-table] tbody tr').length === 2);
    const answers = await page.locator('[data-testid=rows-table] tbody td.answer').allTextContents();
    expect(answers).toEqual(['<img src=x onerror=alert(2)>', '<img src=x onerror=alert(2)>']);
    const fileNames = await page.locator('[data-testid=sources-table] tbody td:first-child').allTextContents();
    expect(fileNames).toEqual(['<img src=x onerror=alert(3)>.csv']);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('declares a strict Content-Security-Policy and made no request outside its origin', async () => {
    const csp = await session.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(session.outsideRequests).toEqual([]);
  });
});
