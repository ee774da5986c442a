import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { describe, expect, test } from "vitest";
import { inferLevel, isLocalDivision } from "../src/commands/init.js";
import { main } from "../src/index.js";
import { createIo } from "./helpers.js";

const fixture = fileURLToPath(new URL("./fixtures/reconcile/checklists/", import.meta.url));
const realChecklists = fileURLToPath(new URL("../../../checklists/", import.meta.url));

/** A temporary project holding a copy of the fixture's taxonomy, registry, catalogue and national batch. */
function smallProject(): string {
  const root = mkdtempSync(join(tmpdir(), "onething-init-"));
  for (const name of ["taxonomy.yaml", "departments.yaml", "items.yaml", "national"]) cpSync(join(fixture, name), join(root, "checklists", name), { recursive: true });
  return root;
}

async function run(argv: string[], cwd: string) {
  const io = createIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

type JsonDiagnostic = { file: string; severity: string; code: string };

describe("onething init", () => {
  test("writes a local list that extends the national batches and validates without errors", async () => {
    const root = smallProject();
    const result = await run(["init", "370200", "--name", "青岛市"], root);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("checklists/local/370200.yaml");
    const text = readFileSync(join(root, "checklists/local/370200.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/v1/checklist.schema.json");
    for (const field of ["extends", "notApplicable", "patches", "matters", "1+1+N", "confidence"]) expect(text).toContain(field);
    expect(parseDocument(text).toJS()).toMatchObject({
      kind: "Checklist",
      metadata: { id: "cn.local.370200", title: { zh: "青岛市重点事项清单" }, jurisdiction: { level: "municipal", division: "370200", name: { zh: "青岛市" } } },
      spec: { scope: "local", extends: [{ checklist: "fixture.national.2024-1" }], notApplicable: [], patches: [], matters: [] },
    });
    const validation = await run(["validate", "--format", "json", "--today", "2025-07-01"], root);
    expect(JSON.parse(validation.stdout).diagnostics.filter((d: JsonDiagnostic) => d.severity === "error")).toEqual([]);
    expect(validation.code).toBe(0);
    const resolved = await run(["resolve", "cn.local.370200", "--format", "json"], root);
    expect(JSON.parse(resolved.stdout).count).toBe(9);
  });

  test("refuses to overwrite an existing file (exit 2) and leaves it untouched", async () => {
    const root = smallProject();
    const target = join(root, "checklists", "mine.yaml");
    writeFileSync(target, "# mine\n");
    const result = await run(["init", "370202", "--output", "checklists/mine.yaml"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("已存在，不会覆盖");
    expect(readFileSync(target, "utf8")).toBe("# mine\n");
    const english = await run(["init", "370202", "--output", "checklists/mine.yaml", "--lang", "en"], root);
    expect(english.stderr).toContain("exists and is not overwritten");
  });

  test("--extends, --level, --id and --output shape the file; the modeline is relative to it", async () => {
    const root = smallProject();
    const result = await run(["init", "370202", "--extends", "fixture.national.2024-1", "--id", "cn.sd.qingdao.shinan", "--output", "county.yaml"], root);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, "county.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=schemas/v1/checklist.schema.json");
    expect(parseDocument(text).toJS()).toMatchObject({ metadata: { id: "cn.sd.qingdao.shinan", title: { zh: "行政区划 370202 重点事项清单" }, jurisdiction: { level: "county" } } });
  });

  test.each([
    { argv: ["init"], message: "缺少行政区划代码" },
    { argv: ["init", "37020"], message: "行政区划代码“37020”无效" },
    { argv: ["init", "100000"], message: "无效" },
    { argv: ["init", "990200"], message: "无效" },
    { argv: ["init", "370200", "--level", "city"], message: "--level 只能是" },
    { argv: ["init", "370200", "--level", "provincial"], message: "与层级 provincial 不符" },
    { argv: ["init", "370200", "--id", "Qingdao"], message: "--id“Qingdao”无效" },
    { argv: ["init", "370200", "--extends", "cn.nowhere"], message: "没有标识为“cn.nowhere”的清单" },
    { argv: ["init", "370200", "--output", "../escape.yaml"], message: "在项目根目录（当前目录）之外" },
  ])("$argv → exit 2: $message", async ({ argv, message }) => {
    const result = await run(argv, smallProject());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test.each([
    ["370000", "provincial"],
    ["370200", "municipal"],
    ["370202", "county"],
  ])("the level of %s is %s", (code, level) => {
    expect(isLocalDivision(code)).toBe(true);
    expect(inferLevel(code)).toBe(level);
  });

  test("on the real checklists/, extends every national annual batch in order and adds no error to it", async () => {
    const root = mkdtempSync(join(tmpdir(), "onething-init-real-"));
    cpSync(realChecklists, join(root, "checklists"), { recursive: true });
    expect((await run(["init", "370200", "--name", "青岛市", "--output", "checklists/local/r3-init-test.yaml"], root)).code).toBe(0);
    const text = readFileSync(join(root, "checklists/local/r3-init-test.yaml"), "utf8");
    const bases = (parseDocument(text).toJS() as { spec: { extends: Array<{ checklist: string }> } }).spec.extends.map((base) => base.checklist);
    expect(bases).toEqual(["cn.national.2024-1", "cn.national.2024-2", "cn.national.2025-1", "cn.national.2025-2"]);
    const validation = JSON.parse((await run(["validate", "--format", "json", "--today", "2025-07-01"], root)).stdout);
    expect(validation.diagnostics.filter((d: JsonDiagnostic) => d.file === "checklists/local/r3-init-test.yaml" && d.severity === "error")).toEqual([]);
  });
});
