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

/** Posts at most one progress report per 50 ms (the last one of a phase always goes). */
function progressPoster(): (progress: IngestProgress, force?: boolean) => void {
  let last = 0;
  let phase = '';
  return (progress, force = false) => {
    const now = performance.now();
    if (!force && progress.phase === phase && now - last < 50) return;
    last = now;
    phase = progress.phase;
    scope.postMessage({ type: 'progress', progress });
  };
}

// The ingest worker: reads the file in slices (bytes progress), hashes it, runs `parseFile`
// (records progress) and transfers the parsed buffers back; the page only hands them to DuckDB.
scope.onmessage = async (event) => {
  const { file, options } = event.data;
  const post = progressPoster();
  try {
    const bytesTotal = file.size;
    const bytes = await readFileBytes(file, (bytesRead) => post({ phase: 'reading', bytesRead, bytesTotal, records: 0 }));
    post({ phase: 'reading', bytesRead: bytesTotal, bytesTotal, records: 0 }, true);
    const sha256 = await sha256Hex(bytes);
    post({ phase: 'parsing', bytesRead: bytesTotal, bytesTotal, records: 0 }, true);
    const parsed = await parseFile({ ...options, bytes, sha256, onProgress: (p) => post(p) });
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
