import type { BoxesReport } from '../metrics/boxes/boxes-by-question';
import type { PreferenceReport } from '../metrics/preference/preference-by-question';
import type { VqaReport } from '../metrics/vqa/vqa-by-question';
import type { BarDatum } from './bars';

/** Significance level at which an annotator's position bias is flagged in the chart. */
export const POSITION_BIAS_ALPHA = 0.05;

/** Position-bias bars: each annotator's share of choices for the first-shown response (flagged when p < 0.05). */
export function positionBiasBars(report: PreferenceReport): BarDatum[] {
  return report.annotators.map((a) => ({
    label: a.annotator_id,
    value: a.first_position_share,
    note: `${a.first_position_k} of ${a.first_position_n}, binomial p = ${a.first_position_p_value === null ? '—' : a.first_position_p_value.toPrecision(2)}`,
    flagged: a.first_position_p_value !== null && a.first_position_p_value < POSITION_BIAS_ALPHA,
  }));
}

/** Tie-rate bars per annotator. */
export function tieRateBars(report: PreferenceReport): BarDatum[] {
  return report.annotators.map((a) => ({ label: a.annotator_id, value: a.tie_rate, note: `${a.ties} ties of ${a.judgements}` }));
}

/** Per-class F1 against gold at IoU ≥ 0.5 (or pairwise F1 between annotators when there is no gold). */
export function classF1Bars(report: BoxesReport): { data: BarDatum[]; against: 'gold' | 'annotators' } {
  const against = report.images_with_gold > 0 ? 'gold' : 'annotators';
  return {
    against,
    data: report.classes.map((c) => ({
      label: c.class || '(no class)',
      value: against === 'gold' ? c.iou50_f1_vs_gold : c.pairwise_f1_iou50,
      note: `${c.annotator_boxes} annotator boxes, ${c.gold_boxes} gold boxes`,
    })),
  };
}

/** Per-annotator VQA accuracy (against the other annotators). */
export function vqaAccuracyBars(report: VqaReport): BarDatum[] {
  return report.annotators.map((a) => ({ label: a.annotator_id, value: a.vqa_accuracy, note: `${a.answers} answers` }));
}

/** Edges 0, 0.05, …, 1 of the IoU histogram's bins. */
export function iouEdges(report: BoxesReport): number[] {
  return [...report.iou_histogram.bins.map((b) => b[0]), 1];
}
