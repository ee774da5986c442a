import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hashText } from "../src/index.js";
import { deepEqual } from "../src/values.js";

/** FNV-1a 64 over UTF-16 code units with BigInt, the definition `hashText` must keep giving. */
function referenceHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code));

describe("hashText", () => {
  test("gives the published FNV-1a 64 values and the fingerprints already handed out", () => {
    expect(hashText("")).toBe("cbf29ce484222325");
    expect(hashText("a")).toBe("af63dc4c8601ec8c");
    expect(hashText("foobar")).toBe("85944171f73967e8");
    expect(hashText("newborn-birth")).toBe("e41256c8fb73c11e");
  });

  test("equals the BigInt definition on any text: surrogates, CJK, emoji, long texts", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: codeUnit, maxLength: 200 }),
          fc.string({ unit: cjk, maxLength: 200 }),
          fc.string({ unit: "grapheme", maxLength: 60 }),
          fc.string({ unit: fc.constantFrom("\u0000", "\uffff", "\ud800", "\udfff", "a", "生", "😀"), maxLength: 400 }),
        ),
        (text) => hashText(text) === referenceHash(text),
      ),
      { numRuns: 2000 },
    );
  });

  test("keeps leading zeros: always 16 hex digits", () => {
    // Found by search: texts whose hash has a zero high or low half would print short without the padding.
    const texts = Array.from({ length: 20_000 }, (_, index) => `t${index}`);
    for (const text of texts) expect(hashText(text)).toBe(referenceHash(text));
    expect(texts.some((text) => referenceHash(text).startsWith("0"))).toBe(true);
  });
});

/** The definition `deepEqual` keeps: keys with undefined values do not count. */
function referenceEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const record = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((element, index) => referenceEqual(element, b[index]));
  if (record(a) && record(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const other = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === other.length && keys.every((key) => referenceEqual(a[key], b[key]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

describe("deepEqual", () => {
  const leaf = fc.oneof(fc.constantFrom(undefined, null, Number.NaN, 0, 1, "", "a", true), fc.integer({ min: -2, max: 2 }));
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("a", "b", "c"), tie("value"), { maxKeys: 3 }),
    ),
  }));

  test("agrees with the definition on small values (often equal, undefined members, NaN, arrays against mappings)", () => {
    fc.assert(
      fc.property(value, value, (a, b) => deepEqual(a, b) === referenceEqual(a, b) && deepEqual(a, structuredClone(a))),
      { numRuns: 3000 },
    );
  });

  test("ignores members whose value is undefined, on either side", () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, c: undefined })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual([1, { x: [] }], [1, { x: [] }])).toBe(true);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
  });
});
