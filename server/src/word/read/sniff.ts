/**
 * What a file handed to the Word reader really is, from its first bytes (and, for an OLE
 * compound file, the names of its streams): a .docx package, a legacy .doc, an encrypted
 * Office file, a PDF … The extension only decides between look-alikes (.wps and .doc).
 */
export type FileKind = 'zip' | 'doc' | 'wps' | 'encrypted' | 'pdf' | 'rtf' | 'cfb-other' | 'unknown';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Does the compound file name a stream `name` (directory entries hold names in UTF-16LE)? */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

export function sniff(bytes: Uint8Array, fileName: string): FileKind {
  const lower = fileName.toLowerCase();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (startsWith(bytes, CFB)) {
    if (hasStream(bytes, 'EncryptedPackage')) return 'encrypted';
    if (lower.endsWith('.wps')) return 'wps';
    if (hasStream(bytes, 'WordDocument')) return 'doc';
    return 'cfb-other';
  }
  if (lower.endsWith('.wps')) return 'wps';
  return 'unknown';
}
