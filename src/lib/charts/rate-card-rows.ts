import { formatCount } from './format';

/** The hourly rate card shows at most this many annotators' inputs at once; a search finds any other. */
export const RATE_CARD_MAX_INPUTS = 20;

export interface RateCardRows {
  /** The annotators whose input is rendered ('*', everyone else, is not among them: the editor always shows it). */
  shown: string[];
  /** Annotators matching the search (all of them when it is empty). */
  matches: number;
  /** Annotators the card can price: those in the data and those the card already has a rate for. */
  total: number;
  /** Annotators with a rate of their own in `rates`, shown or not. */
  rated: number;
}

/**
 * Which annotators' hourly inputs the rate card renders: the annotators in the data and any the
 * card already prices (so a rate set under another filter stays visible and is kept), narrowed by
 * `query` (a case-insensitive part of the name), those with a rate of their own first (they are
 * what the card changes), then in the data's order; at most `limit`. The form keeps every rate
 * whether its input is rendered or not.
 */
export function rateCardRows(
  annotators: readonly string[],
  rates: Readonly<Record<string, number | null>>,
  query = '',
  limit = RATE_CARD_MAX_INPUTS,
): RateCardRows {
  const names = [...new Set([...annotators, ...Object.keys(rates)])].filter((name) => name !== '*');
  const hasRate = (name: string) => typeof rates[name] === 'number';
  const needle = query.trim().toLowerCase();
  const matching = needle ? names.filter((name) => name.toLowerCase().includes(needle)) : names;
  const shown = [...matching.filter(hasRate), ...matching.filter((name) => !hasRate(name))].slice(0, limit);
  return { shown, matches: matching.length, total: names.length, rated: names.filter(hasRate).length };
}

/** The line above the hourly inputs when they are not all shown: how many of how many, and how to find another. */
export function describeRateCardRows(rows: RateCardRows, query: string): string {
  const own = `${formatCount(rows.rated)} ${rows.rated === 1 ? 'has' : 'have'} a rate of their own in the applied card`;
  const found = query.trim()
    ? `${formatCount(rows.matches)} of ${formatCount(rows.total)} annotators match “${query.trim()}”`
    : `${formatCount(rows.total)} annotators`;
  return (
    `${found}; showing ${formatCount(rows.shown.length)} (those with a rate of their own first). ${own}. ` +
    'Search for anyone else; Apply keeps every rate, shown or not.'
  );
}
