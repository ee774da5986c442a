/** The outcome of decoding bytes as UTF-8: the text, or the byte offset of the first invalid sequence. */
export type DecodeResult = { ok: true; text: string } | { ok: false; byteOffset: number; prefix: string };

/** Decodes UTF-8 strictly, keeping a BOM in the text so that offsets match the file. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const byteOffset = findInvalidUtf8(bytes);
    const prefix = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, byteOffset));
    return { ok: false, byteOffset, prefix };
  }
}

/** The byte offset of the first ill-formed UTF-8 sequence (per the Unicode well-formedness table), or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    if (index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next] ?? 0;
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}

/** The UTF-8 length of `text` in bytes; stops counting once it passes `limit`, so a huge text costs little. */
export function utf8ByteLength(text: string, limit: number): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
