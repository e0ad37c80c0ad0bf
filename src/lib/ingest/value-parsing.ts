import { sql, type SqlQuery } from '../sql/sql';

/**
 * ISO 8601 (any offset, converted to UTC) or Unix epoch seconds/milliseconds → TIMESTAMP (UTC).
 * A value with a `-` is a date (never a plain number), so it skips the number test: one
 * cast per ISO value instead of a regular expression and a cast.
 */
export function timestamp(value: SqlQuery): SqlQuery {
  return sql`CASE WHEN contains(${value}, '-') THEN TRY_CAST(${value} AS TIMESTAMPTZ)::TIMESTAMP
      WHEN regexp_full_match(${value}, '[0-9]+(\\.[0-9]+)?')
      THEN make_timestamp((CASE WHEN ${value}::DOUBLE > 1e11 THEN ${value}::DOUBLE * 1000 ELSE ${value}::DOUBLE * 1000000 END)::BIGINT)
      ELSE TRY_CAST(${value} AS TIMESTAMPTZ)::TIMESTAMP END`;
}
