/** What an ingest step is doing: reading the file, parsing records, loading into DuckDB, inferring questions. */
export type IngestPhase = 'reading' | 'parsing' | 'loading' | 'inferring';

/** Progress of one file's load: bytes read of the file's size, and records parsed so far. */
export interface IngestProgress {
  phase: IngestPhase;
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

/** Receives progress reports; callers throttle their own drawing. */
export type ProgressListener = (progress: IngestProgress) => void;
