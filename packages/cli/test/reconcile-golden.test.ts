import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

// Golden end-to-end runs of `reconcile` and `resolve` over fixtures/reconcile/ (a national batch, a city
// list extending it, a ledger with a matter in every category). Rewrite with UPDATE_GOLDEN=1 after an
// intended change, then review the diff.
const fixture = fileURLToPath(new URL("./fixtures/reconcile/", import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";

async function run(argv: string[], cwd = fixture) {
  const io = createIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function matchGolden(actual: string, file: string): void {
  if (update) writeFileSync(golden(file), actual);
  expect(actual).toBe(readFileSync(golden(file), "utf8"));
}

describe("golden output of onething reconcile on fixtures/reconcile", () => {
  test.each([
    { format: "text", lang: "zh", file: "reconcile.text.txt" },
    { format: "text", lang: "en", file: "reconcile.text.en.txt" },
    { format: "markdown", lang: "zh", file: "reconcile.markdown.md" },
    { format: "json", lang: "zh", file: "reconcile.json.json" },
    { format: "csv", lang: "zh", file: "reconcile.csv.csv" },
  ])("$format ($lang) matches golden/$file", async ({ format, lang, file }) => {
    const result = await run(["reconcile", "--format", format, "--lang", lang, "--today", "2025-07-01"]);
    expect(result.code).toBe(0);
    // The fixture ledger names a former id and an unknown matter on purpose, which validation flags.
    expect(result.stderr).toContain(lang === "zh" ? "校验发现 1 个错误" : "validation found 1 error,");
    matchGolden(result.stdout, file);
  });

  test("every category, the former-id mapping and the findings reach the JSON report", async () => {
    const report = JSON.parse((await run(["reconcile", "--format", "json", "--today", "2025-07-01"])).stdout).reports[0];
    expect(Object.fromEntries(report.matters.map((m: { id: string; category: string }) => [m.id, m.category]))).toEqual({
      "newborn-birth": "landed",
      "enterprise-info-change": "landed",
      "open-transport-enterprise": "in-progress",
      "listing-compliance-check": "not-applicable",
      "utilities-joint-connection": "overdue",
      "credit-repair": "overdue",
      "bankruptcy-info-check": "not-applicable",
      "school-enrolment": "awaiting-plan",
      "social-security-card": "missing",
      "beer-festival-merchant-entry": "landed",
    });
    expect(report.mapped.map((m: { from: string; to: string }) => `${m.from}→${m.to}`)).toEqual(["beer-festival-entry→beer-festival-merchant-entry"]);
    const found = report.diagnostics.map((d: { code: string; file: string; range: { start: { line: number; column: number } } }) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`);
    expect(found).toEqual([
      "checklists/local/city-progress.yaml:12:43 progress-version-mismatch",
      "checklists/local/city-progress.yaml:27:17 progress-former-id",
      "checklists/local/city-progress.yaml:28:17 progress-unknown-matter",
    ]);
  });

  test("a planned matter is only overdue once its due date has passed", async () => {
    const earlier = JSON.parse((await run(["reconcile", "--format", "json", "--today", "2025-03-01"])).stdout).reports[0];
    expect(earlier.summary.counts).toMatchObject({ overdue: 0, planned: 1, "in-progress": 2 });
  });

  test("csv has a BOM, CRLF line ends and one row per matter", async () => {
    const csv = (await run(["reconcile", "--format", "csv", "--today", "2025-07-01"])).stdout;
    expect(csv.startsWith("\uFEFFprogress,checklist,")).toBe(true);
    expect(csv.split("\r\n").length - 2).toBe(10);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
  });
});

describe("golden output of onething resolve on fixtures/reconcile", () => {
  test.each([
    { argv: ["resolve", "fixture.city"], file: "resolve.yaml" },
    { argv: ["resolve", "fixture.city", "--with-origin"], file: "resolve.origin.yaml" },
    { argv: ["resolve", "fixture.city", "--with-origin", "--format", "json", "--lang", "en"], file: "resolve.origin.json" },
  ])("$argv matches golden/$file", async ({ argv, file }) => {
    const result = await run(argv);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    matchGolden(result.stdout, file);
  });
});

describe("golden output of onething reconcile on the real checklists/", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));

  test.each([
    { format: "text", lang: "zh", file: "reconcile.checklists.txt" },
    { format: "text", lang: "en", file: "reconcile.checklists.en.txt" },
    { format: "markdown", lang: "zh", file: "reconcile.checklists.markdown.md" },
    { format: "json", lang: "zh", file: "reconcile.checklists.json.json" },
    { format: "csv", lang: "zh", file: "reconcile.checklists.csv.csv" },
  ])("the Qingdao example ledger in $format ($lang) matches golden/$file", async ({ format, lang, file }) => {
    const result = await run(["reconcile", "--format", format, "--lang", lang, "--today", "2025-12-15"], root);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    matchGolden(result.stdout, file);
  });
});
