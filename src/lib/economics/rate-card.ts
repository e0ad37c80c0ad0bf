import { midpoint, STRATEGY_RANGES } from './ranges';

/**
 * The rate card used when the export carries no cost_usd for an answer.
 *
 * - `per_item`: each annotator's work on one item — DESIGN.md's unit of work and of its price
 *   ranges: an example, a comparison, a grounded image — is paid `per_item[strategy]` USD,
 *   split equally over the questions they answered on it; an item labelled by three
 *   annotators costs three prices. `per_item['*']`, when set, prices strategies not listed.
 * - `hourly`: each annotator is paid `hourly[annotator_id]` (else `hourly['*']`) USD per
 *   active hour (active time as sessionised in `metrics/throughput/sessions.ts`).
 *
 * A plain JSON-serialisable object, so it can live in the URL or localStorage.
 */
export interface RateCard {
  basis: 'per_item' | 'hourly';
  per_item: Record<string, number>;
  hourly: Record<string, number>;
}

/** The default hourly rate: DESIGN.md's midpoints imply price × units/day ÷ 8 h ≈ 18.75–19.53 USD/h; we use 19. */
export const DEFAULT_HOURLY_RATE = 19;

/** Defaults: per-item prices at the midpoints of DESIGN.md's ranges (1.25, 3.00, 6.00 USD). */
export function defaultRateCard(): RateCard {
  const per_item: Record<string, number> = {};
  for (const [strategy, ranges] of Object.entries(STRATEGY_RANGES)) per_item[strategy] = midpoint(ranges.price_usd);
  return { basis: 'per_item', per_item, hourly: { '*': DEFAULT_HOURLY_RATE } };
}

/** The price of one annotator's work on one item of a strategy under this card, or null when the card has none. */
export function itemPrice(card: RateCard, strategy: string): number | null {
  return card.per_item[strategy] ?? card.per_item['*'] ?? null;
}

/** The hourly rate for an annotator under this card, or null when the card has none. */
export function hourlyRate(card: RateCard, annotatorId: string): number | null {
  return card.hourly[annotatorId] ?? card.hourly['*'] ?? null;
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlDecode(encoded: string): string {
  const padded = encoded.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  const binary = atob(padded);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** A URL-safe string (base64url of the card's JSON) for a query parameter or localStorage. */
export function encodeRateCard(card: RateCard): string {
  return base64UrlEncode(JSON.stringify({ basis: card.basis, per_item: card.per_item, hourly: card.hourly }));
}

function rates(value: unknown, what: string): Record<string, number> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`rate card: "${what}" must be an object of name → USD`);
  const out: Record<string, number> = {};
  for (const [key, rate] of Object.entries(value)) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
      throw new Error(`rate card: ${what}["${key}"] must be a non-negative number of USD (got ${JSON.stringify(rate)})`);
    }
    out[key] = rate;
  }
  return out;
}

/**
 * Parses `encodeRateCard`'s output (or plain JSON) back into a card; throws with what was
 * wrong on a malformed or tampered value, so the caller can fall back to the defaults.
 */
export function decodeRateCard(encoded: string): RateCard {
  let parsed: unknown;
  try {
    parsed = JSON.parse(encoded.trimStart().startsWith('{') ? encoded : base64UrlDecode(encoded.trim()));
  } catch {
    throw new Error('rate card: the saved value is not a rate card (not base64url JSON); using the defaults is safe');
  }
  if (!parsed || typeof parsed !== 'object') throw new Error('rate card: expected an object');
  const { basis, per_item, hourly } = parsed as Record<string, unknown>;
  if (basis !== 'per_item' && basis !== 'hourly')
    throw new Error(`rate card: basis must be "per_item" or "hourly" (got ${JSON.stringify(basis)})`);
  return { basis, per_item: rates(per_item, 'per_item'), hourly: rates(hourly, 'hourly') };
}
