import type { Connector } from '../db/connector';
import { loadAccounting, type QuestionLevel, type RejectionGroup, type WarningRow } from '../report/load-accounting';
import type { ReportSource } from '../report/report-types';

/** The Data view's contents: sources with their accounting, rejections, warnings, question levels. */
export class DataState {
  sources: ReportSource[] = $state.raw([]);
  rejections: RejectionGroup[] = $state.raw([]);
  warnings: WarningRow[] = $state.raw([]);
  questions: QuestionLevel[] = $state.raw([]);
  error: string | null = $state(null);

  async refresh(db: Connector): Promise<void> {
    try {
      ({
        sources: this.sources,
        rejections: this.rejections,
        warnings: this.warnings,
        questions: this.questions,
      } = await loadAccounting(db));
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}
