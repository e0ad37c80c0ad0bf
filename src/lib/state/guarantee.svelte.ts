import type { Connector } from '../db/connector';
import type { Filters } from '../metrics/filters';
import { guaranteeByBatch, type BatchGuarantee } from '../metrics/guarantee/guarantee-by-batch';
import { requiredSampleSizes, TARGET_PRESETS } from '../metrics/guarantee/required-sample-size';
import { buildCertificate, timestampNow } from '../report/certificate';
import { reportSources } from '../report/report-basics';
import type { ReportSource } from '../report/report-types';

export { TARGET_PRESETS };
export const CONFIDENCE_PRESETS = [0.9, 0.95, 0.99] as const;
/** The check a first visit shows (a link states other values in its URL). */
export const GUARANTEE_DEFAULTS = { target: 0.95, confidence: 0.95 } as const;

/**
 * The Guarantee view's state (for sales): target p₀ and confidence 1 − α, and per batch the
 * guarantee check of `guaranteeByBatch`. Changing the target or confidence re-runs the check.
 */
export class GuaranteeState {
  target: number = $state(GUARANTEE_DEFAULTS.target);
  confidence: number = $state(GUARANTEE_DEFAULTS.confidence);
  batches: BatchGuarantee[] = $state.raw([]);
  sources: ReportSource[] = $state.raw([]);
  loading = $state(false);
  error: string | null = $state(null);
  /** Gold items needed to demonstrate the target with 0, 1, 2 errors: depends on the parameters only, not on the data. */
  required: [errors: number, n: number][] = $derived(
    Object.entries(requiredSampleSizes(this.target, this.confidence, 2)).map(([errors, n]) => [Number(errors), n]),
  );
  private db: Connector | null = null;
  private filters: Filters = {};

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.db = db;
    this.filters = filters;
    this.loading = true;
    this.error = null;
    try {
      this.sources = await reportSources(db);
      this.batches = await guaranteeByBatch(db, filters, { target: this.target, confidence: this.confidence });
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Sets the target and/or confidence (fractions in (0, 1)) and recomputes. */
  async setParameters(target: number, confidence: number): Promise<void> {
    if (!(target > 0 && target < 1) || !(confidence > 0 && confidence < 1)) {
      this.error = `target and confidence must be between 0 and 1 (exclusive), e.g. 0.99 and 0.95; got ${target} and ${confidence}`;
      return;
    }
    this.target = target;
    this.confidence = confidence;
    if (this.db) await this.refresh(this.db, this.filters);
  }

  /** The self-contained HTML certificate of the current check. */
  certificate(generatedAt = timestampNow()): string {
    return buildCertificate({
      generatedAt,
      sources: this.sources,
      filters: this.filters,
      guarantee: { target: this.target, confidence: this.confidence, batches: this.batches },
    });
  }
}
