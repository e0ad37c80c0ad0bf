import { parquetReadObjects } from 'hyparquet';
import { IngestError } from '../ingest-error';

/**
 * Reads every row of a Parquet file as a plain object with hyparquet (pure JavaScript, no
 * DuckDB extension: STACK.md). Snappy-compressed and uncompressed files are read; other
 * codecs raise a message saying so. INT64 values arrive as BigInt (see `flattenRecords`).
 */
export async function readParquetRecords(fileName: string, bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  checkParquetFooter(fileName, bytes);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    return (await parquetReadObjects({ file })) as Record<string, unknown>[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new IngestError(
      fileName,
      `the Parquet file could not be read: ${message} (re-export it with Snappy or no compression)`,
    );
  }
}

/** A Parquet file ends with its footer and the magic PAR1: without them the file is cut off. */
export function checkParquetFooter(fileName: string, bytes: Uint8Array): void {
  const tail = bytes.subarray(bytes.length - 4);
  if (bytes.length < 12 || String.fromCharCode(...tail) !== 'PAR1') {
    throw new IngestError(
      fileName,
      'the Parquet file is cut off (no PAR1 footer at the end): the download or export did not finish',
    );
  }
}
