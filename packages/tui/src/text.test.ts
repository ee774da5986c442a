import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { bufferOf, deleteLeft, deleteRight, fitWidth, graphemes, insertText, isWellFormed, moveCursor, truncateWidth, widthOf } from "./text.js";

describe("width-aware text", () => {
  it.each([
    ["新生儿出生一件事", 9, "新生儿出…"],
    ["新生儿出生", 10, "新生儿出生"],
    ["ab𠮷cd", 4, "ab…"],
    ["abc", 0, ""],
  ])("truncates %s to %i columns as %s", (text, width, expected) => {
    const cut = truncateWidth(text, width);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });

  it("pads to exactly the width, wide characters counting two", () => {
    for (const text of ["承诺时限", "a新b", "𠮷", ""]) expect(stringWidth(fitWidth(text, 7))).toBe(7);
  });

  // The widths are counted per code unit where that cannot differ from string-width (see widthOf): these
  // compare every code unit of the Basic Multilingual Plane, and random mixes, with string-width itself.
  it("measures every BMP code unit, between and beside others, as string-width does", () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const text = `a${String.fromCharCode(code)}${String.fromCharCode(code)}b`;
      if (widthOf(text) !== stringWidth(text)) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it("measures, cuts and pads mixed text (marks, emoji sequences, Hangul jamo, tabs) as string-width and graphemes do", () => {
    const pieces = ["a", " ", "新", "生", "…", "›", "▸", "│", "—", "𠮷", "👍🏽", "e\u0301", "\u200D", "\uFE0F", "ｶ", "ﾞ", "한", "\u1100\u1161", "✗", "⚠", "（", "、", "\u3099", "①", "⌚", "\u00AD", "\t", "ำ"];
    // The cut as it was made before the per-code-unit counting: grapheme by grapheme with string-width.
    const reference = (text: string, width: number): string => {
      if (width <= 0) return "";
      if (stringWidth(text) <= width) return text;
      let out = "";
      let used = 0;
      for (const segment of graphemes(text)) {
        if (used + stringWidth(segment) > width - 1) break;
        out += segment;
        used += stringWidth(segment);
      }
      return `${out}…`;
    };
    let seed = 20240116;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * below);
    };
    for (let round = 0; round < 3000; round += 1) {
      const text = Array.from({ length: random(24) }, () => pieces[random(pieces.length)]).join("");
      const width = random(30);
      expect(widthOf(text)).toBe(stringWidth(text));
      const cut = reference(text, width);
      expect(truncateWidth(text, width)).toBe(cut);
      expect(fitWidth(text, width)).toBe(cut + " ".repeat(Math.max(0, width - stringWidth(cut))));
    }
  });
});

describe("the edit buffer", () => {
  it("moves over and deletes 𠮷 (a surrogate pair) as one character", () => {
    const buffer = bufferOf("a𠮷b");
    const left = moveCursor(buffer, -1);
    expect(left.cursor).toBe(3);
    expect(deleteLeft(left)).toEqual({ text: "ab", cursor: 1 });
    expect(deleteRight(moveCursor(left, -1))).toEqual({ text: "ab", cursor: 1 });
  });

  it("deletes several graphemes at once and stops at the start", () => {
    expect(deleteLeft(bufferOf("新生儿"), 5)).toEqual({ text: "", cursor: 0 });
  });

  it("drops control characters from inserted text", () => {
    expect(insertText(bufferOf("a"), "b\n\u001B[31mc")).toEqual({ text: "ab[31mc", cursor: 7 });
  });

  it("refuses lone surrogates", () => {
    expect(isWellFormed("𠮷")).toBe(true);
    expect(isWellFormed("\uD842")).toBe(false);
  });
});
