import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { SIMPLE_WIDTH_TEXT, textWidth } from "./text-width.js";

/** Every code point of the Basic Multilingual Plane but the surrogates, as strings. */
const BMP = Array.from({ length: 0x10000 }, (_, code) => code)
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCharCode(code));

/** The characters textWidth counts by itself. */
const SIMPLE = BMP.filter((char) => SIMPLE_WIDTH_TEXT.test(char));

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("textWidth", () => {
  test("counts common text as string-width does", () => {
    expect(textWidth("提示 hint")).toBe(9);
    expect(textWidth("「新生儿出生」一件事，办理时限：５个工作日。")).toBe(stringWidth("「新生儿出生」一件事，办理时限：５个工作日。"));
    expect(textWidth("")).toBe(0);
  });

  test("the directly counted characters are the common ones", () => {
    for (const char of ["a", " ", "~", "é", "—", "“", "…", "　", "、", "あ", "ア", "中", "㐀", "，", "￥"]) expect(SIMPLE_WIDTH_TEXT.test(char)).toBe(true);
    for (const char of ["\t", "\u001B", "\u00AD", "©", "®", "\u200D", "\u302A", "\u3099", "가", "\u1100", "✔", "\uFE0F", "\uFF9E", "😀"]) expect(SIMPLE_WIDTH_TEXT.test(char)).toBe(false);
  });

  test("every character of the Basic Multilingual Plane measures as string-width measures it", () => {
    const wrong = BMP.filter((char) => textWidth(char) !== stringWidth(char)).map((char) => char.charCodeAt(0).toString(16));
    expect(wrong).toEqual([]);
  }, 60_000);

  test("no directly counted character joins its neighbour into one grapheme, in order or shuffled", () => {
    const next = random(7);
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    for (const chars of [SIMPLE, [...SIMPLE].sort(() => next() - 0.5)]) {
      // In overlapping runs of 64: ICU segments one long run of ideographs in quadratic time.
      for (let start = 0; start < chars.length; start += 63) {
        const run = chars.slice(start, start + 64);
        const text = run.join("");
        expect([...segmenter.segment(text)].length, text).toBe(run.length);
        expect(textWidth(text), text).toBe(stringWidth(text));
      }
    }
  }, 60_000);

  test("mixed text (emoji, combining marks, escapes, Hangul jamo) agrees with string-width", () => {
    const next = random(11);
    const pool = [...SIMPLE.filter((_, index) => index % 97 === 0), "\t", "\u001B[31m", "\u0301", "\u200D", "\uFE0F", "👍🏽", "🇨🇳", "\u1100\u1161", "가", "©", "✔", "\u3099", "\u00AD"];
    for (let round = 0; round < 2000; round++) {
      const length = 1 + Math.floor(next() * 12);
      const text = Array.from({ length }, () => pool[Math.floor(next() * pool.length)] ?? "").join("");
      expect(textWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });
});
