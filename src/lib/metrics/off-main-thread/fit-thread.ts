import { parentPort } from 'node:worker_threads';
import { runFit } from './fit-jobs';
import type { FitReply, FitRequest } from './fit-worker';

/** The fits (`fit-jobs.ts`) in a Node worker thread (`fit-threads-node.ts`): the CLI's counterpart of `fit-worker.ts`. */
parentPort!.on('message', ({ id, job, args }: FitRequest) => {
  try {
    parentPort!.postMessage({ id, result: runFit(job, args) } satisfies FitReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FitReply);
  }
});
