/**
 * Streaming gzip decompression (fflate), single- or multi-member (AWS writes concatenated
 * members). Each compressed chunk is inflated as it arrives; nothing is held whole. A damaged or
 * truncated stream is refused: the deflate data must end properly and the last member's length
 * field must match what was inflated.
 */
import { Gunzip } from 'fflate';
import { FileRefused } from '../file-refused.js';

function damaged(fileName: string, detail: string): FileRefused {
  return new FileRefused(`${fileName} is a damaged or truncated gzip file (${detail}); nothing was imported from it.`);
}

export async function* gunzipChunks(compressed: AsyncIterable<Uint8Array>, fileName: string): AsyncGenerator<Uint8Array> {
  let output: Uint8Array[] = [];
  let inflated = 0;
  let memberStart = 0;
  const gunzip = new Gunzip((data) => {
    if (data.length === 0) return;
    output.push(data);
    inflated += data.length;
  });
  gunzip.onmember = () => {
    memberStart = inflated;
  };
  // The last 4 bytes of a member are its inflated length mod 2^32.
  const tail = new Uint8Array(4);
  let seen = 0;
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      gunzip.push(chunk, final);
    } catch (error) {
      throw damaged(fileName, error instanceof Error ? error.message : String(error));
    }
  };
  for await (const chunk of compressed) {
    if (chunk.length >= 4) tail.set(chunk.subarray(chunk.length - 4));
    else {
      tail.copyWithin(0, chunk.length);
      tail.set(chunk, 4 - chunk.length);
    }
    seen += chunk.length;
    push(chunk, false);
    if (output.length > 0) {
      const ready = output;
      output = [];
      yield* ready;
    }
  }
  push(new Uint8Array(0), true);
  yield* output;
  const stated = (tail[0] ?? 0) | ((tail[1] ?? 0) << 8) | ((tail[2] ?? 0) << 16) | ((tail[3] ?? 0) << 24);
  if (seen < 18 || stated >>> 0 !== (inflated - memberStart) % 2 ** 32) throw damaged(fileName, 'its length field does not match its content');
}
