/** A usage or input problem: the CLI prints the message to stderr and exits with status 2. */
export class CliError extends Error {
  override name = 'CliError';
}
