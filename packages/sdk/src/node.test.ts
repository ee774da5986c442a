import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { loadProject, resolveChecklist } from "./node.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const TODAY = "2025-07-01";

function codes(diagnostics: ReadonlyArray<{ code: string }>): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe("loadProject (Node)", () => {
  let cwd = "";
  beforeEach(() => {
    cwd = process.cwd();
    process.chdir(repository);
  });
  afterEach(() => process.chdir(cwd));

  test("a folder name loads relative to the current directory, as { root, paths } does", async () => {
    const byName = await loadProject("checklists");
    const byOptions = await loadProject({ root: repository, paths: ["checklists"] });
    expect(byName.root).toBe(byOptions.root);
    expect(byName.documents.map((d) => d.path)).toEqual(byOptions.documents.map((d) => d.path));
    expect(byName.documents.map((d) => d.path)).toContain("checklists/local/shandong/qingdao.yaml");
    expect([...byName.checklists.keys()]).toEqual([...byOptions.checklists.keys()]);
    expect(resolveChecklist(byName, "cn.sd.qingdao").chain.at(-1)).toBe("cn.sd.qingdao");
    expect(byName.index.departments.get("dept.samr")?.[0]?.document.path).toBe("checklists/departments/national.yaml");
    expect(byName.index.checklistsById.get("cn.national.2024-1")?.matters.get("newborn-birth")?.pointer).toBe("/spec/matters/0");
  });

  test("an absolute folder is the root itself", async () => {
    const loaded = await loadProject(`${repository}checklists`);
    expect(loaded.documents.map((d) => d.path)).toContain("local/shandong/qingdao.yaml");
  });

  test("a missing folder is a path-not-found diagnostic, not a throw", async () => {
    const loaded = await loadProject("no-such-folder");
    expect(codes(loaded.diagnostics)).toEqual(["path-not-found"]);
    expect(loaded.documents).toEqual([]);
    expect(loaded.checklists.size).toBe(0);
  });

  test("a path outside the current directory is refused with a diagnostic", async () => {
    const loaded = await loadProject("../outside");
    expect(codes(loaded.diagnostics)).toEqual(expect.arrayContaining([expect.stringMatching(/^path-(outside-root|not-found)$/)]));
    expect(loaded.documents).toEqual([]);
  });

  test("in-memory files load as in the browser entry", async () => {
    const loaded = await loadProject({ files: { "x.yaml": "apiVersion: onething/v1\nkind: Checklist\n" }, today: TODAY });
    expect(loaded.root).toBe(process.cwd());
    expect(codes(loaded.diagnostics)).toContain("schema-required");
  });
});
