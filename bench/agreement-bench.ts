/**
 * Agreement benchmark (not a test): 1M judgements (200k items × 5 annotators, 5 ordinal
 * categories) generated in DuckDB, then every coefficient of the question computed by
 * `agreementByQuestion` on duckdb-wasm (the Node build of the browser's engine) and on native
 * DuckDB with one thread, running the same SQL. Prints both timings and the ratio.
 *
 *   npx tsx bench/agreement-bench.ts
 */
import type { Connector } from '../src/lib/db/connector';
import { openNativeNode } from '../src/lib/db/native-node';
import { createCanonicalTables } from '../src/lib/db/schema';
import { openWasmNode } from '../src/lib/db/wasm-node';
import { agreementByQuestion } from '../src/lib/metrics/agreement/agreement-by-question';

const ITEMS = 200_000;
const ANNOTATORS = 5;

async function generate(db: Connector): Promise<void> {
  await createCanonicalTables(db);
  // Deterministic pseudo-random answers: a true grade per item, each annotator gives it with
  // probability 0.7, otherwise a uniform grade 1–5.
  await db.exec(`INSERT INTO judgements (source_id, source_row, batch_id, strategy, item_id, question, annotator_id, value_kind, label, score)
    SELECT 1, i * ${ANNOTATORS} + a, 'bench', 'instruction_tuning', 'item' || i, 'quality', 'ann' || a, 'number',
      CAST(g AS VARCHAR), g
    FROM (SELECT i, a, CASE WHEN hash(i, a, 'keep') % 100 < 70 THEN 1 + hash(i) % 5 ELSE 1 + hash(i, a) % 5 END AS g
          FROM range(${ITEMS}) t(i), range(${ANNOTATORS}) s(a));
    INSERT INTO questions VALUES ('bench', 'instruction_tuning', 'quality', 'number', 'ordinal', 'bench', ['1', '2', '3', '4', '5']);`);
}

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
  await generate(db);
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
console.log(
  `ratio wasm / native: coefficients ${(wasm.coefficients / native.coefficients).toFixed(2)}×, ` +
    `with bootstrap ${(wasm.withCi / native.withCi).toFixed(2)}× (bootstrap is TypeScript, the same on both)`,
);
