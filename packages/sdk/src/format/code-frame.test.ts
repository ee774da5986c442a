import { describe, expect, test } from "vitest";
import stringWidth from "string-width";
import { createColors } from "../ansi.js";
import { rangeIn } from "../test-helpers.js";
import { formatCodeFrame } from "./code-frame.js";

const colors = createColors(false);

describe("formatCodeFrame", () => {
  test.each([
    { name: "ascii", line: "  lead: dept.x", column: 9, length: 6, offset: 8 },
    { name: "after Chinese", line: "  name: { zh: 新生儿出生, bad: 1 }", column: 22, length: 3, offset: 26 },
    { name: "Chinese range", line: "  stage: 出生", column: 10, length: 2, offset: 9 },
    { name: "after a tab", line: "\tlevel: x", column: 2, length: 5, offset: 4 },
    { name: "tab after Chinese", line: "中\tx", column: 3, length: 1, offset: 4 },
    { name: "astral character", line: "𠮷: 1", column: 1, length: 2, offset: 0 },
  ])("the caret lands under the range ($name)", ({ line, column, length, offset }) => {
    const text = `a: 1\n${line}\nb: 2\n`;
    const range = rangeIn({ text, line: 2, column, length });
    const frame = formatCodeFrame({ source: text, range, colors });
    const lines = frame.split("\n");
    const sourceLine = lines[1] ?? "";
    const caretLine = lines[2] ?? "";
    // Both lines share the gutter, so the caret's display column minus the text's start column is the offset.
    const textStart = sourceLine.indexOf("| ") + 2;
    expect(stringWidth(caretLine.slice(0, caretLine.indexOf("^"))) - textStart).toBe(offset);
    const caret = caretLine.slice(caretLine.indexOf("^"));
    const expectedWidth = stringWidth(line.slice(column - 1, column - 1 + length).replaceAll("\t", "    "));
    expect(caret.length).toBe(Math.max(1, expectedWidth));
  });

  test("shows two lines of context on each side, with a gutter", () => {
    const text = ["l1", "l2", "l3", "l4", "l5", "l6", "l7"].join("\n");
    const frame = formatCodeFrame({ source: text, range: rangeIn({ text, line: 4, column: 1, length: 2 }), colors });
    expect(frame).toMatchInlineSnapshot(`
      "  2 | l2
        3 | l3
      > 4 | l4
          | ^~
        5 | l5
        6 | l6"
    `);
  });

  test("replaces control characters so the source cannot drive the terminal", () => {
    const text = "a: \u001B[31mred\n";
    const frame = formatCodeFrame({ source: text, range: rangeIn({ text, line: 1, column: 1, length: 1 }), colors });
    expect(frame).not.toContain("\u001B");
  });

  test("returns an empty frame for a line outside the text", () => {
    const text = "a: 1\n";
    const range = { start: { line: 9, column: 1, offset: 99 }, end: { line: 9, column: 2, offset: 100 } };
    expect(formatCodeFrame({ source: text, range, colors })).toBe("");
  });

  test("marks the whole rest of the line for a range spanning lines", () => {
    const text = "key: [\n  1]\n";
    const range = { start: { line: 1, column: 6, offset: 5 }, end: { line: 2, column: 5, offset: 11 } };
    expect(formatCodeFrame({ source: text, range, colors }).split("\n")[1]).toBe("    |      ^");
  });

  describe("long lines are cut to a window around the caret", () => {
    const long = "x".repeat(200_000);
    const widest = (frame: string) => Math.max(...frame.split("\n").map((line) => stringWidth(line)));

    test.each([
      { name: "caret deep inside the long line", text: `a: 1\ntitle: ${long}\nb: 2\n`, line: 2, column: 100_000 },
      { name: "caret at the long line's end", text: `a: 1\ntitle: ${long}\nb: 2\n`, line: 2, column: 200_007 },
      { name: "long context line above the caret", text: `title: ${long}\nbad: 1\n`, line: 2, column: 1 },
      { name: "long context line below the caret", text: `bad: 1\ntitle: ${long}\n`, line: 1, column: 1 },
    ])("$name: every frame line stays within about 160 columns", ({ text, line, column }) => {
      const frame = formatCodeFrame({ source: text, range: rangeIn({ text, line, column, length: 3 }), colors });
      expect(frame).toContain("^");
      expect(widest(frame)).toBeLessThanOrEqual(180);
    });

    test("marks the cut sides with an ellipsis and keeps the caret under the span", () => {
      const text = `title: ${"a".repeat(1000)}BAD${"b".repeat(1000)}\n`;
      const frame = formatCodeFrame({ source: text, range: rangeIn({ text, line: 1, column: 1008, length: 3 }), colors });
      const [source = "", caret = ""] = frame.split("\n");
      const body = source.slice(source.indexOf("| ") + 2);
      expect(body.startsWith("…")).toBe(true);
      expect(body.endsWith("…")).toBe(true);
      const caretAt = caret.indexOf("^") - (caret.indexOf("| ") + 2);
      expect(body.slice(caretAt, caretAt + 3)).toBe("BAD");
      expect(caret.slice(caret.indexOf("^"))).toBe("^~~");
    });

    test.each([
      { name: "left side cut", before: 500, after: 0 },
      { name: "right side cut", before: 0, after: 500 },
      { name: "both sides cut", before: 500, after: 500 },
    ])("keeps the caret aligned under Chinese ($name)", ({ before, after }) => {
      const line = `title: ${"新生儿出生".repeat(before / 5)}户口${"登记".repeat(after / 2)}`;
      const column = line.indexOf("户口") + 1;
      const text = `${line}\n`;
      const frame = formatCodeFrame({ source: text, range: rangeIn({ text, line: 1, column, length: 2 }), colors });
      const [source = "", caretLine = ""] = frame.split("\n");
      const textStart = stringWidth(source.slice(0, source.indexOf("| ") + 2));
      const offset = stringWidth(caretLine.slice(0, caretLine.indexOf("^"))) - textStart;
      // The display columns in front of "户口" in the printed line equal the caret's offset.
      const body = source.slice(source.indexOf("| ") + 2);
      expect(stringWidth(body.slice(0, body.indexOf("户口")))).toBe(offset);
      expect(caretLine.slice(caretLine.indexOf("^"))).toBe("^~~~");
      expect(widest(frame)).toBeLessThanOrEqual(180);
      expect(body.startsWith("…")).toBe(before > 0);
      expect(body.endsWith("…")).toBe(after > 0);
    });
  });
});
