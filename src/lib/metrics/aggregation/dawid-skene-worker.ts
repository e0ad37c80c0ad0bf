/// <reference lib="webworker" />
import type { DawidSkeneOptions } from './dawid-skene-em';
import { fitQuestion, type DawidSkeneReport, type PackedQuestion } from './dawid-skene-fit';

/** A question to fit, numbered by the page so that its reply finds it. */
export interface FitRequest {
  id: number;
  packed: PackedQuestion;
  options: DawidSkeneOptions;
}

export type FitReply = { id: number; report: DawidSkeneReport } | { id: number; error: string };

/** The page's Dawid–Skene EM, in a Web Worker (fit-off-main-thread.ts). */
self.onmessage = (event: MessageEvent<FitRequest>) => {
  const { id, packed, options } = event.data;
  try {
    self.postMessage({ id, report: fitQuestion(packed, options) } satisfies FitReply);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FitReply);
  }
};
