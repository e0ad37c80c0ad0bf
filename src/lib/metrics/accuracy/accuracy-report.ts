import type { AccuracyReport } from '../../report/report-types';
import { clopperPearson } from '../../stats/clopper-pearson';
import { wilson } from '../../stats/wilson';

/**
 * Judgement-level accuracy against gold from counts: correct / n with the two-sided 95 %
 * Wilson (1927) score interval and the exact Clopper–Pearson (1934) interval
 * (DESIGN.md "Accuracy against gold"). With n = 0 every figure is null and `reasons` says why.
 */
export function accuracyFromCounts(n: number, correct: number, whyEmpty = 'no judgement has a gold answer'): AccuracyReport {
  if (n === 0) {
    return {
      n: 0,
      correct: 0,
      accuracy: null,
      wilson95: null,
      clopper_pearson95: null,
      reasons: { accuracy: whyEmpty, wilson95: whyEmpty, clopper_pearson95: whyEmpty },
    };
  }
  return {
    n,
    correct,
    accuracy: correct / n,
    wilson95: wilson(correct, n),
    clopper_pearson95: clopperPearson(correct, n),
    reasons: {},
  };
}
