// Regenerates the README's screenshots from the built app with the bundled sample data:
//   npm run build && npx tsx scripts/screenshot.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, waitForDashboard } from '../test/e2e/browser';

const DOCS = join(import.meta.dirname, '..', 'docs');
mkdirSync(DOCS, { recursive: true });

for (const [view, name, height] of [
  ['overview', 'screenshot.png', 1100],
  ['quality', 'screenshot-quality.png', 1100],
  ['guarantee', 'screenshot-guarantee.png', 700],
] as const) {
  const session = await openApp(`/#view=${view}`);
  try {
    await session.page.setViewportSize({ width: 1280, height });
    await waitForDashboard(session.page);
    await session.page.waitForSelector('main[data-engine-ready="true"]', { timeout: 120_000 }); // steady state: no "DuckDB starting…"
    await session.page.screenshot({ path: join(DOCS, name) });
  } finally {
    await session.close();
  }
}
