import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REALDATA } from '../helpers/db';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the real CLI entry point, as `npm run -s annoqa -- …` does. */
function annoqa(...args: string[]) {
  const result = spawnSync('node', [join(ROOT, 'bin', 'annoqa.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'annoqa-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('annoqa report', () => {
  it("prints annoqa.report/1 JSON; on Fleiss' diagnoses the nominal α is 0.4334 and Fleiss' κ 0.430", () => {
    const { status, stdout, stderr } = annoqa(
      'report',
      join(REALDATA, 'r_irr_irrcac', 'irr_diagnoses.csv'),
      '--json',
      '--no-bootstrap',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schema).toBe('annoqa.report/1');
    expect(report.sources[0]).toMatchObject({
      file_name: 'irr_diagnoses.csv',
      rows_read: 180,
      rows_loaded: 180,
      rows_rejected: 0,
    });
    expect(report.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const [q] = report.questions;
    expect(q).toMatchObject({ items: 30, annotators: 6, judgements: 180, level: 'nominal' });
    // Krippendorff's α (nominal) 0.433410 — computed correctly; irr's kripp.alpha prints 0.430878 here (irr_values.txt note)
    expect(q.agreement.krippendorff_alpha).toBeCloseTo(0.43341, 5);
    // Fleiss (1971): κ = 0.430; irr kappam.fleiss 0.430245
    expect(q.agreement.fleiss_kappa).toBeCloseTo(0.430245, 6);
    for (const key of ['agreement', 'accuracy', 'aggregation']) expect(q).toHaveProperty(key);
    for (const key of ['annotators', 'batches', 'strategies', 'rejections_total']) expect(report).toHaveProperty(key);
  });

  it('adds the guarantee per batch with --target and --confidence', () => {
    const data = tempFile(
      'g.csv',
      ['item,annotator,label,gold', ...Array.from({ length: 30 }, (_, i) => `${i},a,x,x`)].join('\n'),
    );
    const { status, stdout } = annoqa('report', data, '--json', '--no-bootstrap', '--target', '0.9', '--confidence', '0.95');
    expect(status).toBe(0);
    const [batch] = JSON.parse(stdout).batches;
    // 30 of 30 correct: one-sided 95 % lower Clopper–Pearson bound = 0.05^(1/30) = 0.905; 0.9 is demonstrated;
    // with 0 errors n ≥ ln 0.05 / ln 0.9 = 28.4 → 29 gold items
    expect(batch.guarantee).toMatchObject({ n: 30, errors: 0, demonstrated: true });
    expect(batch.guarantee.lower_bound).toBeCloseTo(0.05 ** (1 / 30), 9);
    expect(batch.guarantee.required_n['0']).toBe(29);
  });

  it('exits 2 on an unclosed quote, naming the file, line and problem, and prints nothing on stdout', () => {
    const bad = tempFile('broken.csv', 'item,annotator,label\n1,a,x\n2,b,"never closed\n3,c,y\n');
    const { status, stdout, stderr } = annoqa('report', bad, '--json');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^annoqa: broken\.csv, line 3: a quoted field is opened but never closed/);
  });

  it('exits 2 when no column holds the item id, and lists the columns it has', () => {
    const bad = tempFile('noitem.csv', 'foo,annotator,label\n1,a,x\n');
    const { status, stdout, stderr } = annoqa('report', bad, '--json');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('noitem.csv, line 1: no column for the item id');
    expect(stderr).toContain('the header has: foo, annotator, label');
  });

  it('exits 2 on a missing file and on a bad option', () => {
    expect(annoqa('report', '/nonexistent/x.csv', '--json')).toMatchObject({ status: 2, stdout: '' });
    const typo = annoqa('report', 'x.csv', '--level', 'label=ordinall');
    expect(typo).toMatchObject({ status: 2, stdout: '' });
    expect(typo.stderr).toContain('--level takes QUESTION=level with level one of nominal, ordinal, interval, ratio');
  });
});

describe('annoqa plan', () => {
  it('prints the ISO 2859-1 plan: lot 5,000 at AQL 1.0 → code L, n = 200, Ac 5, Re 6 (Tables 1 and 2-A)', () => {
    const { status, stdout } = annoqa('plan', '--lot', '5000', '--aql', '1.0', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ code_letter: 'L', sample_size: 200, accept: 5, reject: 6 });
  });
});
