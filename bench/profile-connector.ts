import type { Connector } from '../src/lib/db/connector';
import type { SqlQuery } from '../src/lib/sql/sql';
import { laneStatementOrigin } from '../src/lib/db/statement-lanes';

/** One timed statement: where it came from (first project function on the stack) and its SQL head. */
export interface StatementTiming {
  phase: string;
  caller: string;
  sql: string;
  ms: number;
  /** CPU time of this process during the statement (exact for the blocking wasm build; all threads for native). */
  cpuMs: number;
}

/** This process's CPU time in ms (0 in a browser page, which cannot read it). */
function cpuNow(): number {
  if (typeof process === 'undefined') return 0;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Wraps a connector so every `query`/`exec` is timed and attributed to the first function
 * under `src/lib/` (other than the db layer) on the call stack: the benchmark's profile of
 * which statements and which metric functions dominate.
 */
export function profiled(
  db: Connector,
  { blocking = db.engine === 'duckdb-wasm' } = {},
): { db: Connector; timings: StatementTiming[]; setPhase(phase: string): void } {
  const timings: StatementTiming[] = [];
  let phase = '';
  Error.stackTraceLimit = 40;
  const record = (text: string, ms: number, cpuMs: number, stack: string) => {
    const frames = stack.split('\n').slice(2);
    const frame = frames.find((f) => /src\/lib\/(?!db\/)/.test(f) && !f.includes('profile-connector')) ?? '';
    const match =
      /at (?:async )?([\w$.<>]+) \(.*src\/lib\/([\w/.-]+?)\.ts/.exec(frame) ?? /src\/lib\/([\w/.-]+?)\.ts/.exec(frame);
    const caller = match ? (match.length === 3 ? `${match[2]}:${match[1]}` : match[1]) : '(bench)';
    timings.push({ phase, caller, sql: text.replace(/\s+/g, ' ').trim().slice(0, 140), ms, cpuMs });
  };
  // duckdb-wasm on Node is blocking: a statement has run when its call returns, so it is timed
  // exactly even though the report's sections run concurrently. Native statements, and
  // duckdb-wasm's in a browser's Web Worker (`blocking: false`), queue on the connection (one at
  // a time, in call order): one starts when it is called or when the one before it ended,
  // whichever is later, so it is timed from then (its own run, not its wait).
  let previousEnd = { ms: 0, cpuMs: 0 };
  const timed = async <T>(text: string, run: () => Promise<T>): Promise<T> => {
    // Taken before the first await: the whole synchronous call chain (or, for a statement a
    // lane held back, the chain that asked for it).
    const stack = laneStatementOrigin() ?? new Error().stack ?? '';
    const called = { ms: performance.now(), cpuMs: cpuNow() };
    const pending = run();
    const ranMs = performance.now() - called.ms;
    const ranCpuMs = cpuNow() - called.cpuMs;
    try {
      return await pending;
    } finally {
      if (blocking) record(text, ranMs, ranCpuMs, stack);
      else {
        const start = previousEnd.ms > called.ms ? previousEnd : called;
        previousEnd = { ms: performance.now(), cpuMs: cpuNow() };
        record(text, previousEnd.ms - start.ms, previousEnd.cpuMs - start.cpuMs, stack);
      }
    }
  };
  const wrapped: Connector = {
    ...db,
    query: <T extends Record<string, unknown>>(query: SqlQuery | string) =>
      timed(typeof query === 'string' ? query : query.text, () => db.query<T>(query)),
    exec: (statements: string) => timed(statements, () => db.exec(statements)),
    registerFile: (name, bytes) => db.registerFile(name, bytes),
    dropFile: (name) => db.dropFile(name),
    insertArrow: db.insertArrow && ((table, ipc, create) => db.insertArrow!(table, ipc, create)),
    close: () => db.close(),
  };
  return { db: wrapped, timings, setPhase: (p) => (phase = p) };
}

export interface StatementSummary {
  key: string;
  ms: number;
  cpu_ms: number;
  statements: number;
}

/** Sums timings by key, largest first. */
export function summarise(timings: StatementTiming[], key: (t: StatementTiming) => string, top = 12): StatementSummary[] {
  const sums = new Map<string, { ms: number; cpuMs: number; statements: number }>();
  for (const t of timings) {
    const k = key(t);
    const s = sums.get(k) ?? { ms: 0, cpuMs: 0, statements: 0 };
    s.ms += t.ms;
    s.cpuMs += t.cpuMs;
    s.statements++;
    sums.set(k, s);
  }
  return [...sums.entries()]
    .map(([k, s]) => ({ key: k, ms: Math.round(s.ms), cpu_ms: Math.round(s.cpuMs), statements: s.statements }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
