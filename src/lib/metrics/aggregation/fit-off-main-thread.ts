import type { DawidSkeneOptions } from './dawid-skene-em';
import { fitQuestion, type DawidSkeneReport, type PackedQuestion } from './dawid-skene-fit';
import type { FitReply, FitRequest } from './dawid-skene-worker';

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (report: DawidSkeneReport) => void; reject: (error: Error) => void }>();

/** The page's one EM worker, started at the first fit and kept (it holds no data between fits). */
function emWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./dawid-skene-worker.ts', import.meta.url), { type: 'module', name: 'annoqa-em' });
  worker.onmessage = (event: MessageEvent<FitReply>) => {
    const reply = event.data;
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('report' in reply) caller?.resolve(reply.report);
    else caller?.reject(new Error(`Dawid–Skene: ${reply.error}`));
  };
  worker.onerror = (event) => {
    // A worker that fails to start or dies fails every fit it holds; the next fit starts a new one.
    for (const caller of waiting.values())
      caller.reject(new Error(`Dawid–Skene: the EM worker stopped (${event.message || 'out of memory?'})`));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/**
 * Dawid–Skene EM for one question (`fitQuestion`), off the page's main thread: in a browser
 * tab, in a Web Worker, so that seconds of EM at 1M judgements do not freeze the page (and run
 * beside DuckDB's worker on another core); on Node (CLI, tests, the build's snapshot), here.
 */
export function fitQuestionOffMainThread(packed: PackedQuestion, options: DawidSkeneOptions): Promise<DawidSkeneReport> {
  if (typeof window === 'undefined' || typeof Worker === 'undefined')
    return Promise.resolve().then(() => fitQuestion(packed, options));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    emWorker().postMessage({ id, packed, options } satisfies FitRequest);
  });
}
