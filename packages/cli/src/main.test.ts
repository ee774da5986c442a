import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createIo, singleItemChecklist } from "../test/helpers.js";
import { displayWidth } from "@onething/sdk";
import { main } from "./index.js";
import { VERSION } from "./version.js";

const broken = fileURLToPath(new URL("../test/fixtures/broken/", import.meta.url));

/** A project folder with a clean checklists/ (the fixture's taxonomy, registry and catalogue). */
function cleanProject(): string {
  const root = mkdtempSync(join(tmpdir(), "onething-cli-"));
  mkdirSync(join(root, "checklists"));
  for (const name of ["taxonomy.yaml", "departments.yaml", "items.yaml"]) {
    writeFileSync(join(root, "checklists", name), readFileSync(join(broken, name)));
  }
  return root;
}

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}) {
  const io = createIo({ cwd: options.cwd ?? broken, env: options.env ?? {}, isTTY: options.isTTY ?? false });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("main: arguments and exit codes", () => {
  test.each([
    { argv: ["--version"], code: 0 },
    { argv: ["-v"], code: 0 },
    { argv: ["--help"], code: 0 },
    { argv: ["validate", "--help"], code: 0 },
    { argv: ["overview", "-h"], code: 0 },
    { argv: [], code: 2 },
    { argv: ["frobnicate"], code: 2 },
    { argv: ["--frobnicate"], code: 2 },
    { argv: ["validate", "--bogus"], code: 2 },
    { argv: ["validate", "--format"], code: 2 },
    { argv: ["validate", "--quiet=yes"], code: 2 },
    { argv: ["validate", "--format", "html"], code: 2 },
    { argv: ["validate", "--lang", "fr"], code: 2 },
    { argv: ["--lang", "fr", "validate"], code: 2 },
    { argv: ["validate", "--today", "2025-02-30"], code: 2 },
    { argv: ["validate", "--today", "20250701"], code: 2 },
    { argv: ["validate", "--max-problems", "-1"], code: 2 },
    { argv: ["validate", "--fail-severity", "fatal"], code: 2 },
    { argv: ["validate", "no-such-folder"], code: 2 },
    { argv: ["validate", "../"], code: 2 },
    { argv: ["validate", "--today", "2025-07-01"], code: 1 },
    { argv: ["validate", "--today", "2025-07-01", "taxonomy.yaml"], code: 0 },
    { argv: ["overview", "no-such-folder"], code: 2 },
  ])("onething $argv → $code", async ({ argv, code }) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    if (code === 2) expect(result.stderr).not.toBe("");
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  test("prints the version from package.json", async () => {
    expect((await run(["--version"])).stdout).toBe(`${VERSION}\n`);
  });

  test("explains usage errors in Chinese by default and in English with --lang en", async () => {
    expect((await run(["validate", "--bogus"])).stderr).toMatchInlineSnapshot(`
      "未知选项 --bogus。运行 onething validate --help 查看用法。
      "
    `);
    expect((await run(["validate", "--bogus", "--lang", "en"])).stderr).toMatchInlineSnapshot(`
      "Unknown option --bogus. Run onething validate --help for usage.
      "
    `);
    expect((await run(["validate", "--today", "2025-13-01"], { env: { LANG: "en_US.UTF-8" } })).stderr).toContain("--today needs a valid date");
  });

  test("exits 2 when there is nothing to validate", async () => {
    const empty = mkdtempSync(join(tmpdir(), "onething-empty-"));
    const result = await run(["validate"], { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("没有可校验的文件");
  });

  test("validates checklists/ by default and exits 0 when clean", async () => {
    const result = await run(["validate", "--today", "2025-07-01"], { cwd: cleanProject() });
    expect(result).toEqual({ code: 0, stdout: "✔ 没有发现问题\n", stderr: "" });
  });

  test("--fail-severity decides which findings fail the run", async () => {
    const root = cleanProject();
    // A matter bundling a single item is a warning (bundle-too-small), not an error.
    writeFileSync(join(root, "checklists", "list.yaml"), singleItemChecklist("dept.nhc"));
    const lenient = await run(["validate", "--format", "json", "--today", "2025-07-01"], { cwd: root });
    const severities = JSON.parse(lenient.stdout).diagnostics.map((d: { severity: string }) => d.severity);
    expect(severities.length).toBeGreaterThan(0);
    expect(severities).not.toContain("error");
    expect(lenient.code).toBe(0);
    expect((await run(["validate", "--fail-severity", "warning", "--today", "2025-07-01"], { cwd: root })).code).toBe(1);
    const quiet = await run(["validate", "--quiet", "--fail-severity", "warning", "--today", "2025-07-01"], { cwd: root });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain("✔");
    expect(quiet.stdout).toBe(`另有 ${severities.length} 个警告/提示已被 --quiet 隐藏。\n`);
  });

  test("--quiet reports errors only; --max-problems caps the list", async () => {
    const all = await run(["validate", "--format", "json", "--today", "2025-07-01"]);
    const quiet = await run(["validate", "--format", "json", "--quiet", "--today", "2025-07-01"]);
    expect(JSON.parse(quiet.stdout).diagnostics.every((d: { severity: string }) => d.severity === "error")).toBe(true);
    expect(JSON.parse(all.stdout).summary.error).toBe(JSON.parse(quiet.stdout).summary.error);
    const capped = await run(["validate", "--max-problems", "2", "--today", "2025-07-01"]);
    expect(capped.stdout).toContain("…还有 4 个问题未显示");
  });

  test("--output writes the report atomically to a file and nothing to stdout", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "onething-out-")), "report.json");
    const result = await run(["validate", "--format", "json", "--output", out, "--today", "2025-07-01"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe(1);
    expect(readdirSync(join(out, ".."))).toEqual(["report.json"]);
  });

  test("--output into a missing folder exits 2 with a message", async () => {
    const result = await run(["validate", "--output", join(tmpdir(), "no-such-dir-onething", "x.txt")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("无法写入输出文件");
  });

  test("colours stylish output only on a TTY without NO_COLOR, or with FORCE_COLOR", async () => {
    const argv = ["validate", "--today", "2025-07-01"];
    expect((await run(argv)).stdout).not.toContain("\u001B[");
    expect((await run(argv, { isTTY: true })).stdout).toContain("\u001B[");
    expect((await run(argv, { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001B[");
    expect((await run(argv, { env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001B[");
    expect((await run(argv, { isTTY: true, env: { FORCE_COLOR: "0" } })).stdout).not.toContain("\u001B[");
  });

  test("github format appends the summary to $GITHUB_STEP_SUMMARY when set", async () => {
    const summary = join(mkdtempSync(join(tmpdir(), "onething-gh-")), "summary.md");
    writeFileSync(summary, "before\n");
    const result = await run(["validate", "--format", "github", "--today", "2025-07-01"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout.split("\n").filter(Boolean).every((line) => line.startsWith("::error "))).toBe(true);
    expect(readFileSync(summary, "utf8")).toMatch(/^before\n### onething validate\n\n✖ 6 个问题/u);
  });

  test("a global --lang may precede the command", async () => {
    const result = await run(["--lang", "en", "validate", "--today", "2025-07-01"]);
    expect(result.stdout).toContain("✖ 6 problems (6 errors, 0 warnings)");
  });

  test("overview summarises documents, batches, stages and problems in Chinese", async () => {
    const result = await run(["overview", "."]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("文档（共 9 份）");
    expect(result.stdout).toContain("校验：✖ 6 个问题（6 个错误，0 个警告）");
  });
});

describe("main: one file inside checklists/", () => {
  test("resolves references against the rest of checklists/ and reports only that file", async () => {
    const root = cleanProject();
    writeFileSync(join(root, "checklists", "local.yaml"), readFileSync(join(broken, "unknown-department.yaml")));
    writeFileSync(join(root, "checklists", "other.yaml"), readFileSync(join(broken, "bad-enum.yaml")));
    const result = await run(["validate", "--format", "json", "--today", "2025-07-01", "checklists/local.yaml"], { cwd: root });
    const output = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(output.diagnostics.map((d) => [d.code, d.file])).toEqual([["unknown-department", "checklists/local.yaml"]]);
    expect(result.code).toBe(1);
  });
});

describe("main: unknown command", () => {
  test("names every command there is", async () => {
    const result = await run(["frobnicate"]);
    expect(result.code).toBe(2);
    for (const command of ["validate", "overview", "diff", "reconcile", "resolve", "init", "stats", "export"]) {
      expect(result.stderr).toContain(command);
    }
  });
});

describe("main: global help", () => {
  test.each(["zh", "en"])("the command descriptions start in one column, measured in display width (%s)", async (lang) => {
    const { stdout } = await run(["--help", "--lang", lang]);
    const block = stdout.split(/\n\n/u).find((part) => /^(命令：|Commands:)/u.test(part)) ?? "";
    const lines = block.split("\n").slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(11);
    const starts = lines.map((line) => {
      const usage = /^ {2}\S+(?: [[<][^\]>]*[\]>])* +/u.exec(line)?.[0] ?? "";
      return displayWidth(usage);
    });
    expect(new Set(starts).size).toBe(1);
  });
});
