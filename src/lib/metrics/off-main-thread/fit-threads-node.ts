import { Worker } from 'node:worker_threads';
import { transferables, type FitArgs, type FitJob, type FitReply, type FitRequest } from './fit-jobs';
import { runFitsWith } from './fit-off-main-thread';

type Caller = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/**
 * On Node (the CLI, the benchmark), runs every fit of `fitOffMainThread` in a worker thread of
 * its kind, as the browser does in Web Workers: Dawid–Skene's EM and the Bradley–Terry
 * bootstrap then run beside each other and beside native DuckDB's threads instead of holding
 * back, on the one JavaScript thread, the statements the report sends meanwhile. A thread is
 * started at its kind's first fit and keeps the process alive only while it holds fits.
 * The threads load the TypeScript sources through tsx, as bin/annoqa.js does.
 */
export function runFitsInThreads(): { threads: () => string[]; close: () => Promise<void> } {
  const threads = new Map<FitJob, { worker: Worker; waiting: Map<number, Caller> }>();
  let nextId = 0;
  const thread = (job: FitJob) => {
    const started = threads.get(job);
    if (started) return started;
    const entry = new URL('./fit-thread.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
      { eval: true, name: `annoqa-${job}` },
    );
    const waiting = new Map<number, Caller>();
    worker.unref();
    worker.on('message', (reply: FitReply) => {
      const caller = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) worker.unref();
      if ('result' in reply) caller?.resolve(reply.result);
      else caller?.reject(new Error(`${job}: ${reply.error}`));
    });
    // A thread that fails or ends fails every fit it holds; the next fit starts a new one.
    const stopped = (why: string) => {
      for (const caller of waiting.values()) caller.reject(new Error(`${job}: the worker thread stopped (${why})`));
      waiting.clear();
      if (threads.get(job)?.worker === worker) threads.delete(job);
    };
    worker.on('error', (error) => {
      stopped(error.message);
      void worker.terminate();
    });
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    const running = { worker, waiting };
    threads.set(job, running);
    return running;
  };
  const runner = (job: FitJob, args: FitArgs<FitJob>) =>
    new Promise((resolve, reject) => {
      const { worker, waiting } = thread(job);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, job, args } satisfies FitRequest, transferables(args));
    });
  runFitsWith(runner);
  return {
    /** The kinds of fit that have a thread. */
    threads: () => [...threads.keys()],
    /** Back to fits on the calling thread; the threads end. */
    async close() {
      runFitsWith(null);
      await Promise.all([...threads.values()].map(({ worker }) => worker.terminate()));
      threads.clear();
    },
  };
}
