/**
 * The baseline issue 9 names: the Python notebook a QA lead would write instead of AnnoQA
 * (`bench/notebook/notebook.py`: pandas + statsmodels), run on the same file in the same
 * benchmark run, and its figures compared with AnnoQA's report of that file — the shared
 * figures computed independently (statsmodels' Fleiss' kappa and proportion intervals, pandas'
 * counts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childFailure } from './child-failure';

const SCRIPT = join(import.meta.dirname, 'notebook', 'notebook.py');

/** What a notebook run prints: per-phase times and the figures per question and per group. */
export interface NotebookResult {
  pandas: string;
  statsmodels: string;
  rows: number;
  resamples: number;
  read_ms: number;
  agreement_ms: number;
  bootstrap_ms: number;
  accuracy_ms: number;
  throughput_ms: number;
  /** Everything after the read. */
  metrics_ms: number;
  peak_rss_mb: number;
  questions: NotebookQuestion[];
  /** Per annotator, strategy and batch (keyed by the grouping column). */
  groups: Record<GroupColumn, NotebookGroup[]>;
}

type GroupColumn = 'annotator_id' | 'strategy' | 'batch_id';

/** The figures of one group that AnnoQA's report also has (its `annotators`, `strategies`, `batches` rows). */
const GROUP_FIGURES = [
  'judgements',
  'units',
  'active_days',
  'median_duration_s',
  'p90_duration_s',
  'cost_usd',
  'accuracy_n',
  'accuracy_correct',
] as const;

export type NotebookGroup = Partial<Record<GroupColumn, string>> & Record<(typeof GROUP_FIGURES)[number], number>;

export interface NotebookQuestion {
  batch_id: string;
  strategy: string;
  question: string;
  level: string;
  agreement: {
    percent: number;
    fleiss_kappa: number;
    alpha_nominal: number | null;
    alpha: number | null;
    alpha_ci95: [number, number] | null;
  };
  accuracy: { n: number; correct: number; wilson95: [number, number]; clopper_pearson95: [number, number] } | null;
  majority_vote_accuracy: number | null;
}

/**
 * The Python with pandas and statsmodels: `ANNOQA_PYTHON`, else Debian's (/usr/bin/python3,
 * where `apt-get install python3-pandas python3-statsmodels` puts them), else `python3`;
 * null when none imports them.
 */
export function notebookPython(): string | null {
  const candidates = [process.env.ANNOQA_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (p): p is string => !!p && (!p.startsWith('/') || existsSync(p)),
  );
  return (
    candidates.find((python) => spawnSync(python, ['-c', 'import pandas, statsmodels'], { stdio: 'ignore' }).status === 0) ?? null
  );
}

/** Runs the notebook on `file` with a time limit; an error (or why it was skipped) instead of a result when it cannot. */
export function runNotebook(file: string, timeoutS: number, resamples = 1000): NotebookResult | { error: string } {
  const python = notebookPython();
  if (!python)
    return { error: 'skipped: no Python with pandas and statsmodels (apt-get install python3-pandas python3-statsmodels)' };
  const child = spawnSync(python, [SCRIPT, file, '--resamples', String(resamples)], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status === 0) return JSON.parse(child.stdout) as NotebookResult;
  return { error: childFailure(child, timeoutS) };
}

/** The parts of AnnoQA's report (`buildReport`, the CLI's `--json`) the notebook also computes. */
export interface ReportFigures {
  questions: {
    batch_id: string;
    strategy: string;
    question: string;
    agreement: {
      percent: number | null;
      fleiss_kappa: number | null;
      krippendorff_alpha: number | null;
      alpha_by_level?: Record<string, number | null>;
    } | null;
    accuracy: {
      n: number;
      correct: number;
      wilson95: [number, number] | null;
      clopper_pearson95: [number, number] | null;
    } | null;
    aggregation: { majority_vote_accuracy: number | null } | null;
  }[];
  annotators: ReportGroup[];
  strategies: ReportGroup[];
  batches: ReportGroup[];
}

type ReportGroup = Partial<Record<GroupColumn, string>> & Record<(typeof GROUP_FIGURES)[number], number | null>;

/** Which of the report's group lists holds the notebook's groups by each column. */
const REPORT_GROUPS: Record<GroupColumn, 'annotators' | 'strategies' | 'batches'> = {
  annotator_id: 'annotators',
  strategy: 'strategies',
  batch_id: 'batches',
};

/**
 * How the notebook's figures compare with AnnoQA's: the largest difference per figure over the
 * questions and groups, and those beyond `tolerance` (absolute up to 1, relative above: a sum
 * of a million costs differs in its last bits with the order of addition).
 */
export interface NotebookComparison {
  questions: number;
  groups: number;
  /** Questions and groups of one side the other does not have. */
  unmatched: string[];
  max_abs_diff: Record<string, number>;
  tolerance: number;
  mismatches: string[];
}

/**
 * Compares, question by question: percent agreement, Fleiss' kappa, Krippendorff's alpha at the
 * question's level and nominal, the gold-scored judgements (n, correct), the Wilson and
 * Clopper–Pearson bounds, and majority-vote accuracy (ties scored 1/t); and per annotator,
 * strategy and batch the `GROUP_FIGURES`. Both sides define them alike (README "Metric
 * definitions"), so they should agree to rounding.
 */
export function compareWithReport(notebook: NotebookResult, report: ReportFigures, tolerance = 1e-9): NotebookComparison {
  const name = (q: { batch_id: string; strategy: string; question: string }) => `${q.batch_id}/${q.strategy}/${q.question}`;
  const annoqa = new Map(report.questions.map((q) => [name(q), q]));
  const seen = new Set<string>();
  const maxAbsDiff: Record<string, number> = {};
  const mismatches: string[] = [];
  const compare = (subject: string, figure: string, ours: number | null | undefined, theirs: number | null | undefined) => {
    const diff = ours == null || theirs == null ? (ours == theirs ? 0 : Infinity) : Math.abs(ours - theirs);
    maxAbsDiff[figure] = Math.max(maxAbsDiff[figure] ?? 0, diff);
    if (!(diff <= tolerance * Math.max(1, Math.abs(ours ?? 0))))
      mismatches.push(`${subject} ${figure}: AnnoQA ${ours ?? 'null'}, notebook ${theirs ?? 'null'}`);
  };
  for (const nb of notebook.questions) {
    const key = name(nb);
    const q = annoqa.get(key);
    if (!q) continue;
    seen.add(key);
    const a = q.agreement;
    compare(key, 'percent', a?.percent, nb.agreement.percent);
    compare(key, 'fleiss_kappa', a?.fleiss_kappa, nb.agreement.fleiss_kappa);
    compare(key, 'krippendorff_alpha', a?.krippendorff_alpha, nb.agreement.alpha);
    compare(key, 'alpha_nominal', a?.alpha_by_level?.nominal, nb.agreement.alpha_nominal);
    compare(key, 'gold_judgements', q.accuracy?.n, nb.accuracy?.n);
    compare(key, 'correct', q.accuracy?.correct, nb.accuracy?.correct);
    for (const [figure, bounds] of [
      ['wilson95', [q.accuracy?.wilson95, nb.accuracy?.wilson95]],
      ['clopper_pearson95', [q.accuracy?.clopper_pearson95, nb.accuracy?.clopper_pearson95]],
    ] as const) {
      compare(key, `${figure} low`, bounds[0]?.[0], bounds[1]?.[0]);
      compare(key, `${figure} high`, bounds[0]?.[1], bounds[1]?.[1]);
    }
    compare(key, 'majority_vote_accuracy', q.aggregation?.majority_vote_accuracy, nb.majority_vote_accuracy);
  }
  const unmatched = [...notebook.questions.map(name), ...annoqa.keys()].filter((key) => !seen.has(key));
  let groups = 0;
  for (const [column, list] of Object.entries(REPORT_GROUPS) as [GroupColumn, (typeof REPORT_GROUPS)[GroupColumn]][]) {
    const annoqaRows = new Map(report[list].map((row) => [row[column], row]));
    const notebookRows = new Map(notebook.groups[column].map((row) => [row[column], row]));
    for (const id of new Set([...annoqaRows.keys(), ...notebookRows.keys()])) {
      const [ours, theirs] = [annoqaRows.get(id), notebookRows.get(id)];
      if (!ours || !theirs) {
        unmatched.push(`${column} ${id}`);
        continue;
      }
      groups++;
      for (const figure of GROUP_FIGURES) compare(`${column} ${id}`, figure, ours[figure], theirs[figure]);
    }
  }
  return { questions: seen.size, groups, unmatched, max_abs_diff: maxAbsDiff, tolerance, mismatches };
}
