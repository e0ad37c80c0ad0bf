/**
 * The bundled sample exports (sample-data/*.csv, made by `npm run sample-data`), emitted by
 * Vite as assets of this site. Files named `*_gold.csv` are answer keys.
 */
const urls = import.meta.glob('/sample-data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface SampleFile {
  name: string;
  url: string;
  role: 'judgements' | 'gold';
}

export const SAMPLE_FILES: SampleFile[] = Object.entries(urls)
  .map(([path, url]) => {
    const name = path.split('/').pop()!;
    return { name, url, role: name.endsWith('_gold.csv') ? ('gold' as const) : ('judgements' as const) };
  })
  // judgements first, so that gold files find the questions they answer
  .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'gold' ? 1 : -1));

let prefetched: Map<string, Promise<Uint8Array>> | null = null;

function download(file: SampleFile): Promise<Uint8Array> {
  // low priority: the app's code and DuckDB's worker and module come first
  const bytes = fetch(file.url, { priority: 'low' }).then(async (response) => {
    if (!response.ok) throw new Error(`could not download the sample ${file.name} (${response.status} ${response.statusText})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  bytes.catch(() => undefined); // a failed download is reported when its load awaits it
  return bytes;
}

/** Starts downloading every sample file now (`main.ts`, before the app's code has loaded). */
export function prefetchSamples(): void {
  prefetched ??= new Map(SAMPLE_FILES.map((f) => [f.name, download(f)]));
}

/** A sample file's bytes: the prefetched download (taken once), or a new one. */
export function sampleBytes(file: SampleFile): Promise<Uint8Array> {
  const bytes = prefetched?.get(file.name);
  prefetched?.delete(file.name);
  return bytes ?? download(file);
}
