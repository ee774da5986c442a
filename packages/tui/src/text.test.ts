import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { bufferOf, deleteLeft, deleteRight, fitWidth, insertText, isWellFormed, moveCursor, truncateWidth } from "./text.js";

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
