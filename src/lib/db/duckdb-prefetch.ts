import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/** DuckDB's EH worker, already loading its script, and the EH wasm module downloading beside it. */
export interface DuckDBPrefetch {
  worker: Worker;
  /** The downloaded module as a `blob:` URL of type application/wasm (compiled by the worker's streaming compiler). */
  wasmUrl: Promise<string>;
}

/** The module DuckDB's own check (`getPlatformFeatures`) validates: a wasm exception handler (`try`/`catch_all`). */
const EXCEPTIONS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

let prefetched: DuckDBPrefetch | null = null;

/**
 * Starts what DuckDB needs before the app's own code has loaded: the EH worker script (770 KB,
 * parsed in its thread) and the 34 MB EH wasm module (fetched from this origin). `main.ts` calls
 * it first thing, so both download while the page's bundle evaluates; `openWasmBrowser` then
 * takes them (`takeDuckDBPrefetch`) instead of starting from nothing. Only where DuckDB would pick
 * the EH bundle (wasm exceptions: Chromium, Firefox, Safari ≥ 15.2); elsewhere it does nothing.
 */
export function prefetchDuckDB(): void {
  if (prefetched || typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') return;
  if (!WebAssembly.validate(EXCEPTIONS_PROBE)) return;
  const worker = new Worker(ehWorker);
  const wasmUrl = fetch(ehWasm).then(async (response) => {
    if (!response.ok) throw new Error(`could not download DuckDB (${response.status} ${response.statusText})`);
    const blob = await response.blob();
    // instantiateStreaming needs the application/wasm type, which a Blob takes from the response
    return URL.createObjectURL(blob.type === 'application/wasm' ? blob : new Blob([blob], { type: 'application/wasm' }));
  });
  wasmUrl.catch(() => undefined); // a failed download is reported when DuckDB is opened
  prefetched = { worker, wasmUrl };
}

/**
 * Hands over the prefetched worker and module once (null when nothing was prefetched, or when
 * they were taken). `ehModule`: the module the bundle selection chose; a prefetch of another one
 * is discarded (its worker terminated, its URL revoked).
 */
export function takeDuckDBPrefetch(ehModule: boolean): DuckDBPrefetch | null {
  const taken = prefetched;
  prefetched = null;
  if (taken && !ehModule) {
    taken.worker.terminate();
    void taken.wasmUrl.then(
      (url) => URL.revokeObjectURL(url),
      () => undefined,
    );
    return null;
  }
  return taken;
}
