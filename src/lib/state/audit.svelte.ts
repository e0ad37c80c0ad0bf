import { auditVerdict, type AuditPlan, type AuditVerdict } from '../audit/audit-verdict';
import { newSeed } from '../audit/draw-sample';
import { exactPlan, type ExactPlan, type ExactPlanInput } from '../audit/exact-plan';
import { isoPlan, type IsoPlan } from '../audit/iso-plan';
import type { InspectionLevel } from '../audit/iso2859-tables';
import { deliveredLot, drawLotSample, reviewOutcomes, type Lot, type ReviewOutcome } from '../audit/lot-items';
import { ocCurve, type OcPoint } from '../audit/oc-curve';
import { sampleCsv } from '../audit/sample-csv';
import type { Connector } from '../db/connector';
import type { Filters } from '../metrics/filters';
import { buildCertificate, timestampNow } from '../report/certificate';
import { reportSources } from '../report/report-basics';
import type { ReportSource } from '../report/report-types';

/**
 * The Audit view's state (for a client checking a delivered lot): the lot (the filtered
 * items), the ISO 2859-1 plan and the exact hypergeometric plan, the OC curve, the seeded
 * sample, and — once a review (gold) file is loaded and chosen — the verdict.
 */
export class AuditState {
  lot: Lot | null = $state.raw(null);
  aqlPercent = $state(1);
  level: InspectionLevel = $state('II');
  producerRisk = $state(0.05);
  lqPercent = $state(5);
  consumerRisk = $state(0.1);
  useExact = $state(false);
  seed = $state(newSeed());
  iso: IsoPlan | null = $state.raw(null);
  exact: { input: ExactPlanInput; plan: ExactPlan } | null = $state.raw(null);
  exactError: string | null = $state(null);
  oc: OcPoint[] = $state.raw([]);
  sample: string[] = $state.raw([]);
  goldSources: { source_id: number; file_name: string }[] = $state.raw([]);
  reviewSourceId: number | null = $state(null);
  outcomes: ReviewOutcome[] = $state.raw([]);
  verdict: AuditVerdict | null = $state.raw(null);
  sources: ReportSource[] = $state.raw([]);
  loading = $state(false);
  error: string | null = $state(null);
  private db: Connector | null = null;
  private filters: Filters = {};

  get lotSize(): number {
    return this.lot?.size ?? 0;
  }

  /** The plan the sample is drawn for: the exact plan when chosen and valid, else the ISO plan. */
  get planUsed(): AuditPlan | null {
    if (this.useExact && this.exact) {
      const { plan, input } = this.exact;
      return {
        kind: 'exact-hypergeometric',
        sample_size: plan.sample_size,
        accept: plan.accept,
        reject: plan.reject,
        aql: input.aql,
        lq: input.lqOrLtpd,
      };
    }
    if (!this.iso) return null;
    const { sample_size, accept, reject, code_letter } = this.iso;
    return { kind: 'iso2859-1', sample_size, accept, reject, aql: this.aqlPercent / 100, code_letter };
  }

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.db = db;
    this.filters = filters;
    this.loading = true;
    this.error = null;
    try {
      this.lot = await deliveredLot(db, filters);
      this.sources = await reportSources(db);
      this.goldSources = this.sources
        .filter((s) => s.role === 'gold')
        .map(({ source_id, file_name }) => ({ source_id, file_name }));
      if (this.reviewSourceId !== null && !this.goldSources.some((s) => s.source_id === this.reviewSourceId))
        this.reviewSourceId = null;
      await this.recompute();
      await this.review();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Recomputes plans, OC curve and sample from the current parameters (the sample's ids are read from DuckDB). */
  async recompute(): Promise<void> {
    this.error = null;
    this.iso = null;
    this.exact = null;
    this.exactError = null;
    this.oc = [];
    this.sample = [];
    if (this.lotSize < 2) {
      this.error = 'the lot needs at least 2 items: load a delivery (or widen the filters)';
      return;
    }
    try {
      this.iso = isoPlan(this.lotSize, this.aqlPercent, this.level);
    } catch (error) {
      this.error = (error as Error).message;
      return;
    }
    try {
      const input = {
        lotSize: this.lotSize,
        aql: this.aqlPercent / 100,
        producerRisk: this.producerRisk,
        lqOrLtpd: this.lqPercent / 100,
        consumerRisk: this.consumerRisk,
      };
      this.exact = { input, plan: exactPlan(input) };
    } catch (error) {
      this.exactError = (error as Error).message;
    }
    const plan = this.planUsed!;
    this.oc = ocCurve(plan, this.lotSize);
    const [lot, seed] = [this.lot!, this.seed];
    try {
      const sample = await drawLotSample(lot, plan.sample_size, seed);
      // kept only if nothing changed meanwhile (another pick may have come while the ids were read)
      if (this.lot === lot && this.seed === seed && this.planUsed?.sample_size === plan.sample_size) this.sample = sample;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Sets parameters (any subset), recomputes and re-evaluates the review. */
  async update(
    changes: Partial<
      Pick<AuditState, 'aqlPercent' | 'level' | 'producerRisk' | 'lqPercent' | 'consumerRisk' | 'useExact' | 'seed'>
    >,
  ): Promise<void> {
    Object.assign(this, changes);
    await this.recompute();
    await this.review();
  }

  /** Draws a new sample with a fresh random seed. */
  async reseed(): Promise<void> {
    await this.update({ seed: newSeed() });
  }

  async chooseReview(sourceId: number | null): Promise<void> {
    this.reviewSourceId = sourceId;
    await this.review();
  }

  /** Compares the sampled items with the chosen review file and gives the verdict (none without a review file). */
  async review(): Promise<void> {
    const plan = this.planUsed;
    if (!this.db || !plan || this.reviewSourceId === null || this.sample.length === 0) {
      this.outcomes = [];
      this.verdict = null;
      return;
    }
    try {
      this.outcomes = await reviewOutcomes(this.db, this.sample, { reviewSourceId: this.reviewSourceId, filters: this.filters });
      this.verdict = auditVerdict({
        plan,
        lotSize: this.lotSize,
        seed: this.seed,
        sampleIds: this.sample,
        outcomes: this.outcomes,
      });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** The sample as CSV (formula-safe), with an empty `gold` column for the reviewer. */
  sampleCsv(): string {
    return sampleCsv(this.sample);
  }

  /** The self-contained HTML audit report. */
  certificate(generatedAt = timestampNow()): string | null {
    if (!this.iso) return null;
    return buildCertificate({
      generatedAt,
      sources: this.sources,
      filters: this.filters,
      audit: {
        lotSize: this.lotSize,
        aqlPercent: this.aqlPercent,
        level: this.level,
        isoPlan: this.iso,
        exact: this.exact,
        planUsed: this.useExact && this.exact ? 'exact-hypergeometric' : 'iso2859-1',
        seed: this.seed,
        sampleIds: this.sample,
        verdict: this.verdict,
        oc: this.oc,
        reviewFile: this.goldSources.find((s) => s.source_id === this.reviewSourceId)?.file_name ?? null,
      },
    });
  }
}
