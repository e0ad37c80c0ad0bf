/**
 * Writes the sample data to `sample-data/` (or the folder given as the first argument):
 * `npx tsx scripts/generate-sample-data.ts [out-dir]`. Deterministic: see scripts/sample-data/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSampleData } from './sample-data/generate';

const outDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'sample-data'));
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(generateSampleData())) {
  writeFileSync(join(outDir, name), content);
  console.log(`wrote ${join(outDir, name)} (${(content.length / 1e6).toFixed(2)} MB)`);
}
