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
