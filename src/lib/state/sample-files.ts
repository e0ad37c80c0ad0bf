/** One bundled sample export: files named `*_gold.csv` are answer keys. */
export interface SampleFileName {
  name: string;
  role: 'judgements' | 'gold';
}

/** The sample files in the order they load: judgements first (so that gold finds the questions it answers), then by name. */
export function sampleLoadOrder<T extends { name: string }>(files: T[]): (T & SampleFileName)[] {
  return files
    .map((f) => ({ ...f, role: f.name.endsWith('_gold.csv') ? ('gold' as const) : ('judgements' as const) }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'gold' ? 1 : -1));
}

/**
 * Where the build puts the snapshot of the sample's first dashboard (`SampleSnapshot`), beside
 * index.html: JSON, gzipped by the build (3 MB → 0.2 MB: a static server need not compress it).
 */
export const SAMPLE_SNAPSHOT_FILE = 'sample-snapshot.json.gz';
