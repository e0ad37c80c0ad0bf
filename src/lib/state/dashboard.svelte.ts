import type { Connector } from '../db/connector';
import { filtersKey, type Filters } from '../metrics/filters';
import { filterOptions, type FilterOptions } from '../report/filter-options';
import { AgreementState } from './agreement.svelte';
import type { AppState } from './app.svelte';
import { AuditState } from './audit.svelte';
import { DataState } from './data.svelte';
import { EconomicsState } from './economics.svelte';
import { GuaranteeState } from './guarantee.svelte';
import { likelyNextFilters } from './prefetch';
import { OverviewState } from './overview.svelte';
import { QualityState } from './quality.svelte';
import { RowsState } from './rows.svelte';
import { shareableParams } from './shareable-params';
import { StrategyState } from './strategy.svelte';
import { timed } from './timing';
import { formatUrlState, parseUrlState, VIEWS, type View } from './url-state';

export const QUALITY_TABS = ['accuracy', 'agreement', 'rlhf', 'vision', 'instruction'] as const;
export type QualityTab = (typeof QUALITY_TABS)[number];

/** How many likely next filter states a settled view computes ahead (`likelyNextFilters`). */
const PREFETCHED_STATES = 8;
/**
 * How long a view must stay settled before it computes ahead: DuckDB runs one statement at a
 * time, so a user who moves on at once (another view) does not wait behind a prefetch query.
 */
const PREFETCH_DELAY_MS = 400;

/**
 * The state behind every view and the rules that keep it current: only the visible view (and
 * Quality's sub-tab) recomputes, one refresh at a time in order; the URL holds the view,
 * filters and view parameters (rate card, guarantee check), never data. Once settled, the
 * views whose filter changes can take longer than a glance (Overview, Quality's agreement,
 * Economics) compute the filter states the user is likely to pick next in the background, so
 * that picking one is answered from the metrics' caches; any newer change stops it between two
 * queries.
 */
export class DashboardState {
  readonly overview = new OverviewState();
  readonly data = new DataState();
  readonly rows = new RowsState();
  readonly guarantee = new GuaranteeState();
  readonly audit = new AuditState();
  readonly quality = new QualityState();
  readonly strategy = new StrategyState();
  readonly economics = new EconomicsState();
  readonly agreement = new AgreementState();
  qualityTab: QualityTab = $state('agreement');
  options: FilterOptions = $state({ batches: [], strategies: [], questions: [], annotators: [], firstDay: null, lastDay: null });
  /** Which (data, view, filters) the panels show; `ready` is true when that is the current one. */
  private settledKey = $state('');
  private queue: Promise<unknown> = Promise.resolve();
  private readonly currentKey = $derived.by(
    () => `${this.app.revision}|${this.app.view}|${this.qualityTab}|${this.strategy.threshold}|${filtersKey(this.app.filters)}`,
  );
  readonly ready = $derived(this.settledKey === this.currentKey);
  /** Which settled key has had its likely next filter states computed ahead. */
  private prefetchedKey = $state('');
  readonly prefetched = $derived(this.prefetchedKey === this.currentKey);

  constructor(private readonly app: AppState) {
    const initial = parseUrlState(globalThis.location?.hash ?? '').params;
    if (initial.rateCard) this.economics.card = initial.rateCard;
    this.guarantee.target = initial.target ?? this.guarantee.target;
    this.guarantee.confidence = initial.confidence ?? this.guarantee.confidence;
  }

  /** The state behind each view (and Quality's sub-tab) recomputes from DuckDB. */
  private refreshView(view: View, db: Connector, filters: Filters): Promise<void> {
    if (view === 'overview') return this.overview.refresh(db, filters);
    if (view === 'guarantee') return this.guarantee.refresh(db, filters);
    if (view === 'audit') return this.audit.refresh(db, filters);
    if (view === 'data') return this.rows.refresh(db, filters);
    if (view === 'economics') return this.economics.refresh(db, filters);
    if (view === 'quality' && this.qualityTab === 'agreement') return this.agreement.refresh(db, filters);
    if (view === 'quality' && this.qualityTab === 'accuracy') return this.quality.refresh(db, filters);
    if (view === 'quality') return this.strategy.refresh(db, filters);
    return Promise.resolve();
  }

  /** The state that computes ahead for a view, if any (the views whose filter changes can take longer than a glance). */
  private prefetcher(view: View): OverviewState | AgreementState | EconomicsState | null {
    if (view === 'overview') return this.overview;
    if (view === 'economics') return this.economics;
    if (view === 'quality' && this.qualityTab === 'agreement') return this.agreement;
    return null;
  }

  /**
   * Computes the likely next filter states of a settled view in the background (views without
   * a `prefetch` have nothing to do), one query at a time, from `PREFETCH_DELAY_MS` after it
   * settled until the dashboard moves on from `key`.
   */
  private async prefetch(view: View, db: Connector, filters: Filters, key: string): Promise<void> {
    // not while files load: a query between two of a load's statements would see half of it
    const wanted = () => this.currentKey === key && this.app.status === 'ready';
    const state = this.prefetcher(view);
    if (state) {
      await new Promise((resolve) => setTimeout(resolve, PREFETCH_DELAY_MS));
      for (const next of likelyNextFilters(filters, this.options, PREFETCHED_STATES)) {
        if (!wanted()) return;
        // a failure is not shown here: the caches forget it, and picking that state recomputes and reports it
        await timed(`prefetch:${view}`, () => state.prefetch(db, next, wanted)).catch(() => undefined);
      }
    }
    if (wanted()) this.prefetchedKey = key;
  }

  /**
   * Computes what every view first shows with no filter (each Quality tab) and the filter states
   * the views compute ahead once settled — what the page asks of DuckDB before the user has
   * changed anything. The build runs it on the sample to record the snapshot the page's first
   * dashboard is drawn from (scripts/sample-snapshot.ts).
   */
  async computeFirstStates(db: Connector): Promise<void> {
    this.options = await filterOptions(db);
    await this.data.refresh(db);
    for (const view of VIEWS) {
      for (const tab of view === 'quality' ? QUALITY_TABS : [null]) {
        if (tab) this.qualityTab = tab;
        await this.refreshView(view, db, {});
        const state = this.prefetcher(view);
        if (!state) continue;
        for (const next of likelyNextFilters({}, this.options, PREFETCHED_STATES)) await state.prefetch(db, next, () => true);
      }
    }
  }

  /** Sets up the refresh and URL effects: call once while the root component initialises. */
  connect(): void {
    const app = this.app;
    $effect(() => {
      const params = shareableParams($state.snapshot(this.economics.card), this.guarantee);
      const hash = formatUrlState({ view: app.view, filters: $state.snapshot(app.filters) as Filters, params });
      if (location.hash !== hash) history.replaceState(null, '', hash);
    });
    // The filter choices and the file accounting change only with the data.
    $effect(() => {
      const db = app.db;
      if (!db || app.revision === 0) return;
      timed('filter-options', () => filterOptions(db)).then((o) => (this.options = o));
      timed('data-accounting', () => this.data.refresh(db));
    });
    // Switching views or changing data/filters refreshes the visible view.
    $effect(() => {
      const db = app.db;
      const filters = $state.snapshot(app.filters) as Filters;
      const view = app.view;
      const key = this.currentKey;
      const tab = this.qualityTab;
      if (!db || app.revision === 0) return;
      const refresh = () =>
        timed(`refresh:${view === 'quality' ? `quality/${tab}` : view}`, () => this.refreshView(view, db, filters));
      // one refresh at a time, in order: a slow stale refresh can never overwrite a newer one
      this.queue = this.queue
        .then(refresh)
        .then(() => (this.settledKey = key))
        .then(() => {
          // DuckDB starts behind a dashboard drawn from the build's snapshot once it is on screen
          requestAnimationFrame(() => setTimeout(() => app.startEngine()));
          void this.prefetch(view, db, filters, key);
        });
    });
    // On the Data view the rows table also follows its search box, page, layout and drill-down.
    $effect(() => {
      const db = app.db;
      const rows = this.rows;
      void [rows.search, rows.offset, rows.condition, rows.sideBySide];
      if (!db || app.revision === 0 || app.view !== 'data') return;
      const filters = $state.snapshot(app.filters) as Filters;
      this.queue = this.queue.then(() => rows.refresh(db, filters));
    });
  }
}
