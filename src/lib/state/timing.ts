/**
 * Times `work` with the User Timing API as `annoqa:<name>` (visible in the browser's
 * performance panel and read by the benchmark through `performance.getEntriesByType('measure')`).
 */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`annoqa:${name}`, { start, end: performance.now() });
  }
}
