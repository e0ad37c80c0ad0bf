import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { openNativeNode } from '../../src/lib/db/native-node';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { trimmedText } from '../../src/lib/ingest/value-parsing';
import { raw, sql } from '../../src/lib/sql/sql';

/** Unicode's space separators (category Zs), which DuckDB's `trim` removes (checked below). */
const SPACE_SEPARATORS = [0x20, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x202f, 0x205f, 0x3000];
const OTHER_BLANKS = [0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0x85, 0x200b, 0xfeff];

/** Values around every edge case: empty, blank, padded with each kind of space, non-ASCII inside and at the ends. */
function values(): (string | null)[] {
  const out: (string | null)[] = [null, '', ' ', '   ', 'x', 'abc', 'a b', 'é', 'naïve', '日本', '2024-05-01T14:03:00Z', '-0.5'];
  for (const code of [...SPACE_SEPARATORS, ...OTHER_BLANKS]) {
    const c = String.fromCodePoint(code);
    out.push(c, `${c}x`, `x${c}`, `${c}x${c}`, `${c} x ${c}`, `é${c}`, `${c}é`, `${c}${c}`);
  }
  return out;
}

describe('trimmedText', () => {
  const engines: [string, () => Promise<Connector>][] = [
    ['duckdb-wasm', openWasmNode],
    ['native DuckDB', () => openNativeNode()],
  ];
  for (const [name, open] of engines) {
    describe(name, () => {
      let db: Connector;
      beforeAll(async () => {
        db = await open();
        await db.query('CREATE TABLE t (i INTEGER, v VARCHAR)');
        for (const [i, v] of values().entries()) await db.query(sql`INSERT INTO t VALUES (${i}, ${v})`);
      });
      afterAll(() => db.close());

      it("equals NULLIF(trim(v), '') on every value", async () => {
        const rows = await db.query<{ i: number; expected: string | null; got: string | null }>(
          sql`SELECT i, NULLIF(trim(v), '') AS expected, ${trimmedText(sql`v`)} AS got FROM t ORDER BY i`,
        );
        expect(rows).toHaveLength(values().length);
        for (const row of rows) expect(row.got, `value #${row.i}`).toBe(row.expected);
      });

      it('the space separators are what trim removes, and nothing else of the blanks tried', async () => {
        const removed = await db.query<{ code: number }>(
          sql`SELECT code FROM unnest(${raw(`[${[...SPACE_SEPARATORS, ...OTHER_BLANKS].join(', ')}]`)}) u(code)
            WHERE trim(chr(code) || 'x') = 'x' ORDER BY code`,
        );
        expect(removed.map((r) => r.code)).toEqual(SPACE_SEPARATORS);
      });
    });
  }
});
