/**
 * A problem with an input file that stops it from loading: says which file, where
 * (line or record when known) and what to do. Shown as is in the UI and by the CLI.
 */
export class IngestError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${fileName}${line !== undefined ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'IngestError';
  }
}
