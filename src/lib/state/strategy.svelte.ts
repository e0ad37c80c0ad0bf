import type { Connector } from '../db/connector';
import { boxesByQuestion, type BoxesReport } from '../metrics/boxes/boxes-by-question';
import { byQuestionCached } from '../metrics/by-question-cache';
import type { Filters } from '../metrics/filters';
import { instructionByQuestion, type InstructionReport } from '../metrics/instruction/instruction-by-question';
import { preferenceByQuestion, type PreferenceReport } from '../metrics/preference/preference-by-question';
import { rubricAgreementByQuestion, type RubricAgreement } from '../metrics/preference/rubric-agreement';
import { textByQuestion, type TextReport } from '../metrics/text/text-by-question';
import { vqaByQuestion, type VqaReport } from '../metrics/vqa/vqa-by-question';

/** A question key (questionKey()) split back into its parts, for headings. */
export function keyParts(key: string): { batch_id: string; strategy: string; question: string } {
  const [batch_id, strategy, question] = JSON.parse(key) as [string, string, string];
  return { batch_id, strategy, question };
}

// Each field is replaced wholesale ($state.raw), never mutated: plain maps are enough.
const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The strategy panels' data: RLHF preference measures, vision-language boxes / VQA / caption
 * similarity and instruction-tuning measures for the current filters. `threshold` is the
 * quality threshold of the instruction panel (a unit is "below" when its mean rating < it).
 */
export class StrategyState {
  preference: ReadonlyMap<string, PreferenceReport> = $state.raw(EMPTY);
  boxes: ReadonlyMap<string, BoxesReport> = $state.raw(EMPTY);
  vqa: ReadonlyMap<string, VqaReport> = $state.raw(EMPTY);
  /** Text similarity of every text question outside instruction tuning (captions, rationales …). */
  text: ReadonlyMap<string, TextReport> = $state.raw(EMPTY);
  instruction: InstructionReport | null = $state.raw(null);
  /** Ordinal α / AC2 of the RLHF rubric dimensions and of the instruction-tuning quality ratings. */
  rubric: ReadonlyMap<string, RubricAgreement> = $state.raw(EMPTY);
  qualityAgreement: ReadonlyMap<string, RubricAgreement> = $state.raw(EMPTY);
  threshold = $state(3);
  /** Bootstrap resamples of the Bradley–Terry intervals (fewer keeps the browser responsive). */
  resamples = $state(1000);
  loading = $state(false);
  error: string | null = $state(null);

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      // Per-question figures cached as in buildReport: a batch or question filter picks among them.
      const resamples = this.resamples;
      this.preference = await byQuestionCached(db, `preference-resamples:${resamples}`, filters, (f) =>
        preferenceByQuestion(db, f, { resamples }),
      );
      this.boxes = await byQuestionCached(db, 'boxes', filters, (f) => boxesByQuestion(db, f));
      this.vqa = await byQuestionCached(db, 'vqa', filters, (f) => vqaByQuestion(db, f));
      const text = await byQuestionCached(db, 'text', filters, (f) => textByQuestion(db, f));
      for (const key of [...text.keys()]) if (keyParts(key).strategy === 'instruction_tuning') text.delete(key);
      this.text = text;
      this.instruction = await instructionByQuestion(db, filters, { threshold: this.threshold });
      this.rubric = await rubricAgreementByQuestion(db, filters, 'rlhf_preference', { bootstrap: false });
      this.qualityAgreement = await rubricAgreementByQuestion(db, filters, 'instruction_tuning', { bootstrap: false });
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }
}
