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
