import { fitQuestion } from '../aggregation/dawid-skene-fit';
import { compareModels } from '../preference/model-comparisons';

/**
 * The pure, CPU-heavy fits a report runs off the page's main thread (`fitOffMainThread`), by
 * name: Dawid–Skene's EM for one question, and the Bradley–Terry strengths of one question's
 * compared models with their bootstrap (each seconds of JavaScript at 1M judgements, which on
 * the main thread stall the page and DuckDB's queue of statements behind them).
 */
export const FIT_JOBS = { dawidSkene: fitQuestion, modelComparisons: compareModels };

export type FitJob = keyof typeof FIT_JOBS;
export type FitArgs<J extends FitJob> = Parameters<(typeof FIT_JOBS)[J]>;
export type FitResult<J extends FitJob> = ReturnType<(typeof FIT_JOBS)[J]>;

/** Runs a fit here, on the calling thread. */
export function runFit<J extends FitJob>(job: J, args: FitArgs<J>): FitResult<J> {
  const fit = FIT_JOBS[job] as unknown as (...a: FitArgs<J>) => FitResult<J>;
  return fit(...args);
}

/** A fit to run in a worker, numbered by the caller so that its reply finds it. */
export interface FitRequest {
  id: number;
  job: FitJob;
  args: FitArgs<FitJob>;
}

/**
 * The buffers of the typed arrays among a fit's arguments and their fields, to hand over to the
 * worker with the message instead of copying them (the arrays are empty afterwards on the
 * sender's side). Copying Dawid–Skene's observations as plain arrays took 5 s of the CLI's
 * main thread at 10M judgements.
 */
export function transferables(args: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown) => {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  };
  for (const arg of args) {
    add(arg);
    if (arg && typeof arg === 'object' && !ArrayBuffer.isView(arg)) Object.values(arg).forEach(add);
  }
  return [...buffers];
}

export type FitReply = { id: number; result: unknown } | { id: number; error: string };

/** Runs a worker's fit request: its result, or the message of what it threw. */
export function replyTo({ id, job, args }: FitRequest): FitReply {
  try {
    return { id, result: runFit(job, args) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
