import type { QuestionReport } from './report-types';

function fixed(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(3) : null;
}

/**
 * The one strategy-specific figure the Overview shows beside α for a question: box F1 at
 * IoU ≥ 0.5 (against gold, else between annotators), token F1 of free text, VQA accuracy,
 * or the position bias of preferences. `null` when none applies.
 */
export function questionHeadline(q: QuestionReport): { label: string; value: string } | null {
  const boxes = q.boxes as Record<string, unknown> | undefined;
  if (boxes) {
    const vsGold = fixed(boxes.iou50_f1_vs_gold);
    if (vsGold) return { label: 'box F1@0.5 vs gold', value: vsGold };
    const pairwise = fixed(boxes.pairwise_f1_iou50);
    return pairwise ? { label: 'box F1@0.5 between annotators', value: pairwise } : null;
  }
  const vqa = q.vqa as Record<string, unknown> | undefined;
  if (vqa && fixed(vqa.vqa_accuracy)) return { label: 'VQA accuracy', value: fixed(vqa.vqa_accuracy)! };
  const text = q.text as Record<string, unknown> | undefined;
  if (text) {
    const vsGold = fixed(text.token_f1_vs_gold);
    if (vsGold) return { label: 'token F1 vs gold', value: vsGold };
    const between = fixed(text.token_f1);
    return between ? { label: 'token F1 between annotators', value: between } : null;
  }
  const preference = q.preference as Record<string, unknown> | undefined;
  const share = fixed(preference?.first_position_share);
  return share ? { label: 'first-shown chosen', value: share } : null;
}
