import { describe, expect, test } from "vitest";
import { sortDiagnostics } from "../diagnostics.js";
import { makeDiagnostic, sampleProject } from "../test-helpers.js";
import { escapeTableCell, formatMarkdown } from "./markdown.js";

describe("formatMarkdown", () => {
  const { diagnostics } = sampleProject();

  test("writes a table per file and a summary", () => {
    const out = formatMarkdown(sortDiagnostics(diagnostics), { lang: "zh" });
    expect(out.match(/^\| 位置 \| 严重性 \| 代码 \| 说明 \|$/gmu)).toHaveLength(2);
    expect(out.match(/^### /gmu)).toHaveLength(2);
    expect(out).toContain("| 9:29 | 错误 | `unknown-field` | 未知字段 colour<br>建议：删除该字段，或检查拼写 |");
    expect(out.trimEnd().split("\n").at(-1)).toBe("**✖ 5 个问题（3 个错误，1 个警告，1 个提示）**");
  });

  test("escapes pipes and line breaks so a message cannot break the table", () => {
    expect(escapeTableCell("a|b\nc")).toBe("a\\|b<br>c");
    const piped = makeDiagnostic({ code: "x", severity: "warning", zh: "值 a|b", en: "value a|b", file: "a.yaml" });
    const row = formatMarkdown([piped], { lang: "en" }).split("\n").find((line) => line.startsWith("|  |"));
    expect(row).toBe("|  | warning | `x` | value a\\|b |");
  });

  test("honours maxProblems", () => {
    expect(formatMarkdown(diagnostics, { lang: "en", maxProblems: 1 })).toContain("… and 4 more problems");
  });
});
