import { SAMPLE_SNAPSHOT_FILE, sampleLoadOrder, type SampleFileName } from './sample-files';

/**
 * The bundled sample exports (sample-data/*.csv, made by `npm run sample-data`), emitted by
 * Vite as assets of this site. Files named `*_gold.csv` are answer keys.
 */
const urls = import.meta.glob('/sample-data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface SampleFile extends SampleFileName {
  url: string;
}

export const SAMPLE_FILES: SampleFile[] = sampleLoadOrder(
  Object.entries(urls).map(([path, url]) => ({ name: path.split('/').pop()!, url })),
);

let prefetched: Map<string, Promise<Uint8Array>> | null = null;
let snapshot: Promise<string | null> | null = null;

function download(file: SampleFile): Promise<Uint8Array> {
  // low priority: the app's code and DuckDB's worker and module come first
  const bytes = fetch(file.url, { priority: 'low' }).then(async (response) => {
    if (!response.ok) throw new Error(`could not download the sample ${file.name} (${response.status} ${response.statusText})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  bytes.catch(() => undefined); // a failed download is reported when its load awaits it
  return bytes;
}

/** The build's snapshot of the sample's first dashboard as text (`SampleSnapshot`); null when there is none (`vite dev`). */
function downloadSnapshot(): Promise<string | null> {
  return fetch(SAMPLE_SNAPSHOT_FILE)
    .then(async (response) => (response.ok ? gunzippedText(new Uint8Array(await response.arrayBuffer())) : null))
    .catch(() => null);
}

/** The text of a gzipped file, whether the server sent it as is or with `Content-Encoding: gzip` (the browser has unzipped it). */
async function gunzippedText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/**
 * Starts downloading the snapshot now (`main.ts`, before the app's code has loaded); when there
 * is none, the sample files too, and calls `withoutSnapshot`. With one, the samples download when
 * DuckDB starts behind the dashboard drawn from it (reading their bodies would compete with drawing it).
 */
export function prefetchSamples(withoutSnapshot: () => void): void {
  snapshot ??= downloadSnapshot();
  void snapshot.then((text) => {
    if (text !== null) return;
    prefetched ??= new Map(SAMPLE_FILES.map((f) => [f.name, download(f)]));
    withoutSnapshot();
  });
}

/** The snapshot's text: the prefetched download (taken once), or a new one. */
export function sampleSnapshotText(): Promise<string | null> {
  const text = snapshot ?? downloadSnapshot();
  snapshot = null;
  return text;
}

/** A sample file's bytes: the prefetched download (taken once), or a new one. */
export function sampleBytes(file: SampleFile): Promise<Uint8Array> {
  const bytes = prefetched?.get(file.name);
  prefetched?.delete(file.name);
  return bytes ?? download(file);
}
