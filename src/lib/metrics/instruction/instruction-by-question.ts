import type { Connector } from '../../db/connector';
import type { Filters } from '../filters';
import { textByQuestion, type TextReport } from '../text/text-by-question';
import { acceptRateByQuestion, type AcceptRateReport } from './accept-rate';
import { qualityThresholdByQuestion, type QualityThresholdOptions, type QualityThresholdReport } from './quality-threshold';

/** The instruction-tuning measures, each keyed by questionKey() of the question it applies to. */
export interface InstructionReport {
  quality: Map<string, QualityThresholdReport>;
  accept: Map<string, AcceptRateReport>;
  /** Text similarity of written outputs (text questions of the instruction_tuning strategy). */
  outputs: Map<string, TextReport>;
}

/**
 * Instruction-tuning measures (DESIGN.md strategies table): the share of units below a quality
 * threshold with an upper bound, accept-rate against gold accept/reject, and the similarity of
 * written outputs to each other and to gold outputs. Ordinal α / AC2 on the quality ratings
 * come from the generic agreement engine (agreementByQuestion).
 */
export async function instructionByQuestion(
  db: Connector,
  filters: Filters = {},
  options: QualityThresholdOptions = {},
): Promise<InstructionReport> {
  const quality = await qualityThresholdByQuestion(db, filters, options);
  const accept = await acceptRateByQuestion(db, filters);
  const texts = await textByQuestion(db, {
    ...filters,
    strategies: filters.strategies?.length ? filters.strategies : ['instruction_tuning'],
  });
  const outputs = new Map([...texts].filter(([key]) => (JSON.parse(key) as string[])[1] === 'instruction_tuning'));
  return { quality, accept, outputs };
}
