import { ident, joinSql, sql, type SqlQuery } from '../sql/sql';
import { MAPPABLE_FIELDS, type ColumnMapping, type MappableField } from './column-mapping';
import { flagValue, type FieldRefs } from './row-validation';
import { timestamp, trimmedText } from './value-parsing';

const NUMERIC_FIELDS: MappableField[] = ['answer', 'gold', 'duration_s', 'cost_usd', 'x', 'y', 'w', 'h', 'image_w', 'image_h'];
const TIME_FIELDS: MappableField[] = ['started_at', 'submitted_at'];
export { NUMERIC_FIELDS, TIME_FIELDS };

/**
 * Fields whose value `rows` also holds already typed, in a column `typed_<field>`: a DOUBLE
 * for a numeric field, a TIMESTAMP (UTC) for a time field. Their text is then not parsed
 * again (a Parquet file's numbers and times: `loadTable`).
 */
export type TypedFields = ReadonlySet<MappableField>;

/**
 * The rows with every mapped field trimmed once (`v_<field>`, NULL when empty) and parsed
 * once (`n_<field>` numbers, `t_<field>` times, `b_prelabeled`), as a FROM-able subquery, and
 * the references to those columns for the checks and the insert. `rows` has a `source_row`
 * column, which is kept, unless `numbered` is false (the rows are then numbered afterwards).
 */
export function parsedRows(
  mapping: ColumnMapping,
  rows: SqlQuery,
  numbered = true,
  typed: TypedFields = new Set(),
): { from: SqlQuery; refs: FieldRefs } {
  const mapped = MAPPABLE_FIELDS.filter((name) => mapping[name]);
  const value = (name: MappableField) => (mapping[name] ? ident(`v_${name}`) : sql`NULL::VARCHAR`);
  const trimmed = mapped.map((name) => sql`${trimmedText(ident(mapping[name]!))} AS ${ident(`v_${name}`)}`);
  const typedColumns = mapped.filter((name) => typed.has(name)).map((name) => ident(`typed_${name}`));
  const parsedAs = (name: MappableField, parse: SqlQuery, prefix: string) =>
    sql`${typed.has(name) ? ident(`typed_${name}`) : parse} AS ${ident(`${prefix}_${name}`)}`;
  const parsed = [
    ...NUMERIC_FIELDS.filter((name) => mapping[name]).map((name) => parsedAs(name, sql`TRY_CAST(${value(name)} AS DOUBLE)`, 'n')),
    ...TIME_FIELDS.filter((name) => mapping[name]).map((name) => parsedAs(name, timestamp(value(name)), 't')),
    ...(mapping.prelabeled ? [sql`${flagValue(value('prelabeled'))} AS b_prelabeled`] : []),
  ];
  const inner = sql`SELECT ${numbered ? sql`source_row, ` : sql``}${joinSql([...trimmed, ...typedColumns])} FROM ${rows}`;
  return {
    from: parsed.length ? sql`(SELECT *, ${joinSql(parsed)} FROM (${inner}))` : sql`(${inner})`,
    refs: {
      value,
      number: (name) => (mapping[name] ? ident(`n_${name}`) : sql`NULL::DOUBLE`),
      time: (name) => (mapping[name] ? ident(`t_${name}`) : sql`NULL::TIMESTAMP`),
      flag: (name) => (mapping[name] ? ident(`b_${name}`) : sql`NULL::BOOLEAN`),
    },
  };
}
