import { describe, expect, it } from 'vitest';
import { questionHeadline } from '../../src/lib/report/question-headline';
import type { QuestionReport } from '../../src/lib/report/report-types';

const base: QuestionReport = {
  batch_id: 'b',
  strategy: 's',
  question: 'q',
  value_kind: 'box',
  level: 'nominal',
  items: 1,
  annotators: 2,
  judgements: 2,
  agreement: null,
  accuracy: null,
  aggregation: null,
};

describe('questionHeadline', () => {
  it('prefers box F1 against gold, then between annotators', () => {
    expect(questionHeadline({ ...base, boxes: { iou50_f1_vs_gold: 0.8123, pairwise_f1_iou50: 0.7 } })).toEqual({
      label: 'box F1@0.5 vs gold',
      value: '0.812',
    });
    expect(questionHeadline({ ...base, boxes: { iou50_f1_vs_gold: null, pairwise_f1_iou50: 0.7 } })).toEqual({
      label: 'box F1@0.5 between annotators',
      value: '0.700',
    });
  });

  it('shows text, VQA and position-bias figures, and nothing for a plain category', () => {
    expect(questionHeadline({ ...base, text: { token_f1_vs_gold: null, token_f1: 0.5 } })?.label).toBe(
      'token F1 between annotators',
    );
    expect(questionHeadline({ ...base, vqa: { vqa_accuracy: 0.9 } })).toEqual({ label: 'VQA accuracy', value: '0.900' });
    expect(questionHeadline({ ...base, preference: { first_position_share: 0.52 } })?.value).toBe('0.520');
    expect(questionHeadline(base)).toBeNull();
  });
});
