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
});
