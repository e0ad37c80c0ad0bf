/**
 * A tiny SQL tag: identifiers are quoted, values become bound parameters (`?`).
 *
 *   sql`SELECT * FROM ${ident('judgements')} WHERE item_id = ${id}`
 *   → { text: 'SELECT * FROM "judgements" WHERE item_id = ?', params: [id] }
 *
 * Fragments built with `sql`, `ident`, `raw` and `joinSql` nest; their parameters are
 * carried along in order. One statement per query: prepared statements take one.
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

export type SqlValue = string | number | boolean | null;

class SqlFragment implements SqlQuery {
  constructor(
    readonly text: string,
    readonly params: readonly SqlValue[],
  ) {}
}

type Interpolation = SqlQuery | SqlValue;

function isFragment(value: unknown): value is SqlQuery {
  return value instanceof SqlFragment;
}

/** Tagged template: nested fragments are inlined, every other value is bound as `?`. */
export function sql(strings: TemplateStringsArray, ...values: Interpolation[]): SqlQuery {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`sql: cannot bind the non-finite number ${value}`);
      }
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return new SqlFragment(text, params);
}

/** A quoted identifier (table or column name); embedded double quotes are doubled. */
export function ident(name: string): SqlQuery {
  return new SqlFragment(`"${name.replaceAll('"', '""')}"`, []);
}

/** A string literal written into the SQL text, for the few places that cannot bind (file names in read_csv options). */
export function literal(value: string): SqlQuery {
  return new SqlFragment(`'${value.replaceAll("'", "''")}'`, []);
}

/** A statement as a connector takes it (text, or text with parameters) in the second form. */
export function asQuery(statement: SqlQuery | string): SqlQuery {
  return typeof statement === 'string' ? { text: statement, params: [] } : statement;
}

/** Trusted SQL text (a keyword, an operator chosen from a fixed list). Never pass user input. */
export function raw(text: string): SqlQuery {
  return new SqlFragment(text, []);
}

/** Joins fragments with a separator (`, ` by default). */
export function joinSql(parts: readonly SqlQuery[], separator = ', '): SqlQuery {
  return new SqlFragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}
