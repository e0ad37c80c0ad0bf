import type { Filters } from '../metrics/filters';

export const VIEWS = ['overview', 'quality', 'guarantee', 'audit', 'economics', 'data'] as const;
export type View = (typeof VIEWS)[number];

export interface UrlState {
  view: View;
  filters: Filters;
}

const LIST_KEYS = { batch: 'batches', strategy: 'strategies', question: 'questions', annotator: 'annotators' } as const;

/** Reads the view and filters from a location hash like `#view=quality&batch=b1&batch=b2&from=2026-10-01`. Data never goes in the URL. */
export function parseUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  const filters: Filters = {};
  for (const [param, key] of Object.entries(LIST_KEYS)) {
    const values = params.getAll(param);
    if (values.length) filters[key] = values;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = params.get('from');
  const to = params.get('to');
  if (from && day.test(from)) filters.from = from;
  if (to && day.test(to)) filters.to = to;
  const gold = params.get('gold');
  if (gold === 'gold' || gold === 'non-gold') filters.gold = gold;
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview', filters };
}

/** The inverse of `parseUrlState`. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const [param, key] of Object.entries(LIST_KEYS)) for (const value of state.filters[key] ?? []) params.append(param, value);
  if (state.filters.from) params.set('from', state.filters.from);
  if (state.filters.to) params.set('to', state.filters.to);
  if (state.filters.gold && state.filters.gold !== 'all') params.set('gold', state.filters.gold);
  return `#${params.toString()}`;
}
