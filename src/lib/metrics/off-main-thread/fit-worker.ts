/// <reference lib="webworker" />
import { replyTo, type FitRequest } from './fit-jobs';

/** The page's fits (`fit-jobs.ts`), in a Web Worker (`fit-off-main-thread.ts`). */
self.onmessage = (event: MessageEvent<FitRequest>) => self.postMessage(replyTo(event.data));
