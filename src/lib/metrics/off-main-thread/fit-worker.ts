/// <reference lib="webworker" />
import { runFit, type FitArgs, type FitJob } from './fit-jobs';

/** A fit to run, numbered by the page so that its reply finds it. */
export interface FitRequest {
  id: number;
  job: FitJob;
  args: FitArgs<FitJob>;
}

export type FitReply = { id: number; result: unknown } | { id: number; error: string };

/** The page's fits (`fit-jobs.ts`), in a Web Worker (`fit-off-main-thread.ts`). */
self.onmessage = (event: MessageEvent<FitRequest>) => {
  const { id, job, args } = event.data;
  try {
    self.postMessage({ id, result: runFit(job, args) } satisfies FitReply);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FitReply);
  }
};
