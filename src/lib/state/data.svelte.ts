import type { Connector } from '../db/connector';
import {
  loadWarnings,
  questionLevels,
  rejectionGroups,
  type QuestionLevel,
  type RejectionGroup,
  type WarningRow,
} from '../report/load-accounting';
import { reportSources } from '../report/report-basics';
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
      this.sources = await reportSources(db);
      this.rejections = await rejectionGroups(db);
      this.warnings = await loadWarnings(db);
      this.questions = await questionLevels(db);
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}
