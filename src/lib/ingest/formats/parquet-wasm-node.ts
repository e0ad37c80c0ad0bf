import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ParquetWasmSource } from './parquet-arrow';

/** parquet-wasm's module on Node (the CLI on duckdb-wasm, the tests): the file's bytes from node_modules. */
export const parquetWasmNode: ParquetWasmSource = () =>
  readFile(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));
