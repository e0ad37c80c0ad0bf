import type { Connector } from '../db/connector';
import { createCanonicalTables, type Level } from '../db/schema';
import { guessMapping, type ColumnMapping, type MappableField } from '../ingest/column-mapping';
import { decodeTextStart } from '../ingest/decode-text';
import { detectFormat, describeFormat, readInput, type DetectedFormat } from '../ingest/detect-format';
import { loadFile } from '../ingest/load-file';
import { sniffDelimited, type DelimitedPreview } from '../ingest/sniff-delimited';
import type { LoadedSource } from '../ingest/register-source';
import type { Filters } from '../metrics/filters';
import { sql } from '../sql/sql';
import { SAMPLE_FILES } from './sample-data';
import { timed } from './timing';
import { formatUrlState, parseUrlState, type View } from './url-state';

export interface LoadProgress {
  done: number;
  total: number;
  current: string;
}

/** A chosen file waiting for the user to confirm its column mapping. */
export interface PendingFile {
  file: File;
  bytes: Uint8Array;
  role: 'judgements' | 'gold';
  format: DetectedFormat;
  formatName: string;
  /** Long CSV/TSV only: the first rows and the column mapping the user confirms. */
  preview: DelimitedPreview | null;
  mapping: ColumnMapping;
  /** For exports that do not name their annotator (CVAT, COCO …) or batch. */
  annotator: string;
  batchId: string;
}

/**
 * Files above this size are not loaded in the tab: duckdb-wasm's memory is capped (~3 GiB,
 * STACK.md) and a CSV takes about three times its size while it loads. The CLI handles them.
 */
export const BROWSER_FILE_LIMIT_BYTES = 1024 ** 3;

/** A message for a file too large for the browser, pointing at the CLI. */
export function tooLargeForBrowser(fileName: string, bytes: number): string {
  const gib = (bytes / 1024 ** 3).toFixed(1);
  return `${fileName} is ${gib} GiB: more than a browser tab can load (limit 1 GiB). Use the command line, which runs the same analysis on native DuckDB: npm run -s annoqa -- report ${fileName} --engine native --json`;
}

export interface FileProblem {
  fileName: string;
  message: string;
}

/**
 * The app's shared state: the DuckDB connection, what is loaded, the linked filters and the
 * current view. Panels watch `revision` (bumped whenever data or levels change) and `filters`.
 */
export class AppState {
  db: Connector | null = $state.raw(null);
  status: 'starting' | 'loading' | 'ready' | 'failed' = $state('starting');
  progress: LoadProgress | null = $state(null);
  problems: FileProblem[] = $state([]);
  pending: PendingFile[] = $state.raw([]);
  fatal: string | null = $state(null);
  showingSample = $state(false);
  revision = $state(0);
  view: View = $state('overview');
  filters: Filters = $state({});

  constructor(private readonly open: () => Promise<Connector>) {
    const initial = parseUrlState(globalThis.location?.hash ?? '');
    this.view = initial.view;
    this.filters = initial.filters;
  }

  /** Opens DuckDB and loads the bundled sample data, so a first visit shows a full dashboard. */
  async start(): Promise<void> {
    try {
      // The sample files download while DuckDB starts.
      const samples = SAMPLE_FILES.map((f) => {
        const bytes = timed(`fetch:${f.name}`, async () => new Uint8Array(await (await fetch(f.url)).arrayBuffer()));
        bytes.catch(() => undefined); // a failed download is reported when its load awaits it
        return { ...f, bytes };
      });
      this.db = await timed('duckdb:start', this.open);
      await createCanonicalTables(this.db);
      await this.loadAll(
        samples.map((f) => ({ name: f.name, role: f.role, read: () => f.bytes })),
        {},
      );
      this.showingSample = true;
    } catch (error) {
      this.fatal = `AnnoQA could not start DuckDB in this browser: ${(error as Error).message}`;
      this.status = 'failed';
    }
  }

  /**
   * Reads the chosen files' first rows (papaparse) and guesses their column mapping; the
   * user confirms or corrects it before anything is loaded (`confirmPending`).
   */
  async chooseFiles(files: File[], role: 'judgements' | 'gold' = 'judgements'): Promise<void> {
    const pending: PendingFile[] = [];
    const problems: FileProblem[] = [];
    for (const file of files) {
      if (file.size > BROWSER_FILE_LIMIT_BYTES) {
        problems.push({ fileName: file.name, message: tooLargeForBrowser(file.name, file.size) });
        continue;
      }
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const format = detectFormat(file.name, readInput(file.name, bytes), { role });
        const preview =
          format === 'csv' || format === 'tsv' ? sniffDelimited(file.name, decodeTextStart(file.name, bytes), 5) : null;
        const mapping = preview ? guessMapping(preview.columns) : {};
        pending.push({
          file,
          bytes,
          role,
          format,
          formatName: describeFormat(format),
          preview,
          mapping,
          annotator: '',
          batchId: '',
        });
      } catch (error) {
        problems.push({ fileName: file.name, message: (error as Error).message });
      }
    }
    this.problems = problems;
    this.pending = pending;
  }

  /** Points a canonical field of a pending file at a column (or at none, with `''`). */
  setPendingMapping(index: number, field: MappableField, column: string): void {
    this.pending = this.pending.map((p, i) => {
      if (i !== index) return p;
      const mapping = { ...p.mapping };
      if (column) mapping[field] = column;
      else delete mapping[field];
      return { ...p, mapping };
    });
  }

  /** Sets the annotator or batch a pending export is attributed to (for formats that do not say). */
  setPendingOption(index: number, option: 'annotator' | 'batchId', value: string): void {
    this.pending = this.pending.map((p, i) => (i === index ? { ...p, [option]: value } : p));
  }

  cancelPending(): void {
    this.pending = [];
  }

  /** Loads the pending files with the mappings the user confirmed (the first annotations loaded replace the sample data; gold files add to it). */
  async confirmPending(levels: Record<string, Level> = {}): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (!this.db || pending.length === 0) return;
    if (this.showingSample && pending.some((p) => p.role === 'judgements')) {
      await this.db.exec(
        'DELETE FROM judgements; DELETE FROM gold; DELETE FROM rejections; DELETE FROM warnings; DELETE FROM sources; DELETE FROM questions;',
      );
      this.showingSample = false;
      this.filters = {};
      this.syncUrl();
    }
    await this.loadAll(
      pending.map((p) => ({
        name: p.file.name,
        role: p.role,
        mapping: p.preview ? p.mapping : undefined,
        annotator: p.annotator.trim() || undefined,
        batchId: p.batchId.trim() || undefined,
        read: async () => p.bytes,
      })),
      levels,
    );
  }

  private async loadAll(
    files: {
      name: string;
      role: 'judgements' | 'gold';
      mapping?: ColumnMapping;
      annotator?: string;
      batchId?: string;
      read: () => Promise<Uint8Array>;
    }[],
    levels: Record<string, Level>,
  ): Promise<LoadedSource[]> {
    const db = this.db!;
    this.status = 'loading';
    this.problems = [];
    const loaded: LoadedSource[] = [];
    for (const [i, file] of files.entries()) {
      this.progress = { done: i, total: files.length, current: file.name };
      try {
        const { name: fileName, role, mapping, annotator, batchId } = file;
        const bytes = await file.read();
        loaded.push(
          await timed(`load:${fileName}`, () => loadFile(db, { fileName, bytes, role, mapping, annotator, batchId, levels })),
        );
      } catch (error) {
        this.problems = [...this.problems, { fileName: file.name, message: (error as Error).message }];
      }
    }
    this.progress = null;
    this.status = 'ready';
    this.revision++;
    return loaded;
  }

  /** Changes the level of measurement of a question (in every batch) and recomputes. */
  async setLevel(question: string, level: Level): Promise<void> {
    if (!this.db) return;
    await this.db.query(sql`UPDATE questions SET level = ${level}, level_source = 'user' WHERE question = ${question}`);
    this.revision++;
  }

  setView(view: View): void {
    this.view = view;
    this.syncUrl();
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.syncUrl();
  }

  private syncUrl(): void {
    history.replaceState(null, '', formatUrlState({ view: this.view, filters: $state.snapshot(this.filters) as Filters }));
  }
}
