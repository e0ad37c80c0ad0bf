/** Bytes read per slice of a file: large enough to be quick, small enough for smooth progress. */
export const READ_CHUNK_BYTES = 8 * 1024 ** 2;

/**
 * Reads a whole File (or Blob) into one buffer, a slice at a time, telling `onBytes` how many
 * bytes are in so far. Used by the ingest worker, so the page never waits on the read.
 */
export async function readFileBytes(file: Blob, onBytes?: (bytesRead: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  for (let offset = 0; offset < file.size; offset += READ_CHUNK_BYTES) {
    const chunk = new Uint8Array(await file.slice(offset, offset + READ_CHUNK_BYTES).arrayBuffer());
    bytes.set(chunk, offset);
    onBytes?.(offset + chunk.length);
  }
  return bytes;
}
