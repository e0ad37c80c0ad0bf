import { runFit, transferables, type FitArgs, type FitJob, type FitReply, type FitRequest, type FitResult } from './fit-jobs';

type Caller = { resolve: (result: never) => void; reject: (error: Error) => void };

/** The page's worker for each kind of fit, started at its first fit and kept (it holds no data between fits), with the fits it holds. */
const workers = new Map<FitJob, { worker: Worker; waiting: Map<number, Caller> }>();
let nextId = 0;

function fitWorker(job: FitJob): { worker: Worker; waiting: Map<number, Caller> } {
  const running = workers.get(job);
  if (running) return running;
  const worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module', name: `annoqa-${job}` });
  const waiting = new Map<number, Caller>();
  worker.onmessage = (event: MessageEvent<FitReply>) => {
    const reply = event.data;
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('result' in reply) caller?.resolve(reply.result as never);
    else caller?.reject(new Error(`${job}: ${reply.error}`));
  };
  worker.onerror = (event) => {
    // A worker that fails to start or dies fails every fit it holds; the next fit starts a new one.
    for (const caller of waiting.values())
      caller.reject(new Error(`${job}: the worker stopped (${event.message || 'out of memory?'})`));
    waiting.clear();
    worker.terminate();
    workers.delete(job);
  };
  const entry = { worker, waiting };
  workers.set(job, entry);
  return entry;
}

/** How fits run on Node: here (tests, the build's snapshot), unless `runFitsWith` set worker threads (the CLI). */
let nodeRunner: ((job: FitJob, args: FitArgs<FitJob>) => Promise<unknown>) | null = null;

/** Runs Node's fits with `runner` from now on (`fit-threads-node.ts`); null: here again. */
export function runFitsWith(runner: ((job: FitJob, args: FitArgs<FitJob>) => Promise<unknown>) | null): void {
  nodeRunner = runner;
}

/**
 * A fit of `fit-jobs.ts` off the page's main thread: in a browser tab, in a Web Worker of its
 * kind (Dawid–Skene's EM and the Bradley–Terry bootstrap run beside each other and beside
 * DuckDB's worker), so that seconds of JavaScript at 1M judgements neither freeze the page nor
 * hold back the statements the report sends meanwhile; on Node, in worker threads once
 * `runFitsWith` was called (the CLI), else here (tests, the build's snapshot).
 */
export function fitOffMainThread<J extends FitJob>(job: J, ...args: FitArgs<J>): Promise<FitResult<J>> {
  if (typeof window === 'undefined' || typeof Worker === 'undefined') {
    if (nodeRunner) return nodeRunner(job, args as FitArgs<FitJob>) as Promise<FitResult<J>>;
    return Promise.resolve().then(() => runFit(job, args));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const { worker, waiting } = fitWorker(job);
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, job, args } satisfies FitRequest, transferables(args));
  });
}
