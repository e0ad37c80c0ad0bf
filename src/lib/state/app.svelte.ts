import type { Connector } from '../db/connector';
import { createCanonicalTables, type Level } from '../db/schema';
import { refreshQuestions } from '../ingest/infer-questions';
import { loadDelimited } from '../ingest/load-delimited';
import type { LoadedSource } from '../ingest/register-source';
import type { Filters } from '../metrics/filters';
import { sql } from '../sql/sql';
import { SAMPLE_FILES } from './sample-data';
import { formatUrlState, parseUrlState, type View } from './url-state';

export interface LoadProgress {
  done: number;
  total: number;
  current: string;
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
      this.db = await this.open();
      await createCanonicalTables(this.db);
      await this.loadAll(
        SAMPLE_FILES.map((f) => ({ name: f.name, role: f.role, read: async () => new Uint8Array(await (await fetch(f.url)).arrayBuffer()) })),
        {},
      );
      this.showingSample = true;
    } catch (error) {
      this.fatal = `AnnoQA could not start DuckDB in this browser: ${(error as Error).message}`;
      this.status = 'failed';
    }
  }

  /** Loads the user's files (replacing the sample data on the first load). Each file's problem is reported, never thrown. */
  async loadFiles(files: File[], role: 'judgements' | 'gold' = 'judgements', levels: Record<string, Level> = {}): Promise<void> {
    if (!this.db || files.length === 0) return;
    if (this.showingSample) {
      await this.db.exec('DELETE FROM judgements; DELETE FROM gold; DELETE FROM rejections; DELETE FROM warnings; DELETE FROM sources; DELETE FROM questions;');
      this.showingSample = false;
      this.filters = {};
    }
    await this.loadAll(
      files.map((f) => ({ name: f.name, role, read: async () => new Uint8Array(await f.arrayBuffer()) })),
      levels,
    );
  }

  private async loadAll(
    files: { name: string; role: 'judgements' | 'gold'; read: () => Promise<Uint8Array> }[],
    levels: Record<string, Level>,
  ): Promise<LoadedSource[]> {
    const db = this.db!;
    this.status = 'loading';
    this.problems = [];
    const loaded: LoadedSource[] = [];
    for (const [i, file] of files.entries()) {
      this.progress = { done: i, total: files.length, current: file.name };
      try {
        loaded.push(await loadDelimited(db, { fileName: file.name, bytes: await file.read(), role: file.role }));
      } catch (error) {
        this.problems = [...this.problems, { fileName: file.name, message: (error as Error).message }];
      }
    }
    await refreshQuestions(db, levels);
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
