import type { RateCard } from '../economics/rate-card';
import type { Filters } from '../metrics/filters';

export const VIEWS = ['overview', 'quality', 'guarantee', 'audit', 'economics', 'data'] as const;
export type View = (typeof VIEWS)[number];

/** Parameters of the views that a shared link reproduces (never data): the rate card and the guarantee check. */
export interface ViewParams {
  rateCard?: RateCard;
  /** Guarantee target accuracy p₀ and confidence 1 − α, fractions in (0, 1). */
  target?: number;
  confidence?: number;
}

export interface UrlState {
  view: View;
  filters: Filters;
  params?: ViewParams;
}

const LIST_KEYS = { batch: 'batches', strategy: 'strategies', question: 'questions', annotator: 'annotators' } as const;
const BASIS = { item: 'per_item', hour: 'hourly' } as const;

/** A fraction strictly between 0 and 1 written in plain decimal notation, else undefined. */
function fraction(text: string | null): number | undefined {
  if (!text || !/^0?\.\d{1,12}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 && value < 1 ? value : undefined;
}

/** `name:usd` entries (the name may itself contain `:`); malformed or negative rates are skipped. */
function rates(entries: string[]): Record<string, number> {
  const out: [string, number][] = [];
  for (const entry of entries) {
    const cut = entry.lastIndexOf(':');
    const usd = entry.slice(cut + 1);
    if (cut < 1 || !/^\d{1,9}(\.\d{1,12})?$/.test(usd)) continue;
    out.push([entry.slice(0, cut), Number(usd)]);
  }
  // own properties only (a name like "__proto__" stays a plain key)
  return Object.fromEntries(out);
}

/** The rate card of `rate=item|hour&price=strategy:usd…&hourly=annotator:usd…`, or undefined without a valid basis. */
function parseRateCard(params: URLSearchParams): RateCard | undefined {
  const basis = BASIS[params.get('rate') as keyof typeof BASIS];
  if (!basis) return undefined;
  return { basis, per_item: rates(params.getAll('price')), hourly: rates(params.getAll('hourly')) };
}

/**
 * Reads the view, filters and view parameters from a location hash like
 * `#view=quality&batch=b1&from=2026-10-01&rate=item&price=rlhf_preference:3.5&target=0.99`.
 * Data never goes in the URL; a malformed value is ignored (the default applies).
 */
export function parseUrlState(hash: string): UrlState & { params: ViewParams } {
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
  const viewParams: ViewParams = {};
  const rateCard = parseRateCard(params);
  if (rateCard) viewParams.rateCard = rateCard;
  const target = fraction(params.get('target'));
  const confidence = fraction(params.get('confidence'));
  if (target !== undefined) viewParams.target = target;
  if (confidence !== undefined) viewParams.confidence = confidence;
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview',
    filters,
    params: viewParams,
  };
}

/** Plain decimal notation (no exponent, ≤ 10 decimals, no trailing zeros), as `parseUrlState` accepts. */
function decimal(value: number): string {
  return value
    .toFixed(10)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** The inverse of `parseUrlState`: only what is set is written, so default views keep short links. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const [param, key] of Object.entries(LIST_KEYS)) for (const value of state.filters[key] ?? []) params.append(param, value);
  if (state.filters.from) params.set('from', state.filters.from);
  if (state.filters.to) params.set('to', state.filters.to);
  if (state.filters.gold && state.filters.gold !== 'all') params.set('gold', state.filters.gold);
  const card = state.params?.rateCard;
  if (card) {
    params.set('rate', card.basis === 'hourly' ? 'hour' : 'item');
    for (const [name, usd] of Object.entries(card.per_item)) params.append('price', `${name}:${decimal(usd)}`);
    for (const [name, usd] of Object.entries(card.hourly)) params.append('hourly', `${name}:${decimal(usd)}`);
  }
  if (state.params?.target !== undefined) params.set('target', decimal(state.params.target));
  if (state.params?.confidence !== undefined) params.set('confidence', decimal(state.params.confidence));
  return `#${params.toString()}`;
}
