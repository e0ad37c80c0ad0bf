import type { Connector } from '../db/connector';
import { agreementByQuestion, type AgreementOptions } from '../metrics/agreement/agreement-by-question';
import { mostDisputedItems, type DisputedItem } from '../metrics/agreement/disputed-items';
import { pairwiseAgreement, type PairwiseAgreement } from '../metrics/agreement/pairwise-agreement';
import { parseQuestionKey } from '../metrics/agreement/question-key';
import { byQuestionCached, oneQuestionCached } from '../metrics/by-question-cache';
import type { Filters } from '../metrics/filters';
import type { AgreementReport } from '../report/report-types';

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
      const options = this.options;
      this.reports = await byQuestionCached(db, `agreement:${JSON.stringify(options)}`, filters, (f) =>
        agreementByQuestion(db, f, options),
      );
      if (!this.selectedKey || !this.reports.has(this.selectedKey)) {
        this.selectedKey = [...this.reports.entries()].find(([, r]) => r.percent !== null)?.[0] ?? null;
      }
      await this.loadSelected();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
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
    const [db, filters, key] = [this.db, this.filters, this.selectedKey];
    // The selected question's drill-down depends only on its own judgements: a batch or strategy filter reuses it.
    const question = parseQuestionKey(key);
    this.pairwise = await oneQuestionCached(db, 'pairwise', filters, question, (within) => pairwiseAgreement(db, within, key));
    this.disputed =
      (await oneQuestionCached(db, `disputed:${REVIEW_LIMIT}`, filters, question, (within) =>
        mostDisputedItems(db, within, key, REVIEW_LIMIT),
      )) ?? [];
  }
}
