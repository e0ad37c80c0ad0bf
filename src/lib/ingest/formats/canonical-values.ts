/**
 * Value checks shared by every parsed format before rows reach DuckDB. Each returns the
 * normalised value, or a reason string when the value cannot be used.
 */

const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 (any offset; no offset = UTC) or Unix epoch (seconds, or milliseconds above 1e11,
 * as in `value-parsing.ts`) → epoch milliseconds; `undefined` when it cannot be read.
 */
export function parseTimestamp(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? epochMs(value) : undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return epochMs(Number(text));
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const [, date, hm = '00:00', seconds = '00', fraction = '', zone = 'Z'] = m;
  const ms = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '.000';
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(`${date}T${hm}:${seconds}${ms}${offset}`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function epochMs(n: number): number {
  return n > 1e11 ? n : n * 1000;
}

/** Epoch ms → `YYYY-MM-DD HH:MM:SS.sss`, the form DuckDB's CSV reader takes for TIMESTAMP (UTC). */
export function timestampText(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().replace('T', ' ').replace('Z', '');
}

/** A number from a JSON value (number or numeric string); `undefined` when absent or not a number. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A non-empty trimmed string from a string or number; `undefined` otherwise. */
export function toId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
