import type { Connector } from '../db/connector';
import { agreementByQuestion, type AgreementOptions } from '../metrics/agreement/agreement-by-question';
import { mostDisputedItems, type DisputedItem } from '../metrics/agreement/disputed-items';
import { pairwiseAgreement, type PairwiseAgreement } from '../metrics/agreement/pairwise-agreement';
import { parseQuestionKey } from '../metrics/agreement/question-key';
import { byQuestionCached, oneQuestionCached } from '../metrics/by-question-cache';
import type { Filters } from '../metrics/filters';
import type { AgreementReport } from '../report/report-types';
import { stepsWhile } from './prefetch';

/** How many items the "review these items" list shows. */
export const REVIEW_LIMIT = 25;

/**
 * The Agreement panel's state: every question's coefficients (with bootstrap CIs), and for the
 * selected question the annotator × annotator matrix, per-annotator agreement and the most
 * disputed items. Components read these fields; only `refresh` and `select` run queries.
 */
export class AgreementState {
  /** questionKey → agreement; replaced whole on refresh, never mutated. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  reports: Map<string, AgreementReport> = $state.raw(new Map());
  selectedKey: string | null = $state(null);
  pairwise: PairwiseAgreement | null = $state.raw(null);
  disputed: DisputedItem[] = $state.raw([]);
  loading = $state(false);
  error: string | null = $state(null);
  options: AgreementOptions = { bootstrap: true, resamples: 1000 };
  private db: Connector | null = null;
  private filters: Filters = {};

  /** The selected question's report, if any. */
  selected: AgreementReport | null = $derived(this.selectedKey ? (this.reports.get(this.selectedKey) ?? null) : null);

  /** Question keys with their readable (batch, strategy, question) parts, for a picker. */
  questions = $derived([...this.reports.keys()].map((key) => ({ key, ...parseQuestionKey(key) })));

  async refresh(db: Connector, filters: Filters): Promise<void> {
    this.db = db;
    this.filters = filters;
    this.loading = true;
    this.error = null;
    try {
      this.reports = await this.reportsUnder(db, filters);
      this.selectedKey = questionToShow(this.reports, this.selectedKey);
      await this.loadSelected();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Computes what `refresh` would show under `filters` into the caches, without showing it
   * (`DashboardState`'s prefetch): the coefficients, and the drill-down of the question that
   * would be selected. Stops between two queries once `wanted()` is false.
   */
  async prefetch(db: Connector, filters: Filters, wanted: () => boolean): Promise<void> {
    const step = stepsWhile(wanted);
    const reports = await step(() => this.reportsUnder(db, filters));
    const key = reports && questionToShow(reports, this.selectedKey);
    if (!key || reports.get(key)!.percent === null) return;
    await step(() => pairwiseOf(db, filters, key));
    await step(() => disputedOf(db, filters, key));
  }

  private reportsUnder(db: Connector, filters: Filters): Promise<Map<string, AgreementReport>> {
    const options = this.options;
    return byQuestionCached(db, `agreement:${JSON.stringify(options)}`, filters, (f) => agreementByQuestion(db, f, options));
  }

  /** Selects a question and loads its drill-down (pairwise matrix and disputed items). */
  async select(key: string): Promise<void> {
    this.selectedKey = key;
    this.loading = true;
    try {
      await this.loadSelected();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  private async loadSelected(): Promise<void> {
    const report = this.selected;
    if (!this.db || !this.selectedKey || !report || report.percent === null) {
      this.pairwise = null;
      this.disputed = [];
      return;
    }
    this.pairwise = await pairwiseOf(this.db, this.filters, this.selectedKey);
    this.disputed = await disputedOf(this.db, this.filters, this.selectedKey);
  }
}

/** The question the panel shows: the current one while the filters keep it, else the first with agreement. */
function questionToShow(reports: Map<string, AgreementReport>, current: string | null): string | null {
  if (current && reports.has(current)) return current;
  return [...reports.entries()].find(([, r]) => r.percent !== null)?.[0] ?? null;
}

/**
 * A question's drill-down: its annotator × annotator matrix and its most disputed items. Each
 * depends only on the question's own judgements (`oneQuestionCached`): a batch or strategy
 * filter reuses them.
 */
function pairwiseOf(db: Connector, filters: Filters, key: string): Promise<PairwiseAgreement | null> {
  return oneQuestionCached(db, 'pairwise', filters, parseQuestionKey(key), (within) => pairwiseAgreement(db, within, key));
}

async function disputedOf(db: Connector, filters: Filters, key: string): Promise<DisputedItem[]> {
  const disputed = await oneQuestionCached(db, `disputed:${REVIEW_LIMIT}`, filters, parseQuestionKey(key), (within) =>
    mostDisputedItems(db, within, key, REVIEW_LIMIT),
  );
  return disputed ?? [];
}
