import type { Connector, Row } from './connector';
import { shareMemos } from './data-memo';
import type { SqlQuery } from '../sql/sql';

/**
 * Statements sent and not yet answered, at most: two, so DuckDB does not wait for the page to
 * take one result before it gets the next statement (in the browser results come back through
 * the worker's messages), and a statement of `first` waits behind at most one other.
 */
const IN_FLIGHT = 2;

/** Where the statement being sent was asked for (a diagnostic for profilers: the caller's stack is not the sender's). */
let sending: Error | null = null;

/** The stack of the code that asked for the statement now being sent by a lane, if any. */
export function laneStatementOrigin(): string | undefined {
  return sending?.stack;
}

/** Two views of one connector: `first`'s statements run before any waiting statement of `rest`. */
export interface StatementLanes {
  first: Connector;
  rest: Connector;
}

/**
 * Statements in two lanes over `db`, sent to DuckDB a few at a time (`IN_FLIGHT`), a waiting
 * statement of `first` before any waiting statement of `rest` (each lane in the order asked).
 * DuckDB runs one statement at a time anyway — duckdb-wasm in its worker, native DuckDB on a
 * connection — in the order received, so work whose result feeds seconds of JavaScript (a
 * Dawid–Skene fit in a worker) would otherwise wait behind every statement sent before it, and
 * its JavaScript would start when DuckDB has nothing left to do. Both lanes share `db`'s memos
 * (`data-memo.ts`): a derived table or a cached metric is computed once, whichever lane asks.
 */
export function statementLanes(db: Connector): StatementLanes {
  const waiting: [(() => void)[], (() => void)[]] = [[], []];
  let sent = 0;

  const next = () => {
    if (sent >= IN_FLIGHT) return;
    const start = waiting[0].shift() ?? waiting[1].shift();
    if (!start) return;
    sent++;
    start();
  };
  const inLane =
    (lane: 0 | 1) =>
    <T>(run: () => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const origin = new Error('statement asked for here');
        waiting[lane].push(() => {
          sending = origin;
          let running: Promise<T>;
          try {
            running = run();
          } catch (error) {
            running = Promise.reject(error as Error);
          }
          sending = null;
          running.then(resolve, reject).finally(() => {
            sent--;
            next();
          });
        });
        next();
      });

  const connector = (lane: 0 | 1): Connector => {
    const queued = inLane(lane);
    const view: Connector = {
      engine: db.engine,
      query: <T extends Row = Row>(query: SqlQuery | string) => queued(() => db.query<T>(query)),
      exec: (statements) => queued(() => db.exec(statements)),
      registerFile: (name, bytes) => queued(() => db.registerFile(name, bytes)),
      dropFile: (name) => queued(() => db.dropFile(name)),
      insertArrow: db.insertArrow && ((table, ipc, create) => queued(() => db.insertArrow!(table, ipc, create))),
      close: () => db.close(),
    };
    shareMemos(view, db);
    return view;
  };
  return { first: connector(0), rest: connector(1) };
}
