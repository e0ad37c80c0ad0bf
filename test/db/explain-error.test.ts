import { describe, expect, it } from 'vitest';
import { explainDuckDBError } from '../../src/lib/db/connector';

// The messages are DuckDB 1.4's own (the out-of-memory one as duckdb-wasm printed it in the
// bench's 5M-judgement Parquet run in Chromium).
describe('explainDuckDBError', () => {
  it('turns running out of memory into a pointer to the command line', () => {
    const error = explainDuckDBError(
      new Error(
        'Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)\nDatabase is launched in in-memory mode and no temporary directory is specified.',
      ),
    );
    expect(error.message).toMatch(/^DuckDB ran out of memory \(3\.1 GiB\/3\.1 GiB used\): .* --engine native$/);
  });

  it('names the extension AnnoQA does not download', () => {
    const error = explainDuckDBError(
      new Error(
        'Catalog Error: Table Function with name "read_json" is not in the catalog, but it exists in the json extension.',
      ),
    );
    expect(error.message).toMatch(/^This needs DuckDB's json extension, which AnnoQA never downloads/);
  });

  it('passes other errors through unchanged', () => {
    const original = new Error('Binder Error: Referenced column "x" not found');
    expect(explainDuckDBError(original)).toBe(original);
    expect(explainDuckDBError('text').message).toBe('text');
  });
});
