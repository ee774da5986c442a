import { describe, expect, test } from "vitest";
import { makeDiagnostic, rangeIn, sampleProject } from "../test-helpers.js";
import { escapeCommandData, escapeCommandProperty, formatGithub, formatGithubParts } from "./github.js";

function many(count: number, severity: "error" | "warning"): ReturnType<typeof makeDiagnostic>[] {
  const text = "x\n".repeat(count + 1);
  return Array.from({ length: count }, (_, index) =>
    makeDiagnostic({ code: `rule-${severity}`, severity, zh: `问题 ${index}`, en: `problem ${index}`, file: "z.yaml", range: rangeIn({ text, line: index + 1, column: 1, length: 1 }) }),
  );
}

describe("formatGithub", () => {
  test("writes one workflow command per finding with file, range and code", () => {
    const { annotations } = formatGithubParts(sampleProject().diagnostics, { lang: "zh" });
    expect(annotations.split("\n")[1]).toMatchInlineSnapshot(
      `"::error file=checklists/national/2024-1.yaml,line=9,col=29,endLine=9,endColumn=35,title=unknown-field::未知字段 colour%0A删除该字段，或检查拼写"`,
    );
    expect(annotations.split("\n").filter(Boolean).map((line) => line.slice(0, line.indexOf(" ")))).toEqual(["::error", "::error", "::error", "::warning", "::notice"]);
  });

  test("escapes data and properties the way GitHub's toolkit does", () => {
    expect(escapeCommandData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeCommandProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    const tricky = makeDiagnostic({ code: "x", severity: "error", zh: "a::b\nc", en: "", file: "dir,1/a:b.yaml" });
    expect(formatGithubParts([tricky], { lang: "zh" }).annotations).toBe("::error file=dir%2C1/a%3Ab.yaml,title=x::a::b%0Ac\n");
  });

  test("annotates at most ten per severity, errors first, and lists the rest in the summary", () => {
    const input = [...many(12, "warning"), ...many(11, "error")];
    const { annotations, summary } = formatGithubParts(input, { lang: "en" });
    const lines = annotations.trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    expect(lines.slice(0, 10).every((line) => line.startsWith("::error"))).toBe(true);
    expect(lines[0]).toContain("line=1,");
    expect(summary).toContain("3 more problems exceed GitHub's limit of 10 annotations per level");
    expect(summary.split("\n").filter((line) => line.startsWith("| z.yaml"))).toEqual([
      "| z.yaml:11:1 | error | `rule-error` | problem 10 |",
      "| z.yaml:11:1 | warning | `rule-warning` | problem 10 |",
      "| z.yaml:12:1 | warning | `rule-warning` | problem 11 |",
    ]);
  });

  test("prints the annotations then the summary as one text", () => {
    const out = formatGithub(many(1, "error"), { lang: "zh" });
    expect(out).toMatchInlineSnapshot(`
      "::error file=z.yaml,line=1,col=1,endLine=1,endColumn=2,title=rule-error::问题 0

      ### onething validate

      ✖ 1 个问题（1 个错误，0 个警告）
      "
    `);
  });
});
