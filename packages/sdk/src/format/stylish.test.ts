import { describe, expect, test } from "vitest";
import stringWidth from "string-width";
import { sortDiagnostics } from "../diagnostics.js";
import { makeDiagnostic, sampleProject } from "../test-helpers.js";
import { formatStylish } from "./stylish.js";

describe("formatStylish", () => {
  const { sources, diagnostics } = sampleProject();
  const sorted = sortDiagnostics(diagnostics);

  test("prints a header per file, each problem with line:col, severity, message and code", () => {
    const out = formatStylish(sorted, { lang: "zh", sources });
    const problemLines = out.split("\n").filter((line) => /^ +\d+:\d+ /u.test(line));
    expect(problemLines.map((line) => line.trim().split(/ {2,}/u))).toEqual([
      ["5:7", "提示", "缺少英文名称", "missing-en-name"],
      ["6:2", "错误", "不能用制表符缩进", "yaml-syntax"],
      ["9:29", "错误", "未知字段 colour", "unknown-field"],
      ["10:44", "错误", "未知部门 dept.unknown", "unknown-department"],
      ["11:14", "警告", "阶段 出生 不是阶段编号", "unknown-stage"],
    ]);
    expect(out.indexOf("checklists/departments.yaml")).toBeLessThan(out.indexOf("checklists/national/2024-1.yaml"));
  });

  test("aligns the caret under the offending key after Chinese text", () => {
    const lines = formatStylish(sorted, { lang: "zh", sources }).split("\n");
    const marked = lines.findIndex((line) => line.includes("> ") && line.includes("colour: red"));
    const source = lines[marked] ?? "";
    const caret = lines[marked + 1] ?? "";
    expect(stringWidth(caret.slice(0, caret.indexOf("^")))).toBe(stringWidth(source.slice(0, source.indexOf("colour"))));
    expect(caret.slice(caret.indexOf("^"))).toBe("^~~~~~");
  });

  test("pins the wording of one problem and the summary", () => {
    const one = sorted.filter((d) => d.code === "unknown-field");
    expect(formatStylish(one, { lang: "zh", sources })).toMatchInlineSnapshot(`
      "checklists/national/2024-1.yaml
        9:29  错误  未知字段 colour  unknown-field
             7 |   matters:
             8 |     - id: newborn-birth
          >  9 |       name: { zh: 新生儿出生一件事, colour: red }
               |                                     ^~~~~~
            10 |       owners: { lead: dept.nhc, partners: [dept.unknown] }
            11 |       stage: 出生
          建议：删除该字段，或检查拼写

      ✖ 1 个问题（1 个错误，0 个警告）
      "
    `);
    expect(formatStylish(sorted, { lang: "en" }).split("\n").at(-2)).toBe("✖ 5 problems (3 errors, 1 warning, 1 info)");
    expect(formatStylish(sorted, { lang: "zh" }).split("\n").at(-2)).toBe("✖ 5 个问题（3 个错误，1 个警告，1 个提示）");
  });

  test("says so when there is nothing to report", () => {
    expect(formatStylish([], { lang: "zh" })).toBe("✔ 没有发现问题\n");
    expect(formatStylish([], { lang: "en" })).toBe("✔ No problems found\n");
  });

  test("uses ANSI colours only when asked", () => {
    expect(formatStylish(sorted, { lang: "zh", sources })).not.toContain("\u001B[");
    expect(formatStylish(sorted, { lang: "zh", sources, color: true })).toContain("\u001B[31m错误");
  });

  test("shows at most maxProblems, the errors first, and counts the rest", () => {
    const out = formatStylish(sorted, { lang: "zh", maxProblems: 3 });
    expect(out).toContain("…还有 2 个问题未显示");
    expect(out).not.toContain("missing-en-name");
    expect(out).not.toContain("unknown-stage");
    expect(formatStylish(sorted, { lang: "en", maxProblems: 4 })).toContain("… and 1 more problem\n");
    expect(out).toContain("✖ 5 个问题");
  });

  test("lists findings about the whole run under their own header", () => {
    const run = makeDiagnostic({ code: "no-documents", severity: "error", zh: "没有可校验的文件", en: "Nothing to validate" });
    expect(formatStylish([run], { lang: "zh" }).split("\n")[0]).toBe("（整个项目）");
  });

  test("keeps control characters in messages away from the terminal", () => {
    const evil = makeDiagnostic({ code: "x", severity: "error", zh: "坏\u001B[2J值", en: "bad", file: "a.yaml" });
    expect(formatStylish([evil], { lang: "zh" })).not.toContain("\u001B");
  });

  test("formats 5,000 findings in one large file, each with its own frame, and no line runs wide", () => {
    const lines = Array.from({ length: 5000 }, (_, index) => `  field${index}: { zh: ${"很长的标题".repeat(40)} }`);
    const text = `title: ${"x".repeat(200_000)}\n${lines.join("\n")}\n`;
    const many = lines.map((_, index) =>
      makeDiagnostic({ code: "schema-unknown-field", severity: "error", zh: `未知字段 field${index}`, en: `Unknown field field${index}`, file: "big.yaml", range: { start: { line: index + 2, column: 3, offset: 0 }, end: { line: index + 2, column: 8, offset: 0 } } }),
    );
    const out = formatStylish(many, { lang: "en", sources: new Map([["big.yaml", text]]) });
    expect(out.split("\n").filter((line) => line.startsWith("    > "))).toHaveLength(5000);
    expect(out).toContain("    > 5001 |   field4999: { zh: ");
    expect(out).toContain("✖ 5000 problems (5000 errors, 0 warnings)");
    expect(Math.max(...out.split("\n").map((line) => stringWidth(line)))).toBeLessThanOrEqual(200);
  });
});
