import { parentPort } from 'node:worker_threads';
import { replyTo, type FitRequest } from './fit-jobs';

/** The fits (`fit-jobs.ts`) in a Node worker thread (`fit-threads-node.ts`): the CLI's counterpart of `fit-worker.ts`. */
parentPort!.on('message', (request: FitRequest) => parentPort!.postMessage(replyTo(request)));
