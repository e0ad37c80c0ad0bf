import { prefetchSamples } from '../state/sample-data';

/*
 * Imported first by main.ts, so that this runs before the rest of the page's code evaluates
 * (a module's imports run in order): the build's snapshot of the sample's first dashboard starts
 * downloading while Svelte, D3 and the app's modules evaluate and the app mounts. Without a
 * snapshot (`vite dev`) the sample files download and DuckDB starts opening now (worker, module
 * download and compile, off the main thread); with one, both start once the dashboard drawn from
 * it is on screen (AppState.startEngine), so that compiling DuckDB's 34 MB module does not
 * compete with drawing it. AppState.start then takes them.
 */
prefetchSamples(() => void import('./wasm-browser').then((engine) => engine.startWasmBrowser()));
