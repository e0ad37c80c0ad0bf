import type { Connector } from '../db/connector';
import { replayReads } from '../db/read-snapshot';
import { CLEAR_CANONICAL_TABLES, createCanonicalTables, type Level } from '../db/schema';
import type { ColumnMapping, MappableField } from '../ingest/column-mapping';
import { refreshQuestions } from '../ingest/infer-questions';
import type { IngestPhase, IngestProgress } from '../ingest/ingest-progress';
import { insertParsedFile } from '../ingest/insert-parsed-file';
import type { ParsedFile } from '../ingest/parse-file';
import type { LoadedSource } from '../ingest/register-source';
import { parseInWorker } from '../ingest/worker-client';
import type { Filters } from '../metrics/filters';
import { sql } from '../sql/sql';
import { SAMPLE_FILES, sampleBytes } from './sample-data';
import { openWithSamples, servedSampleSnapshot } from './sample-start';
import { timed } from './timing';
import { pendingFile, withMapping, type PendingFile } from './pending-files';
import { parseUrlState, type View } from './url-state';

/** What the loading panel shows: which file of how many, the phase, bytes read and records parsed. */
export interface LoadProgress {
  fileName: string;
  /** 0-based position of the file among those loading. */
  fileIndex: number;
  fileCount: number;
  phase: 'starting' | IngestPhase;
  bytesRead: number;
  bytesTotal: number;
  /** Records parsed so far (0 while DuckDB's own reader parses a long CSV). */
  records: number;
  /** Once the file is in DuckDB: rows read = loaded + rejected. */
  accounted?: { read: number; loaded: number; rejected: number };
}

interface LoadItem {
  name: string;
  role: 'judgements' | 'gold';
  mapping?: ColumnMapping;
  annotator?: string;
  batchId?: string;
  /** A chosen file (parsed in the ingest worker), or a file parsed already (the samples: parsed inline). */
  file?: File;
  parsed?: () => Promise<ParsedFile>;
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
  /** False once the user's own file replaces the sample: DuckDB then skips the samples it has not loaded yet. */
  private samplesWanted = true;
  /** Whether DuckDB runs the queries (false while the first dashboard comes from the build's snapshot). */
  engineReady = $state(false);
  /**
   * Starts DuckDB behind a dashboard drawn from the build's snapshot (the dashboard calls it
   * once that is drawn, so the two do not compete for the processor; a query the snapshot does
   * not hold starts it sooner). Does nothing otherwise.
   */
  startEngine: () => void = () => undefined;
  revision = $state(0);
  view: View = $state('overview');
  filters: Filters = $state({});

  constructor(private readonly open: () => Promise<Connector>) {
    const initial = parseUrlState(globalThis.location?.hash ?? '');
    this.view = initial.view;
    this.filters = initial.filters;
  }

  /**
   * Opens DuckDB and loads the bundled sample data, so a first visit shows a full dashboard.
   * With the build's snapshot of these exact sample files, the dashboard is drawn from it at
   * once while DuckDB starts and loads them behind it (`replayReads`); `engineReady` says when
   * DuckDB has taken over. Without one (`vite dev`), the dashboard waits for DuckDB.
   */
  async start(): Promise<void> {
    try {
      const snapshot = await timed('sample-snapshot', servedSampleSnapshot);
      if (snapshot) {
        let opening: Promise<Connector> | null = null;
        const live = () => (opening ??= this.takeOver());
        this.startEngine = () => void live().catch(() => undefined); // a failure shows as `fatal`
        this.db = replayReads(snapshot.reads, live);
        this.showingSample = true;
        this.status = 'ready';
        this.revision++;
        return;
      }
      // The samples download (from the moment the page loaded: main.ts) and are parsed while DuckDB
      // starts, by the ingest code loaded now (with a snapshot, only the ingest worker needs it).
      const ingest = import('../ingest/parse-file');
      const samples = SAMPLE_FILES.map((f) => {
        const parsed = timed(`parse:${f.name}`, async () =>
          (await ingest).parseFile({ fileName: f.name, role: f.role, bytes: await sampleBytes(f) }),
        );
        parsed.catch(() => undefined); // a failed download or parse is reported when its load awaits it
        return { name: f.name, role: f.role, parsed: () => parsed };
      });
      this.db = await timed('duckdb:start', this.open);
      await createCanonicalTables(this.db);
      // One strategy per sample file: no question spans two files, so inferring once after all of
      // them gives the questions that inferring after each would (test/state/sample-load.test.ts).
      await this.loadAll(samples, {}, { inferPerFile: false });
      this.showingSample = true;
      this.engineReady = true;
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.fatal = `AnnoQA could not start DuckDB in this browser: ${(error as Error).message}`;
    this.status = 'failed';
  }

  /** Opens DuckDB behind views drawn from the snapshot, with the samples loaded (`engineReady`, or `fatal`). */
  private takeOver(): Promise<Connector> {
    const live = openWithSamples(this.open, () => this.samplesWanted);
    live.then(
      () => (this.engineReady = true),
      (error: unknown) => this.failed(error),
    );
    return live;
  }

  /**
   * Tells each chosen file's format and guesses its column mapping (`pendingFile`); refuses
   * files too large for the tab before anything is read. The user confirms or corrects the
   * mapping before anything is loaded (`confirmPending`).
   */
  async chooseFiles(files: File[], role: 'judgements' | 'gold' = 'judgements'): Promise<void> {
    const pending: PendingFile[] = [];
    const problems: FileProblem[] = [];
    for (const file of files) {
      try {
        pending.push(await pendingFile(file, role));
      } catch (error) {
        problems.push({ fileName: file.name, message: (error as Error).message });
      }
    }
    this.problems = problems;
    this.pending = pending;
  }

  /** Points a canonical field of a pending file at a column (or at none, with `''`). */
  setPendingMapping(index: number, field: MappableField, column: string): void {
    this.pending = this.pending.map((p, i) => (i === index ? withMapping(p, field, column) : p));
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
    let cleared: Promise<void> | undefined;
    if (this.showingSample && pending.some((p) => p.role === 'judgements')) {
      // The first file is read and parsed while DuckDB starts (without the samples it has not
      // loaded yet) and the sample is cleared.
      this.samplesWanted = false;
      cleared = this.db.exec(CLEAR_CANONICAL_TABLES).then(() => {
        this.showingSample = false;
        if (Object.keys(this.filters).length) this.filters = {};
      });
      cleared.catch(() => undefined); // reported by the load that awaits it
    }
    await this.loadAll(
      pending.map((p) => ({
        name: p.file.name,
        role: p.role,
        mapping: p.preview ? p.mapping : undefined,
        annotator: p.annotator.trim() || undefined,
        batchId: p.batchId.trim() || undefined,
        file: p.file,
      })),
      levels,
      { before: cleared },
    );
  }

  /**
   * Loads files one after the other: a chosen file is read and parsed in the ingest worker
   * (progress: bytes read, records parsed), then its parsed rows go to DuckDB (its own worker)
   * and the questions are inferred; the page never parses a chosen file on its main thread.
   * `inferPerFile: false` infers the questions once, after the last file: only for files that
   * share no question (the samples), where that gives the same questions. `before` is awaited
   * before the first file goes to DuckDB.
   */
  private async loadAll(
    files: LoadItem[],
    levels: Record<string, Level>,
    { inferPerFile = true, before }: { inferPerFile?: boolean; before?: Promise<void> } = {},
  ): Promise<LoadedSource[]> {
    const db = this.db!;
    this.status = 'loading';
    this.problems = [];
    const loaded: LoadedSource[] = [];
    for (const [fileIndex, item] of files.entries()) {
      const fileName = item.name;
      const bytesTotal = item.file?.size ?? 0;
      const show = (p: Omit<LoadProgress, 'fileName' | 'fileIndex' | 'fileCount'>): LoadProgress =>
        (this.progress = { fileName, fileIndex, fileCount: files.length, ...p });
      show({ phase: 'reading', bytesRead: 0, bytesTotal, records: 0 });
      try {
        const source = await timed(`load:${fileName}`, async () => {
          const options = { fileName, role: item.role, mapping: item.mapping, annotator: item.annotator, batchId: item.batchId };
          const onProgress = (p: IngestProgress) => show(p);
          const parsed: ParsedFile = item.file ? await parseInWorker(item.file, options, onProgress) : await item.parsed!();
          const records = this.progress?.records ?? 0;
          if (before) {
            show({ phase: 'starting', bytesRead: parsed.bytes, bytesTotal: parsed.bytes, records });
            await before;
          }
          show({ phase: 'loading', bytesRead: parsed.bytes, bytesTotal: parsed.bytes, records });
          const source = await insertParsedFile(db, parsed);
          show({
            phase: inferPerFile ? 'inferring' : 'loading',
            bytesRead: source.bytes,
            bytesTotal: source.bytes,
            records,
            accounted: { read: source.rowsRead, loaded: source.rowsLoaded, rejected: source.rowsRejected },
          });
          if (inferPerFile) await refreshQuestions(db, levels);
          return source;
        });
        loaded.push(source);
      } catch (error) {
        this.problems = [...this.problems, { fileName, message: (error as Error).message }];
      }
    }
    if (!inferPerFile && loaded.length > 0) {
      if (this.progress) this.progress = { ...this.progress, phase: 'inferring' };
      try {
        await timed('infer-questions', () => refreshQuestions(db, levels));
      } catch (error) {
        this.problems = [...this.problems, { fileName: loaded.at(-1)!.fileName, message: (error as Error).message }];
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

  /** Shows `view` (the dashboard writes the URL: `DashboardState.connect`). */
  setView(view: View): void {
    this.view = view;
  }

  /** Applies `filters` to every view (the dashboard writes the URL). */
  setFilters(filters: Filters): void {
    this.filters = filters;
  }
}
