import type { IngestProgress } from './ingest-progress';
import type { IngestReply, IngestRequest } from './ingest-worker';
import { IngestError } from './ingest-error';
import type { ParsedFile } from './parse-file';

/**
 * Parses a file in a dedicated ingest Web Worker (one per file, ended when done, so its memory
 * goes with it): the page stays responsive while a large export is read and parsed. Resolves
 * with the parsed buffers for `insertParsedFile`; rejects with the `IngestError` the worker hit.
 */
export function parseInWorker(
  file: Blob,
  options: IngestRequest['options'],
  onProgress: (progress: IngestProgress) => void,
): Promise<ParsedFile> {
  const worker = new Worker(new URL('./ingest-worker.ts', import.meta.url), { type: 'module', name: 'annoqa-ingest' });
  return new Promise<ParsedFile>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<IngestReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.parsed);
      else if (reply.fileName !== undefined && reply.problem !== undefined)
        reject(new IngestError(reply.fileName, reply.problem, reply.line));
      else reject(new Error(`${options.fileName}: ${reply.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(
        new Error(
          `${options.fileName}: the file could not be read in this tab (${event.message || 'the ingest worker stopped, probably out of memory'}); the command line reads it: npm run -s annoqa -- report ${options.fileName} --json`,
        ),
      );
    };
    worker.postMessage({ file, options } satisfies IngestRequest);
  });
}
