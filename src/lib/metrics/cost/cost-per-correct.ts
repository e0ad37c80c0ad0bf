import type { Interval, Reasons } from '../../report/report-types';
import { clopperPearson } from '../../stats/clopper-pearson';
import { wilson } from '../../stats/wilson';

export interface AccuracyFigures {
  accuracy: number | null;
  wilson95: Interval | null;
  clopper_pearson95: Interval | null;
}

/** Judgement-level accuracy k/n with Wilson (1927) and Clopper–Pearson (1934) 95 % intervals; null when n = 0. */
export function accuracyFigures(correct: number, n: number): AccuracyFigures {
  return { accuracy: n > 0 ? correct / n : null, wilson95: wilson(correct, n), clopper_pearson95: clopperPearson(correct, n) };
}

export interface CostPerCorrect {
  cost_per_correct_unit: number | null;
  /** [cost/upper, cost/lower] of the accuracy's Wilson 95 % interval; null when a bound is undefined. */
  cost_per_correct_unit_ci95: Interval | null;
  reasons: Reasons;
}

/**
 * Cost per correct unit = cost per unit ÷ judgement-level accuracy against gold (DESIGN.md
 * "Cost"); the accuracy's Wilson 95 % interval [lo, hi] is carried through as
 * [cost/hi, cost/lo] (division by a positive number is monotone). Accuracy 0 → null with a
 * reason; a lower bound of 0 leaves the interval without an upper end → interval null.
 */
export function costPerCorrect(costPerUnit: number | null, correct: number, n: number): CostPerCorrect {
  const reasons: Reasons = {};
  const none = (why: string): CostPerCorrect => {
    reasons.cost_per_correct_unit = why;
    reasons.cost_per_correct_unit_ci95 = why;
    return { cost_per_correct_unit: null, cost_per_correct_unit_ci95: null, reasons };
  };
  if (costPerUnit === null) return none('cost per unit is unknown');
  if (n === 0) return none('no judgement here has a gold answer: accuracy is unknown');
  if (correct === 0)
    return none(`accuracy against gold is 0 (0 of ${n} correct): no unit is correct, so a correct unit has no finite cost`);
  const [low, high] = wilson(correct, n)!;
  const interval: Interval | null = low > 0 ? [costPerUnit / high, costPerUnit / low] : null;
  if (!interval) reasons.cost_per_correct_unit_ci95 = "the accuracy interval's lower bound is 0, so the cost has no upper bound";
  return { cost_per_correct_unit: costPerUnit / (correct / n), cost_per_correct_unit_ci95: interval, reasons };
}
