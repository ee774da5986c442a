import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

const fixture = fileURLToPath(new URL("./fixtures/reconcile/", import.meta.url));
const broken = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));

async function run(argv: string[], cwd = fixture) {
  const io = createIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("reconcile, resolve and init: help and usage errors", () => {
  test.each(["reconcile", "resolve", "init"])("%s --help prints usage in Chinese and in English", async (command) => {
    const zh = await run([command, "--help"]);
    const en = await run([command, "--help", "--lang", "en"]);
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout).toContain(`用法：onething ${command}`);
    expect(en.stdout).toContain(`Usage: onething ${command}`);
  });

  test("the global help lists the three commands", async () => {
    const help = (await run(["--help"])).stdout;
    for (const command of ["reconcile [路径…]", "resolve <清单标识>", "init <区划代码>"]) expect(help).toContain(command);
    const english = (await run(["--help", "--lang", "en"])).stdout;
    for (const command of ["reconcile [paths…]", "resolve <id>", "init <division>"]) expect(english).toContain(command);
  });

  test.each([
    { argv: ["reconcile", "--format", "html"], message: "不支持的输出格式“html”" },
    { argv: ["reconcile", "--bogus"], message: "未知选项 --bogus" },
    { argv: ["reconcile", "--today", "2025-02-30"], message: "--today 需要一个有效日期" },
    { argv: ["reconcile", "--progress", "cn.nowhere"], message: "没有标识为“cn.nowhere”的进度台账。可用：fixture.city.progress。" },
    { argv: ["reconcile", "no-such-folder"], message: "不存在" },
    { argv: ["reconcile", "checklists/national"], message: "没有找到进度台账" },
    { argv: ["resolve"], message: "缺少清单标识" },
    { argv: ["resolve", "cn.nowhere"], message: "没有标识为“cn.nowhere”的清单" },
    { argv: ["resolve", "fixture.city", "--format", "xml"], message: "不支持的输出格式“xml”" },
  ])("$argv → exit 2: $message", async ({ argv, message }) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test("reconcile finds no ledger in a project without one", async () => {
    const result = await run(["reconcile", "--lang", "en"], broken);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("No Progress ledger");
  });
});

describe("reconcile and resolve: what they read and write", () => {
  test("reconcile of the ledger file alone still resolves the list it pins; --progress selects it", async () => {
    const alone = await run(["reconcile", "checklists/local/city-progress.yaml", "--format", "json", "--today", "2025-07-01"]);
    const all = await run(["reconcile", "--progress", "fixture.city.progress", "--format", "json", "--today", "2025-07-01"]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe(all.stdout);
    expect(JSON.parse(alone.stdout).reports[0].summary.total).toBe(10);
  });

  test("reconcile --output writes the report atomically and nothing to stdout", async () => {
    const folder = mkdtempSync(join(tmpdir(), "onething-reconcile-"));
    const out = join(folder, "report.csv");
    const result = await run(["reconcile", "--format", "csv", "--output", out, "--today", "2025-07-01"]);
    expect([result.code, result.stdout]).toEqual([0, ""]);
    expect(readFileSync(out, "utf8").startsWith("\uFEFF")).toBe(true);
    expect(readdirSync(folder)).toEqual(["report.csv"]);
  });

  test("resolve --output writes the effective list; a missing folder exits 2", async () => {
    const folder = mkdtempSync(join(tmpdir(), "onething-resolve-"));
    const out = join(folder, "city.json");
    expect((await run(["resolve", "fixture.city", "--format", "json", "--output", out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).chain).toEqual(["fixture.national.2024-1", "fixture.city"]);
    const failed = await run(["resolve", "fixture.city", "--output", join(folder, "missing", "x.yaml")]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("无法写入输出文件");
  });
});

test("a ledger pinning a missing checklist is reported at its spec.checklist.id and exits 1", async () => {
  const root = mkdtempSync(join(tmpdir(), "onething-orphan-"));
  cpSync(join(fixture, "checklists"), join(root, "checklists"), { recursive: true });
  const ledger = join(root, "checklists/local/city-progress.yaml");
  writeFileSync(ledger, readFileSync(ledger, "utf8").replace("id: fixture.city, version", "id: fixture.gone, version"));
  const result = await run(["reconcile", "--format", "json", "--today", "2025-07-01"], root);
  expect(result.code).toBe(1);
  const output = JSON.parse(result.stdout);
  expect(output.reports).toEqual([]);
  expect(output.diagnostics.map((d: { code: string; range: { start: { line: number; column: number } } }) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(["12:20 progress-unknown-checklist"]);
  expect((await run(["reconcile", "--today", "2025-07-01"], root)).stdout).toContain("progress-unknown-checklist");
});
