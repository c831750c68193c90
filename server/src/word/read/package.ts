/**
 * An OOXML package (a zip) opened with jszip, read part by part under a size cap: a part
 * whose declared or actual uncompressed size passes the cap is refused (a zip bomb or a
 * huge document gets a message, never a hang or an out-of-memory crash).
 */
import JSZip from 'jszip';

/**
 * Uncompressed bytes one XML part may take. A long agreement's document.xml is ≈ 1 MB; 12 MB
 * of WordprocessingML holds more text than the analysis takes (5 M characters) and parses
 * in ≈ 8 s, so anything larger is refused before it is parsed.
 */
export const MAX_PART_BYTES = 12 * 1024 * 1024;
/** Uncompressed bytes all parts read from one package may take together. */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

export class PackageTooLarge extends Error {}

/** jszip's internal stream (documented, missing from its type declarations). */
interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

export interface OpcPackage {
  zip: JSZip;
  has(part: string): boolean;
  /** The part as text (UTF-8, or UTF-16 when it says so), or null when absent. Throws PackageTooLarge. */
  text(part: string): Promise<string | null>;
}

export async function openPackage(bytes: Uint8Array, limits = { part: MAX_PART_BYTES, total: MAX_TOTAL_BYTES }): Promise<OpcPackage> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  let total = 0;
  const text = async (part: string): Promise<string | null> => {
    const entry = zip.file(part);
    if (!entry) return null;
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > limits.part || total + declared > limits.total) throw new PackageTooLarge(part);
    const data = await readCapped(entry, Math.min(limits.part, limits.total - total), part);
    total += data.length;
    return decodePart(data);
  };
  return { zip, has: (part) => zip.file(part) !== null, text };
}

/** Inflate one entry chunk by chunk, giving up as soon as it passes `cap` (sizes in the header may lie). */
function readCapped(entry: JSZip.JSZipObject, cap: number, part: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        if (size > cap) {
          settled = true;
          stream.pause();
          reject(new PackageTooLarge(part));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error: Error) => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
    stream.resume();
  });
}

function decodePart(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}
