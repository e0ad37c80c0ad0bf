import { prefetchDuckDB } from './lib/db/duckdb-prefetch';
import { prefetchSamples } from './lib/state/sample-data';
import './app.css';

// DuckDB (a 34 MB module and its worker) and the sample data start downloading before the
// app's code is even fetched: the first dashboard waits on DuckDB, not on the page's bundle.
prefetchDuckDB();
prefetchSamples();

const target = document.getElementById('app')!;
Promise.all([import('svelte'), import('./App.svelte')])
  .then(([{ mount }, { default: App }]) => mount(App, { target }))
  .catch((error: unknown) => {
    target.textContent = `AnnoQA could not load: ${error instanceof Error ? error.message : String(error)}`;
  });
