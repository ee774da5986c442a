/**
 * A 64-bit FNV-1a hash of a string's UTF-16 code units as 16 hex digits: stable across runs and platforms,
 * browser-safe, and good enough to tell findings apart (not for security).
 */
export function hashText(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, "0");
}
