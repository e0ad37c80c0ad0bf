/**
 * Agreement benchmark (not a test): 1M judgements (200k items × 5 annotators, 5 ordinal
 * categories) generated in DuckDB, then every coefficient of the question computed by
 * `agreementByQuestion` on duckdb-wasm (the Node build of the browser's engine), on native
 * DuckDB with one thread, running the same SQL, and on duckdb-wasm in headless Chromium (the
 * bench harness page, `#agreement`). Prints the timings and the ratios.
 *
 *   npx tsx bench/agreement-bench.ts
 */
import type { Connector } from '../src/lib/db/connector';
import { openNativeNode } from '../src/lib/db/native-node';
import { openWasmNode } from '../src/lib/db/wasm-node';
import { agreementByQuestion } from '../src/lib/metrics/agreement/agreement-by-question';
import { generateAgreementData } from './agreement-data';

async function time<T>(run: () => Promise<T>, repeats = 3): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = await run();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

async function measure(name: string, db: Connector) {
  await generateAgreementData(db);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM judgements');
  const coefficients = await time(() => agreementByQuestion(db, {}, { bootstrap: false }));
  const withCi = await time(() => agreementByQuestion(db, {}, { bootstrap: true }), 1);
  const report = [...withCi.result.values()][0];
  console.log(
    `${name.padEnd(24)} ${n.toLocaleString('en')} judgements  coefficients ${coefficients.ms.toFixed(0)} ms  ` +
      `with 1,000-resample bootstrap ${withCi.ms.toFixed(0)} ms  (α ordinal ${report.krippendorff_alpha?.toFixed(6)}, ` +
      `AC1 ${report.gwet_ac1?.toFixed(6)}, CI α ${JSON.stringify(report.ci95.krippendorff_alpha?.map((x) => +x.toFixed(4)))})`,
  );
  await db.close();
  return { coefficients: coefficients.ms, withCi: withCi.ms };
}

const wasm = await measure('duckdb-wasm (Node)', await openWasmNode());
const native = await measure('native DuckDB, 1 thread', await openNativeNode({ threads: 1 }));
const { measureAgreementInChromium } = await import('./browser-case');
const chromium = await measureAgreementInChromium(300_000);
console.log(
  `duckdb-wasm (Chromium)   coefficients ${chromium.coefficients_ms} ms  with 1,000-resample bootstrap ${chromium.bootstrap_ms} ms` +
    `  (α ordinal ${chromium.alpha?.toFixed(6)})  → Chromium / native: ${(chromium.coefficients_ms / native.coefficients).toFixed(2)}×`,
);
console.log(
  `ratio wasm / native: coefficients ${(wasm.coefficients / native.coefficients).toFixed(2)}×, ` +
    `with bootstrap ${(wasm.withCi / native.withCi).toFixed(2)}× (bootstrap is TypeScript, the same on both)`,
);
