import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from './sample-files';

const ROOT = join(import.meta.dirname, '..', '..');

describe('sample-data generator', () => {
  it('regenerates byte-identical files to the committed ones (deterministic: seeded streams, no clock)', () => {
    const out = mkdtempSync(join(tmpdir(), 'annoqa-sample-'));
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'generate-sample-data.ts'), out], { cwd: ROOT, stdio: 'pipe' });
      const generated = readdirSync(out).sort();
      expect(generated).toEqual(readdirSync(SAMPLE_DIR).sort());
      for (const name of generated) {
        const fresh = readFileSync(join(out, name));
        const committed = readFileSync(join(SAMPLE_DIR, name));
        expect(fresh.equals(committed), `${name} differs from the committed file: run npm run sample-data`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
