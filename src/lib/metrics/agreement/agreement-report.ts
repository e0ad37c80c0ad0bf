import type { Level } from '../../db/schema';
import type { AgreementReport, Interval } from '../../report/report-types';
import { bootstrapGroups, percentileInterval } from '../../stats/bootstrap';
import { fleissKappa, gwetAC, percentAgreement, ratingShares } from './chance-agreement';
import { undefinedBecause, type Coefficient } from './coefficient';
import { cohenKappa, scottPi, type ContingencyTable } from './cohen-kappa';
import { alphaFromCoincidences, coincidences } from './krippendorff-alpha';
import { patternFrequencies, type RatingPatterns } from './rating-patterns';
import { agreementWeights } from './rating-weights';

/** Everything the coefficients of one question are computed from (see `loadQuestionRatings`). */
export interface QuestionRatings extends RatingPatterns {
  batch_id: string;
  strategy: string;
  question: string;
  value_kind: string;
  level: Level;
  /** Distinct annotators with at least one rating. */
  annotators: number;
  /** For exactly two annotators: their contingency table over `categories` ranks. */
  pair: ContingencyTable | null;
}

export interface BootstrapSettings {
  bootstrap: boolean;
  seed: number;
  resamples: number;
}

/** Default: 1,000 resamples with a fixed seed (DESIGN.md "Confidence intervals"). */
export const DEFAULT_BOOTSTRAP: BootstrapSettings = { bootstrap: true, seed: 20110101, resamples: 1000 };

/** Bootstraps are skipped above this many (categories² × resamples) operations per question. */
const BOOTSTRAP_BUDGET = 5e8;

const LEVEL_NAMES: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function put(report: Record<string, unknown>, reasons: Record<string, string>, key: string, c: Coefficient): void {
  report[key] = c.value;
  if (c.value === null) reasons[key] = c.reason;
}

/**
 * The agreement object of the report contract (DESIGN.md) for one question, plus extra keys:
 * `level`, `alpha_by_level` (all four metrics), `gwet_ac2_linear`, `gwet_ac2_quadratic`,
 * `items`, `pairable_items`, `annotators`, `categories`, `bootstrap` (settings), and
 * `ci95.gwet_ac1`. Coefficients follow DESIGN.md "Metric conventions"; every null has a reason.
 */
export function agreementReport(data: QuestionRatings, settings: BootstrapSettings = DEFAULT_BOOTSTRAP): AgreementReport {
  const reasons: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  const q = data.categories.length;
  const frequencies = patternFrequencies(data.patterns);
  const identity = agreementWeights(q, 'unweighted');
  const shares = ratingShares(data.patterns, frequencies, q, identity);

  put(out, reasons, 'percent', percentAgreement(shares));
  const twoRaters =
    data.annotators === 2
      ? null
      : `Cohen's κ and Scott's π need exactly two annotators; this question has ${data.annotators} (use Fleiss' κ or Krippendorff's α)`;
  const pair = data.pair;
  const ordered = data.level !== 'nominal';
  const nominalWeights = "weighted κ needs ordered categories; this question's level is nominal";
  put(
    out,
    reasons,
    'cohen_kappa',
    twoRaters || !pair ? undefinedBecause(twoRaters ?? 'no table') : cohenKappa(pair, 'unweighted'),
  );
  for (const [key, weighting] of [
    ['cohen_kappa_linear', 'linear'],
    ['cohen_kappa_quadratic', 'quadratic'],
  ] as const) {
    const reason = twoRaters ?? (ordered ? null : nominalWeights);
    put(out, reasons, key, reason || !pair ? undefinedBecause(reason ?? 'no table') : cohenKappa(pair, weighting));
  }
  put(out, reasons, 'scott_pi', twoRaters || !pair ? undefinedBecause(twoRaters ?? 'no table') : scottPi(pair));
  put(out, reasons, 'fleiss_kappa', fleissKappa(shares, identity));

  const co = coincidences(data.patterns, frequencies, q);
  const byLevel: Record<string, number | null> = {};
  for (const level of LEVEL_NAMES) {
    const alpha = alphaFromCoincidences(level, data.categories, co);
    byLevel[level] = alpha.value;
    if (alpha.value === null) reasons[`alpha_${level}`] = alpha.reason;
  }
  out.krippendorff_alpha = byLevel[data.level];
  if (byLevel[data.level] === null) reasons.krippendorff_alpha = reasons[`alpha_${data.level}`];
  put(out, reasons, 'gwet_ac1', gwetAC(shares, identity));
  for (const [key, kind] of [
    ['gwet_ac2_linear', 'linear'],
    ['gwet_ac2_quadratic', 'quadratic'],
  ] as const) {
    if (!ordered) put(out, reasons, key, undefinedBecause("AC2 needs ordered categories; this question's level is nominal"));
    else {
      const w = agreementWeights(q, kind);
      put(out, reasons, key, gwetAC(ratingShares(data.patterns, frequencies, q, w), w));
    }
  }

  const ci95: { krippendorff_alpha: Interval | null; gwet_ac1: Interval | null } = { krippendorff_alpha: null, gwet_ac1: null };
  const ciReason = bootstrapUnavailable(data, settings, out);
  if (ciReason) {
    reasons['ci95.krippendorff_alpha'] = ciReason;
    reasons['ci95.gwet_ac1'] = ciReason;
  } else {
    const { samples } = bootstrapGroups(
      frequencies,
      (counts) => [
        alphaFromCoincidences(data.level, data.categories, coincidences(data.patterns, counts, q)).value,
        gwetAC(ratingShares(data.patterns, counts, q, identity), identity).value,
      ],
      settings,
    );
    ci95.krippendorff_alpha = percentileInterval(samples[0]);
    ci95.gwet_ac1 = percentileInterval(samples[1]);
    if (!ci95.krippendorff_alpha) reasons['ci95.krippendorff_alpha'] = 'α was undefined in every resample';
    if (!ci95.gwet_ac1) reasons['ci95.gwet_ac1'] = 'AC1 was undefined in every resample';
  }

  return {
    percent: out.percent as number | null,
    cohen_kappa: out.cohen_kappa as number | null,
    cohen_kappa_linear: out.cohen_kappa_linear as number | null,
    cohen_kappa_quadratic: out.cohen_kappa_quadratic as number | null,
    scott_pi: out.scott_pi as number | null,
    fleiss_kappa: out.fleiss_kappa as number | null,
    krippendorff_alpha: out.krippendorff_alpha as number | null,
    gwet_ac1: out.gwet_ac1 as number | null,
    gwet_ac2_linear: out.gwet_ac2_linear as number | null,
    gwet_ac2_quadratic: out.gwet_ac2_quadratic as number | null,
    alpha_by_level: byLevel,
    level: data.level,
    items: shares.ratedItems,
    pairable_items: shares.pairableItems,
    annotators: data.annotators,
    categories: q,
    bootstrap: settings.bootstrap
      ? { method: 'percentile over items', resamples: settings.resamples, seed: settings.seed }
      : null,
    ci95,
    reasons,
  };
}

function bootstrapUnavailable(data: QuestionRatings, settings: BootstrapSettings, out: Record<string, unknown>): string | null {
  if (!settings.bootstrap) return 'bootstrap not requested';
  if (out.krippendorff_alpha === null && out.gwet_ac1 === null) return 'the coefficients are undefined';
  const cost = data.categories.length ** 2 * settings.resamples;
  if (cost > BOOTSTRAP_BUDGET) return `${data.categories.length} distinct values: too many for a bootstrap here`;
  return null;
}

/** An all-null agreement object with one reason, for questions these coefficients do not apply to (text, boxes). */
export function notApplicable(why: string): AgreementReport {
  const keys = [
    'percent',
    'cohen_kappa',
    'cohen_kappa_linear',
    'cohen_kappa_quadratic',
    'scott_pi',
    'fleiss_kappa',
    'krippendorff_alpha',
    'gwet_ac1',
  ];
  return {
    percent: null,
    cohen_kappa: null,
    cohen_kappa_linear: null,
    cohen_kappa_quadratic: null,
    scott_pi: null,
    fleiss_kappa: null,
    krippendorff_alpha: null,
    gwet_ac1: null,
    ci95: { krippendorff_alpha: null, gwet_ac1: null },
    reasons: Object.fromEntries(keys.map((k) => [k, why])),
  };
}
