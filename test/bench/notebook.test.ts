import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvChunks } from '../../bench/generate';
import {
  compareWithReport,
  notebookPython,
  runNotebook,
  type NotebookResult,
  type ReportQuestions,
} from '../../bench/notebook-case';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { buildReport } from '../../src/lib/report/build-report';
import { freshDb, loadCsvText } from '../helpers/db';

const question = { batch_id: 'b1', strategy: 'vl_alignment', question: 'category' };
const annoqa: ReportQuestions = {
  questions: [
    {
      ...question,
      agreement: { percent: 0.7, fleiss_kappa: 0.5, krippendorff_alpha: 0.51, alpha_by_level: { nominal: 0.51 } },
      accuracy: { n: 10, correct: 8, wilson95: [0.49, 0.94], clopper_pearson95: [0.44, 0.97] },
      aggregation: { majority_vote_accuracy: 0.75 },
    },
  ],
};
const notebook = (changes: Partial<NotebookResult['questions'][number]['agreement']> = {}) =>
  ({
    questions: [
      {
        ...question,
        level: 'nominal',
        agreement: { percent: 0.7, fleiss_kappa: 0.5, alpha: 0.51, alpha_nominal: 0.51, alpha_ci95: null, ...changes },
        accuracy: { n: 10, correct: 8, wilson95: [0.49, 0.94], clopper_pearson95: [0.44, 0.97] },
        majority_vote_accuracy: 0.75,
      },
    ],
  }) as unknown as NotebookResult;

describe('bench/notebook-case: the notebook baseline against AnnoQA', () => {
  it('finds equal figures equal and names a figure that differs, and a question one side lacks', () => {
    expect(compareWithReport(notebook(), annoqa)).toMatchObject({ questions: 1, unmatched: [], mismatches: [] });
    const off = compareWithReport(notebook({ fleiss_kappa: 0.5 + 1e-6 }), annoqa);
    expect(off.mismatches).toEqual(['b1/vl_alignment/category fleiss_kappa: AnnoQA 0.5, notebook 0.500001']);
    expect(off.max_abs_diff.fleiss_kappa).toBeCloseTo(1e-6, 12);
    const missing = compareWithReport(notebook(), { questions: [] });
    expect(missing).toMatchObject({ questions: 0, unmatched: ['b1/vl_alignment/category'] });
    const nulls = compareWithReport(notebook({ alpha: null }), annoqa);
    expect(nulls.mismatches).toEqual(['b1/vl_alignment/category krippendorff_alpha: AnnoQA 0.51, notebook null']);
  });

  // An independent computation of the shared figures (statsmodels' Fleiss' κ and proportion
  // intervals, pandas' counts, numpy's α): equal to AnnoQA's to rounding (tolerance 1e-9).
  // CI installs pandas and statsmodels (.ci/run), so there it always runs.
  it.skipIf(!notebookPython() && !process.env.CI)(
    "computes AnnoQA's figures of a bench export independently (pandas + statsmodels)",
    { timeout: 120_000 },
    async () => {
      const text = [...csvChunks(20_000)].join('');
      const file = join(mkdtempSync(join(tmpdir(), 'annoqa-notebook-')), 'judgements-20k.csv');
      writeFileSync(file, text);
      const db = await freshDb();
      await loadCsvText(db, 'judgements-20k.csv', text);
      await refreshQuestions(db);
      const report = await buildReport(db, { bootstrap: false });
      const result = runNotebook(file, 100, 0);
      if ('error' in result) throw new Error(result.error);
      const comparison = compareWithReport(result, report as unknown as ReportQuestions);
      expect(comparison.mismatches).toEqual([]);
      expect(comparison.unmatched).toEqual([]);
      expect(comparison.questions).toBe(12);
      // every figure was there to compare on both sides (no question without gold or agreement)
      expect(result.questions.every((q) => q.accuracy && q.majority_vote_accuracy !== null && q.agreement.alpha !== null)).toBe(
        true,
      );
      await db.close();
    },
  );
});
