import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { main } from "../src/index.js";
import { createIo, singleItemChecklist } from "./helpers.js";

const broken = fileURLToPath(new URL("./fixtures/broken/", import.meta.url));
const local = fileURLToPath(new URL("./fixtures/local/", import.meta.url));

async function run(argv: string[], cwd = broken) {
  const io = createIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function found(stdout: string): string[] {
  return (JSON.parse(stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`);
}

/** A temporary project holding the broken fixture's registry, catalogue and taxonomy under `folder`. */
function project(folder: string): string {
  const root = mkdtempSync(join(tmpdir(), "onething-scope-"));
  mkdirSync(join(root, folder), { recursive: true });
  for (const name of ["taxonomy.yaml", "departments.yaml", "items.yaml"]) cpSync(join(broken, name), join(root, folder, name));
  return root;
}

const JSON_RUN = ["validate", "--format", "json", "--today", "2025-07-01"];

describe("validate: the default folder is loaded as context for a single path", () => {
  test("one file of a project without checklists/ is checked against its neighbours", async () => {
    const result = await run([...JSON_RUN, "unknown-department.yaml"]);
    expect(found(result.stdout)).toEqual(["unknown-department.yaml unknown-department"]);
    expect(result.code).toBe(1);
  });

  test("a clean file of a broken folder reports nothing from the other files", async () => {
    const result = await run([...JSON_RUN, "taxonomy.yaml"]);
    expect(found(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe("validate: symbolic links inside the root", () => {
  const root = project("real");
  cpSync(join(broken, "unknown-department.yaml"), join(root, "real", "list.yaml"));
  symlinkSync("real", join(root, "alias"));
  symlinkSync(join("real", "list.yaml"), join(root, "link.yaml"));

  test.each([
    { path: "alias", expected: ["real/list.yaml unknown-department"] },
    { path: "link.yaml", expected: ["real/list.yaml unknown-department"] },
    { path: "real", expected: ["real/list.yaml unknown-department"] },
  ])("validate $path reports the findings of the linked files", async ({ path, expected }) => {
    const result = await run([...JSON_RUN, path], root);
    expect(result.stderr).toBe("");
    expect(found(result.stdout)).toEqual(expected);
    expect(result.code).toBe(1);
  });
});

describe("validate --quiet", () => {
  // A matter bundling a single item is a warning (bundle-too-small); an unknown lead department an error.
  const root = project("checklists");
  const warningsOnly = project("checklists");
  writeFileSync(join(warningsOnly, "checklists", "list.yaml"), singleItemChecklist("dept.nhc"));
  writeFileSync(join(root, "checklists", "list.yaml"), singleItemChecklist("dept.nowhere"));

  test("never prints the all-clear when it hid findings, and says how many", async () => {
    const all = found((await run(JSON_RUN, warningsOnly)).stdout);
    expect(all.length).toBeGreaterThan(0);
    const quiet = await run(["validate", "-q", "--fail-severity", "warning", "--today", "2025-07-01"], warningsOnly);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain("没有发现问题");
    expect(quiet.stdout).toContain(`另有 ${all.length} 个警告/提示已被 --quiet 隐藏`);
    const english = await run(["validate", "-q", "--lang", "en", "--today", "2025-07-01"], warningsOnly);
    expect(english.code).toBe(0);
    expect(english.stdout).not.toContain("no problems");
    expect(english.stdout).toContain("hidden by --quiet");
  });

  test("shows the errors and counts the hidden rest; machine formats stay parseable and note it on stderr", async () => {
    const every = found((await run(JSON_RUN, root)).stdout);
    const quiet = await run(["validate", "-q", "--today", "2025-07-01"], root);
    expect(quiet.stdout).toContain("unknown-department");
    const errors = every.filter((entry) => entry.endsWith("unknown-department")).length;
    expect(quiet.stdout).toContain(`另有 ${every.length - errors} 个警告/提示已被 --quiet 隐藏`);
    const json = await run([...JSON_RUN, "-q"], root);
    expect(found(json.stdout)).toEqual(["checklists/list.yaml unknown-department"]);
    expect(json.stderr).toContain("已被 --quiet 隐藏");
  });
});

describe("overview", () => {
  test("exits 1 when the data has errors and falls back to the current folder without checklists/", async () => {
    const result = await run(["overview"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("onething 清单概览（.）");
    expect(result.stdout).toContain("文档（共 9 份）");
  });

  test("exits 0 on a checklists/ folder without errors", async () => {
    const result = await run(["overview", "--today", "2025-07-01"], project("checklists"));
    expect(result.stdout).toContain("onething 清单概览（checklists）");
    expect(result.stdout).toContain("校验：✔ 没有发现问题");
    expect(result.code).toBe(0);
  });

  test("names a missing confidence instead of printing ?", async () => {
    const root = mkdtempSync(join(tmpdir(), "onething-overview-"));
    cpSync(local, root, { recursive: true });
    const file = join(root, "national", "2024-1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {6}confidence: .*\n/mu, ""));
    for (const lang of ["zh", "en"] as const) {
      const result = await run(["overview", "--lang", lang], root);
      const line = result.stdout.split("\n").find((text) => text.includes(lang === "zh" ? "未标注" : "not stated"));
      expect(line).toMatch(/^ {2}(未标注|not stated) +1$/u);
      expect(result.stdout).not.toMatch(/^ {2}\? /mu);
    }
  });
});

describe("arguments", () => {
  test.each([
    { argv: ["validate", "--format"], says: ["选项 --format 需要一个值"], not: "-f," },
    { argv: ["validate", "-f"], says: ["选项 --format 需要一个值"], not: "-f," },
    { argv: ["validate", "--output", "--lang", "en"], says: ["Option --output needs a value"], not: "-o," },
    { argv: ["validate", "--max-problems", "-1"], says: ["--max-problems 必须是非负整数", "-1"], not: "需要一个值" },
    { argv: ["validate", "--max-problems", "-1", "--lang", "en"], says: ["must be a non-negative integer"], not: "needs a value" },
    { argv: ["validate", ""], says: ["路径不能为空字符串"], not: "✔" },
    { argv: ["validate", "taxonomy.yaml", ""], says: ["路径不能为空字符串"], not: "✔" },
    { argv: ["overview", "", "--lang", "en"], says: ["A path cannot be the empty string"], not: "overview (" },
  ])("onething $argv exits 2 and says so", async ({ argv, says, not }) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    for (const text of says) expect(result.stderr).toContain(text);
    expect(result.stderr + result.stdout).not.toContain(not);
  });
});
