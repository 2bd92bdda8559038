import type { FileEncoding } from '../../shared/contract/document-state.schema';

// A document is saved in the encoding it was read in, byte for byte where the text did not
// change: UTF-8 with or without a byte order mark, or UTF-16 (which always has one).

export type DecodeResult = { ok: true; text: string; encoding: FileEncoding } | { ok: false; reason: 'binary' | 'not-text' };

/** Bytes looked at for NUL characters: a text file in UTF-8 has none. */
const BINARY_SNIFF = 8192;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return { ok: false, reason: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { ok: true, text, encoding: bom ? 'utf8-bom' : 'utf8' };
  } catch {
    return { ok: false, reason: 'not-text' };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): DecodeResult {
  if (bytes.length % 2 !== 0) return { ok: false, reason: 'not-text' };
  try {
    const text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: 'not-text' };
  }
}

export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
  }
}
