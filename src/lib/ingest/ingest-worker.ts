import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { IngestProgress } from './ingest-progress';
import { IngestError } from './ingest-error';
import { parseFile, parsedBuffers, type ParsedFile, type ParseFileOptions } from './parse-file';
import { readFileBytes } from './read-file-bytes';
import { sha256Hex } from './sha256';

/** What the page asks the ingest worker: parse this file with these options. */
export interface IngestRequest {
  file: Blob;
  options: Omit<ParseFileOptions, 'bytes' | 'sha256' | 'onProgress'>;
}

/** What the ingest worker answers: progress reports, then the parsed file or the error. */
export type IngestReply =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; parsed: ParsedFile }
  | { type: 'error'; message: string; fileName?: string; problem?: string; line?: number };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IngestRequest>) => void) | null;
  postMessage(message: IngestReply, transfer?: Transferable[]): void;
};

/** Posts at most one progress report per 50 ms within a phase; `flush` sends the last one held back. */
function progressPoster(): { post: (progress: IngestProgress, force?: boolean) => void; flush: () => void } {
  let last = 0;
  let phase = '';
  let held: IngestProgress | null = null;
  const send = (progress: IngestProgress) => {
    last = performance.now();
    phase = progress.phase;
    held = null;
    scope.postMessage({ type: 'progress', progress });
  };
  return {
    post(progress, force = false) {
      if (!force && progress.phase === phase && performance.now() - last < 50) held = progress;
      else send(progress);
    },
    flush() {
      if (held) send(held);
    },
  };
}

// The ingest worker: reads the file in slices (bytes progress), hashes it, runs `parseFile`
// (records progress) and transfers the parsed buffers back; the page only hands them to DuckDB.
scope.onmessage = async (event) => {
  const { file, options } = event.data;
  const { post, flush } = progressPoster();
  try {
    const bytesTotal = file.size;
    const bytes = await readFileBytes(file, (bytesRead) => post({ phase: 'reading', bytesRead, bytesTotal, records: 0 }));
    post({ phase: 'reading', bytesRead: bytesTotal, bytesTotal, records: 0 }, true);
    const sha256 = await sha256Hex(bytes);
    post({ phase: 'parsing', bytesRead: bytesTotal, bytesTotal, records: 0 }, true);
    const parquet = { decode: 'arrow', wasm: async () => parquetWasm } as const; // same-origin, loaded on the first Parquet file
    const parsed = await parseFile({ ...options, bytes, sha256, parquet, onProgress: (p) => post(p) });
    flush();
    scope.postMessage({ type: 'done', parsed }, parsedBuffers(parsed));
  } catch (error) {
    if (error instanceof IngestError) {
      scope.postMessage({
        type: 'error',
        message: error.message,
        fileName: error.fileName,
        problem: error.problem,
        line: error.line,
      });
    } else {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
};
