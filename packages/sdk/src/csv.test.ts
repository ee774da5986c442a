import { describe, expect, test } from "vitest";
import { toCsv } from "./csv.js";

describe("toCsv", () => {
  test.each([
    { name: "plain Chinese cells", rows: [["事项", "跑动次数"], ["新生儿出生", 0]], expected: "\uFEFF事项,跑动次数\r\n新生儿出生,0\r\n" },
    { name: "comma, quote and line break are quoted", rows: [["a,b", 'say "hi"', "two\nlines", "x\r\ny"]], expected: '\uFEFF"a,b","say ""hi""","two\nlines","x\r\ny"\r\n' },
    { name: "empty and missing cells", rows: [["", undefined, "z"]], expected: "\uFEFF,,z\r\n" },
    { name: "formula-like text is defused, numbers are not", rows: [["=SUM(A1)", "-1", "@x", -50, 66.7]], expected: "\uFEFF'=SUM(A1),'-1,'@x,-50,66.7\r\n" },
    { name: "no rows: just the byte order mark", rows: [], expected: "\uFEFF" },
  ])("$name", ({ rows, expected }) => {
    expect(toCsv(rows)).toBe(expected);
  });
});
