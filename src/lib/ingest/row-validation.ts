import { ident, joinSql, literal, sql, type SqlQuery } from '../sql/sql';
import type { ColumnMapping, MappableField } from './column-mapping';
import { timestamp, trimmedText } from './value-parsing';

const NUMBER_FIELDS: MappableField[] = ['duration_s', 'cost_usd', 'x', 'y', 'w', 'h', 'image_w', 'image_h'];
const TIME_FIELDS: MappableField[] = ['started_at', 'submitted_at'];
const VALUE_KINDS = ['category', 'number', 'text', 'box', 'preference'];
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];

/** A SQL list literal of fixed words. */
function words(list: string[]): SqlQuery {
  return sql`[${joinSql(list.map(literal))}]`;
}

/**
 * true/false, yes/no, 1/0, t/f (any case) → BOOLEAN; anything else → NULL (and the row is
 * rejected). `list_contains`, not `IN (…)`: DuckDB plans an IN list of five or more as a join,
 * and a join in the CSV loader's CREATE TABLE AS loses the file's row order (load-delimited.ts).
 */
export function flagValue(value: SqlQuery): SqlQuery {
  return sql`CASE WHEN list_contains(${words(TRUE_WORDS)}, lower(${value})) THEN true
      WHEN list_contains(${words(FALSE_WORDS)}, lower(${value})) THEN false END`;
}

/**
 * How the checks read a field: its trimmed text (NULL when empty or unmapped), and that text
 * as a number, a time or a flag. The defaults compute each from the raw column; the CSV
 * loader passes columns it has computed once (so a time is parsed once per row, not twice).
 */
export interface FieldRefs {
  value(name: MappableField): SqlQuery;
  number(name: MappableField): SqlQuery;
  time(name: MappableField): SqlQuery;
  flag(name: MappableField): SqlQuery;
}

/** Field references computed inline from the mapped raw columns. */
export function inlineRefs(mapping: ColumnMapping): FieldRefs {
  const value = (name: MappableField) => {
    const column = mapping[name];
    return column ? trimmedText(ident(column)) : sql`NULL::VARCHAR`;
  };
  return {
    value,
    number: (name) => sql`TRY_CAST(${value(name)} AS DOUBLE)`,
    time: (name) => timestamp(value(name)),
    flag: (name) => flagValue(value(name)),
  };
}

/**
 * A SQL expression giving the reason a row of a long-format file cannot be loaded, or NULL
 * when it can. The first problem found is named, with the column and the offending value.
 */
export function validationReasons(
  mapping: ColumnMapping,
  role: 'judgements' | 'gold',
  refs: FieldRefs = inlineRefs(mapping),
): SqlQuery {
  const { value } = refs;
  const quoted = (name: MappableField) => sql`'"' || left(${value(name)}, 80) || '"'`;
  const label = (name: MappableField) => `${name} (column "${mapping[name]}")`;
  const checks: SqlQuery[] = [];
  const check = (condition: SqlQuery, reason: SqlQuery) => checks.push(sql`WHEN ${condition} THEN ${reason}`);

  check(sql`${value('item_id')} IS NULL`, sql`${`${label('item_id')} is empty`}`);
  if (role === 'judgements') {
    check(sql`${value('annotator_id')} IS NULL`, sql`${`${label('annotator_id')} is empty`}`);
    check(
      sql`${value('answer')} IS NULL AND ${value('text')} IS NULL AND ${value('x')} IS NULL`,
      sql`${`no answer: ${mapping.answer ? label('answer') : 'the answer'} is empty`}`,
    );
  } else {
    const gold = mapping.gold ? 'gold' : 'answer';
    check(
      sql`${value(gold)} IS NULL AND ${value('text')} IS NULL AND ${value('x')} IS NULL`,
      sql`${`no gold answer: ${label(gold)} is empty`}`,
    );
  }
  for (const name of NUMBER_FIELDS.filter((n) => mapping[n])) {
    check(
      sql`${value(name)} IS NOT NULL AND ${refs.number(name)} IS NULL`,
      sql`${`${label(name)} is not a number: `} || ${quoted(name)}`,
    );
    if (name !== 'x' && name !== 'y') {
      check(sql`${refs.number(name)} < 0`, sql`${`${label(name)} is negative: `} || ${quoted(name)}`);
    }
  }
  if (mapping.x) {
    check(
      sql`${value('x')} IS NOT NULL AND (${value('y')} IS NULL OR ${value('w')} IS NULL OR ${value('h')} IS NULL)`,
      sql`${'a box needs all of x, y, w and h'}`,
    );
  }
  for (const name of TIME_FIELDS.filter((n) => mapping[n])) {
    check(
      sql`${value(name)} IS NOT NULL AND ${refs.time(name)} IS NULL`,
      sql`${`${label(name)} is not a date-time (use ISO 8601 such as 2024-05-01T14:03:00Z, or Unix seconds): `} || ${quoted(name)}`,
    );
  }
  if (mapping.prelabeled) {
    check(
      sql`${value('prelabeled')} IS NOT NULL AND ${refs.flag('prelabeled')} IS NULL`,
      sql`${`${label('prelabeled')} is not true/false: `} || ${quoted('prelabeled')}`,
    );
  }
  if (mapping.shown_first) {
    check(
      sql`${value('shown_first')} IS NOT NULL AND upper(${value('shown_first')}) NOT IN ('A', 'B')`,
      sql`${`${label('shown_first')} must be A or B: `} || ${quoted('shown_first')}`,
    );
  }
  if (mapping.value_kind) {
    check(
      sql`${value('value_kind')} IS NOT NULL AND NOT list_contains(${words(VALUE_KINDS)}, lower(${value('value_kind')}))`,
      sql`${`${label('value_kind')} must be one of ${VALUE_KINDS.join(', ')}: `} || ${quoted('value_kind')}`,
    );
  }
  return sql`CASE ${joinSql(checks, ' ')} END`;
}
