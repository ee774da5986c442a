/** A plain object (not an array, not null). */
export type PlainObject = Record<string, unknown>;

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of plain data (objects compared key by key, arrays element by element). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((element, index) => deepEqual(element, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const other = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === other.length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/** Escapes one JSON Pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Splits a JSON Pointer into its unescaped segments (`""` → `[]`). */
export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * A 64-bit FNV-1a hash of a string's UTF-16 code units as 16 hex digits: stable across runs and platforms,
 * browser-safe, and good enough to tell changes and findings apart (not for security).
 *
 * @example
 * hashText("newborn-birth"); // "e41256c8fb73c11e", on every platform
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

/**
 * How similar two texts are, 0..1: the Dice coefficient of their character bigrams (a one-character
 * text counts as its single character).
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (text: string) => {
    const chars = [...text];
    if (chars.length < 2) return chars;
    return chars.slice(1).map((char, index) => `${chars[index]}${char}`);
  };
  const left = grams(a);
  const right = grams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const gram of left) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of right) {
    const count = counts.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
