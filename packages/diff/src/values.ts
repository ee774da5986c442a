/** A plain object (not an array, not null). */
export type PlainObject = Record<string, unknown>;

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of plain data (objects compared key by key, ignoring keys whose value is undefined; arrays element by element). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  // Loops rather than keys().filter().every(): the diff compares tens of thousands of values and allocates nothing here.
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) {
      if (index in a && !deepEqual(a[index], b[index])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as PlainObject;
  const right = b as PlainObject;
  let defined = 0;
  for (const key in left) {
    if (!Object.prototype.hasOwnProperty.call(left, key) || left[key] === undefined) continue;
    if (!deepEqual(left[key], right[key])) return false;
    defined++;
  }
  for (const key in right) {
    if (Object.prototype.hasOwnProperty.call(right, key) && right[key] !== undefined) defined--;
  }
  return defined === 0;
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
  // The 64-bit state as two 32-bit halves (BigInt arithmetic allocates on every step).
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = 0; index < text.length; index++) {
    low = (low ^ text.charCodeAt(index)) >>> 0;
    // × 0x100000001b3 = × 0x1b3, plus the state shifted left by 40 (the low half's bits 0–23 into the high half's 8–31).
    const product = low * 0x1b3;
    const lowNext = product >>> 0;
    high = (Math.imul(high, 0x1b3) + (product - lowNext) / 0x100000000 + (low << 8)) >>> 0;
    low = lowNext;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
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
