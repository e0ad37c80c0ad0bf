import { hasSampleSnapshot, prefetchSamples } from '../state/sample-data';
import { startWasmBrowser } from './wasm-browser';

/*
 * Imported first by main.ts, so that this runs before the rest of the page's code evaluates
 * (a module's imports run in order): the sample files and the build's snapshot of their first
 * dashboard start downloading while Svelte, D3 and the app's modules evaluate and the app
 * mounts. Without a snapshot (`vite dev`) DuckDB starts opening now too (worker, module download
 * and compile, off the main thread); with one, it starts once the dashboard drawn from the
 * snapshot is on screen (AppState.startEngine), so that compiling its 34 MB module does not
 * compete with drawing it. AppState.start then takes them.
 */
prefetchSamples();
void hasSampleSnapshot().then((has) => has || startWasmBrowser());
