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
  type ReportFigures,
} from '../../bench/notebook-case';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { buildReport } from '../../src/lib/report/build-report';
import { freshDb, loadCsvText } from '../helpers/db';

const question = { batch_id: 'b1', strategy: 'vl_alignment', question: 'category' };
const group = {
  judgements: 10,
  units: 2,
  active_days: 1,
  median_duration_s: 30,
  p90_duration_s: 50,
  cost_usd: 1e6,
  accuracy_n: 10,
  accuracy_correct: 8,
};
const annoqa: ReportFigures = {
  questions: [
    {
      ...question,
      agreement: { percent: 0.7, fleiss_kappa: 0.5, krippendorff_alpha: 0.51, alpha_by_level: { nominal: 0.51 } },
      accuracy: { n: 10, correct: 8, wilson95: [0.49, 0.94], clopper_pearson95: [0.44, 0.97] },
      aggregation: { majority_vote_accuracy: 0.75 },
    },
  ],
  annotators: [],
  strategies: [{ strategy: 'vl_alignment', ...group }],
  batches: [],
};
const notebook = (changes: Partial<NotebookResult['questions'][number]['agreement']> = {}, groupChanges = {}) =>
  ({
    groups: { annotator_id: [], strategy: [{ strategy: 'vl_alignment', ...group, ...groupChanges }], batch_id: [] },
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
  it('finds equal figures equal and names a figure that differs, and a question or group one side lacks', () => {
    expect(compareWithReport(notebook(), annoqa)).toMatchObject({ questions: 1, groups: 1, unmatched: [], mismatches: [] });
    const off = compareWithReport(notebook({ fleiss_kappa: 0.5 + 1e-6 }), annoqa);
    expect(off.mismatches).toEqual(['b1/vl_alignment/category fleiss_kappa: AnnoQA 0.5, notebook 0.500001']);
    expect(off.max_abs_diff.fleiss_kappa).toBeCloseTo(1e-6, 12);
    const missing = compareWithReport(notebook(), { questions: [], annotators: [], strategies: [], batches: [] });
    expect(missing).toMatchObject({ questions: 0, groups: 0, unmatched: ['b1/vl_alignment/category', 'strategy vl_alignment'] });
    const nulls = compareWithReport(notebook({ alpha: null }), annoqa);
    expect(nulls.mismatches).toEqual(['b1/vl_alignment/category krippendorff_alpha: AnnoQA 0.51, notebook null']);
    // a group's counts exactly; a sum of costs relative to its size (the order of addition moves its last bits)
    expect(compareWithReport(notebook({}, { units: 3 }), annoqa).mismatches).toEqual([
      'strategy vl_alignment units: AnnoQA 2, notebook 3',
    ]);
    expect(compareWithReport(notebook({}, { cost_usd: 1e6 + 1e-4 }), annoqa).mismatches).toEqual([]);
    expect(compareWithReport(notebook({}, { cost_usd: 1e6 + 1e-2 }), annoqa).mismatches).toHaveLength(1);
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
      const comparison = compareWithReport(result, report as unknown as ReportFigures);
      expect(comparison.mismatches).toEqual([]);
      expect(comparison.unmatched).toEqual([]);
      expect(comparison.questions).toBe(12);
      expect(comparison.groups).toBe(report.annotators.length + report.strategies.length + report.batches.length);
      expect(comparison.groups).toBeGreaterThan(60);
      // every figure was there to compare on both sides (no question without gold or agreement)
      expect(result.questions.every((q) => q.accuracy && q.majority_vote_accuracy !== null && q.agreement.alpha !== null)).toBe(
        true,
      );
      await db.close();
    },
  );
});
