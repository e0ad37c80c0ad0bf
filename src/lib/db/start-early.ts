import { prefetchSamples } from '../state/sample-data';
import { startWasmBrowser } from './wasm-browser';

/*
 * Imported first by main.ts, so that this runs before the rest of the page's code evaluates
 * (a module's imports run in order): DuckDB starts opening (worker, module download and
 * compile, all off the main thread) and the sample files download, while Svelte, D3 and the
 * app's modules evaluate and the app mounts. AppState.start then takes both.
 */
startWasmBrowser();
prefetchSamples();
