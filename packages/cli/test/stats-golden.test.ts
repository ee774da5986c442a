import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { displayWidth } from "@onething/sdk";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

// Golden runs of `onething stats` and `onething export` over (a) fixtures/local/ — two national batches, a
// local list extending the first with a patch, a not-applicable mark and a matter of its own, metrics
// before/after and one published-only percentage — and (b) the real checklists/ at the repository root.
// Rewrite the expected outputs with UPDATE_GOLDEN=1 after an intended change, then review the diff.
const fixture = fileURLToPath(new URL("./fixtures/local/", import.meta.url));
const repository = fileURLToPath(new URL("../../../", import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";

async function run(cwd: string, argv: string[]) {
  const io = createIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function expectGolden(file: string, actual: string): void {
  if (update) writeFileSync(golden(file), actual);
  expect(actual).toBe(readFileSync(golden(file), "utf8"));
}

const LOCAL = ["--checklist", "fixture.demo-city"];

describe("golden output of stats and export on fixtures/local", () => {
  test.each([
    { file: "stats.text.txt", argv: ["stats", ...LOCAL, "--by", "stage"] },
    { file: "stats.text.en.txt", argv: ["stats", ...LOCAL, "--by", "stage", "--lang", "en"] },
    { file: "stats.department.text.txt", argv: ["stats", ...LOCAL, "--by", "department"] },
    { file: "stats.merged.text.txt", argv: ["stats", "--by", "batch"] },
    { file: "stats.markdown.md", argv: ["stats", ...LOCAL, "--by", "stage", "--format", "markdown"] },
    { file: "stats.json.json", argv: ["stats", ...LOCAL, "--by", "stage", "--format", "json"] },
    { file: "stats.csv.csv", argv: ["stats", ...LOCAL, "--by", "stage", "--format", "csv"] },
    { file: "stats.coverage.text.txt", argv: ["stats", ...LOCAL, "--coverage"] },
    { file: "stats.coverage.text.en.txt", argv: ["stats", ...LOCAL, "--coverage", "--lang", "en"] },
    { file: "stats.coverage.markdown.md", argv: ["stats", ...LOCAL, "--coverage", "--format", "markdown"] },
    { file: "stats.coverage.json.json", argv: ["stats", ...LOCAL, "--coverage", "--format", "json"] },
    { file: "stats.coverage.csv.csv", argv: ["stats", ...LOCAL, "--coverage", "--format", "csv"] },
    { file: "export.json.json", argv: ["export", ...LOCAL] },
    { file: "export.csv.csv", argv: ["export", ...LOCAL, "--format", "csv"] },
    { file: "export.en.csv", argv: ["export", ...LOCAL, "--format", "csv", "--lang", "en"] },
  ])("$file", async ({ file, argv }) => {
    const result = await run(fixture, argv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectGolden(file, result.stdout);
  });
});

describe("golden output of stats on the real checklists/", () => {
  test.each([
    { file: "stats.checklists.text.txt", argv: ["stats", "--by", "stage"] },
    { file: "stats.checklists.text.en.txt", argv: ["stats", "--by", "stage", "--lang", "en"] },
    { file: "stats.checklists.markdown.md", argv: ["stats", "--by", "stage", "--format", "markdown"] },
    { file: "stats.checklists.json.json", argv: ["stats", "--by", "stage", "--format", "json"] },
    { file: "stats.checklists.csv.csv", argv: ["stats", "--by", "stage", "--format", "csv"] },
    { file: "stats.checklists.coverage.text.txt", argv: ["stats", "--coverage"] },
    { file: "stats.checklists.coverage.markdown.md", argv: ["stats", "--coverage", "--format", "markdown"] },
    { file: "stats.checklists.coverage.json.json", argv: ["stats", "--coverage", "--format", "json"] },
    { file: "stats.checklists.coverage.csv.csv", argv: ["stats", "--coverage", "--format", "csv"] },
  ])("$file", async ({ file, argv }) => {
    const result = await run(repository, [...argv, "checklists/national"]);
    expect(result.code).toBe(0);
    expectGolden(file, result.stdout);
  });
});

describe("what a user notices", () => {
  test("the local list's figures: the patch's trips, the not-applicable matter left out, the published percentage apart", async () => {
    const { stdout } = await run(fixture, ["stats", ...LOCAL, "--format", "json"]);
    const report = JSON.parse(stdout).checklists[0].reductions;
    const trips = report.overall.metrics.find((metric: { metric: string }) => metric.metric === "trips");
    expect(report).toMatchObject({ matters: 4, notApplicable: 1 });
    expect(trips).toMatchObject({ matters: 2, before: 8, after: 1, reduction: 87.5, published: [{ matter: "open-restaurant", percent: 81 }] });
  });

  test("the text table reads before → after with the change, and marks the published figure", async () => {
    const { stdout } = await run(fixture, ["stats", ...LOCAL]);
    expect(stdout).toContain("跑动次数        8 → 1（−87.5%）");
    expect(stdout).toContain("−81%（开办餐饮店）");
    expect(stdout).toContain("公布值（仅有百分比）");
  });

  test("text columns align by display width (Chinese characters count two)", async () => {
    const { stdout } = await run(fixture, ["stats", ...LOCAL, "--by", "stage"]);
    const rows = stdout.split("\n").filter((line) => /^ {2}(办理|申请|跑动|表单)/u.test(line));
    const starts = new Set(rows.map((line) => displayWidth(line.slice(0, line.search(/\d|—/u)))));
    expect(rows.length).toBeGreaterThan(5);
    expect(starts.size).toBe(1);
  });

  test("the coverage map lists empty stages and the national matter the local list lacks", async () => {
    const { stdout } = await run(fixture, ["stats", ...LOCAL, "--coverage", "--format", "json"]);
    const report = JSON.parse(stdout).checklists[0].coverage;
    expect(report.subjects.flatMap((subject: { emptyStages: string[] }) => subject.emptyStages)).toEqual(["hiring", "exit", "education"]);
    expect(report.lacking.map((matter: { id: string; checklist: string }) => `${matter.checklist} ${matter.id}`)).toEqual(["fixture.national.2025-1 school-enrolment"]);
  });

  test("the real national lists carry no metrics: stats says so instead of printing 0%", async () => {
    const { stdout } = await run(repository, ["stats", "checklists/national"]);
    expect(stdout).toContain("没有一个事项记录了“四减”指标");
    expect(stdout).not.toMatch(/\b0%/u);
  });

  test("CSV bytes: a UTF-8 BOM, CRLF line ends and a Chinese cell intact", async () => {
    const { stdout } = await run(fixture, ["export", ...LOCAL, "--format", "csv"]);
    const bytes = Buffer.from(stdout, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    const lines = decoded.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(decoded.replaceAll("\r\n", "")).not.toContain("\n");
    expect(lines[0]?.split(",").slice(0, 3)).toEqual(["编号", "名称", "英文名称"]);
    const beer = lines.find((line) => line.startsWith("beer-festival-merchant,"));
    expect(beer?.split(",")[1]).toBe("啤酒节商户入驻");
    expect(beer).toContain('"示例来源, 含逗号"');
  });

  test("export without --checklist takes the only checklist under the paths when none is national", async () => {
    const result = await run(fixture, ["export", "local"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: "fixture.demo-city", count: 5 });
  });

  test("--output writes the same bytes atomically", async () => {
    const { mkdtempSync, readFileSync: read, cpSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const directory = mkdtempSync(`${tmpdir()}/onething-stats-`);
    cpSync(fixture, directory, { recursive: true });
    const direct = await run(directory, ["stats", ...LOCAL, "--format", "csv"]);
    const written = await run(directory, ["stats", ...LOCAL, "--format", "csv", "--output", "out.csv"]);
    expect(written).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(read(`${directory}/out.csv`, "utf8")).toBe(direct.stdout);
  });

  test.each([
    { argv: ["stats", "--by", "city"], message: "不支持的分组方式“city”" },
    { argv: ["stats", "--format", "sarif"], message: "不支持的输出格式“sarif”" },
    { argv: ["stats", "--checklist", "nope"], message: "找不到清单“nope”" },
    { argv: ["stats", "missing-folder"], message: "无法读取路径“missing-folder”" },
    { argv: ["export", "--format", "xlsx"], message: "不支持的导出格式“xlsx”" },
    { argv: ["export", "--checklist", "a", "--checklist", "b"], message: "一次只导出一份清单" },
  ])("bad usage exits 2: $argv", async ({ argv, message }) => {
    const result = await run(fixture, argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  test.each([
    { argv: ["stats", "--help"], expected: "用法：onething stats" },
    { argv: ["stats", "--help", "--lang", "en"], expected: "Usage: onething stats" },
    { argv: ["export", "-h"], expected: "用法：onething export" },
    { argv: ["export", "-h", "--lang", "en"], expected: "Usage: onething export" },
    { argv: ["--help"], expected: "  stats [路径…]" },
    { argv: ["--lang", "en", "--help"], expected: "  export [paths…]" },
  ])("help: $argv", async ({ argv, expected }) => {
    const result = await run(fixture, argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });
});
