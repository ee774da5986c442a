import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { checkDocuments } from "./check.js";
import { query } from "./query.js";
import { reductions } from "./reductions.js";
import { diffProjects, loadProject, resolveChecklist, validate } from "./project.js";
import type { LoadFilesOptions } from "./project.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const TODAY = "2025-07-01";

/** Every YAML file of the bundled checklists/, keyed by repository-relative path. */
function bundledFiles(): Record<string, string> {
  const folder = join(repository, "checklists");
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    if (!name.endsWith(".yaml")) continue;
    files[relative(repository, join(folder, name)).split(sep).join("/")] = readFileSync(join(folder, name), "utf8");
  }
  return files;
}

const bundled = bundledFiles();
const project = loadProject({ files: bundled, today: TODAY });

function codes(diagnostics: ReadonlyArray<{ code: string }>): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe("loadProject (in memory)", () => {
  test("loads the bundled checklists without errors and resolves every checklist", () => {
    expect(project.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(project.documents.map((d) => d.path)).toEqual(Object.keys(bundled).sort());
    expect([...project.checklists.keys()]).toContain("cn.sd.qingdao");
    expect(project.checklists.get("cn.sd.qingdao")?.chain.at(-1)).toBe("cn.sd.qingdao");
  });

  test("takes { path, text } entries as well as a path → text record, bytes included", () => {
    const entries = Object.entries(bundled).map(([path, text]) => ({ path, text: new TextEncoder().encode(text) }));
    const fromEntries = loadProject({ files: entries.reverse(), today: TODAY });
    expect(fromEntries.documents.map((d) => d.path)).toEqual(project.documents.map((d) => d.path));
    expect(codes(fromEntries.diagnostics)).toEqual(codes(project.diagnostics));
  });

  test("a later file with the same path replaces the earlier one", () => {
    const loaded = loadProject({
      files: [
        { path: "a.yaml", text: "{ broken" },
        { path: "a.yaml", text: "apiVersion: onething/v1\nkind: Taxonomy\n" },
      ],
    });
    expect(loaded.documents.map((d) => d.path)).toEqual(["a.yaml"]);
    expect(codes(loaded.diagnostics)).not.toContain("yaml-syntax");
  });

  test.each([
    ["a YAML syntax error", "apiVersion: onething/v1\nkind: [Checklist\n", "yaml-syntax", 0],
    ["an empty file", "# only a comment\n", "empty-document", 0],
    ["an unknown kind", "apiVersion: onething/v1\nkind: Recipe\n", "unknown-kind", 0],
    ["a checklist without metadata and spec", "apiVersion: onething/v1\nkind: Checklist\n", "schema-required", 1],
    ["a duplicate key", "apiVersion: onething/v1\napiVersion: onething/v1\nkind: Checklist\n", "duplicate-key", 1],
  ])("reports %s as a diagnostic, never a throw", (_, text, code, documents) => {
    const loaded = loadProject({ files: { "checklists/broken.yaml": text } });
    expect(codes(loaded.diagnostics)).toContain(code);
    expect(loaded.diagnostics.find((d) => d.code === code)?.file).toBe("checklists/broken.yaml");
    expect(loaded.documents).toHaveLength(documents);
  });

  test("invalid UTF-8 bytes are a diagnostic", () => {
    const loaded = loadProject({ files: [{ path: "bytes.yaml", text: new Uint8Array([0x6b, 0x3a, 0xff, 0xfe]) }] });
    expect(codes(loaded.diagnostics)).toEqual(["invalid-utf8"]);
  });

  test("an extends cycle is reported and both lists still resolve", () => {
    const list = (id: string, base: string) =>
      `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: ${id}\n  title: { zh: 清单 }\n  version: 1.0.0\n  confidence: illustrative\nspec:\n  scope: local\n  extends: [{ checklist: ${base} }]\n  matters: []\n`;
    const loaded = loadProject({ files: { "a.yaml": list("cn.a", "cn.b"), "b.yaml": list("cn.b", "cn.a") } });
    expect(codes(loaded.diagnostics)).toContain("extends-cycle");
    expect([...loaded.checklists.keys()]).toEqual(["cn.a", "cn.b"]);
  });

  test("passing a folder name to the browser-safe entry is API misuse and says where to look", () => {
    expect(() => loadProject("checklists" as unknown as LoadFilesOptions)).toThrow(/@onething\/sdk\/node/);
    expect(() => loadProject({ files: [{ path: "a.yaml" }] } as unknown as LoadFilesOptions)).toThrow(TypeError);
  });
});

describe("project.index", () => {
  test("finds a department and a matter of the bundled checklists by id, with their file, pointer and line", () => {
    const samr = project.index.departments.get("dept.samr");
    expect(samr?.map((entry) => entry.document.path)).toEqual(["checklists/departments/national.yaml"]);
    const department = samr?.[0];
    expect(department?.value.name.zh).toBe("国家市场监督管理总局");
    expect(department && project.documents.find((d) => d.path === department.document.path)?.locate(department.pointer)?.start.line).toBe(69);

    const batch = project.index.checklistsById.get("cn.national.2024-1");
    const matter = batch?.matters.get("newborn-birth");
    expect(matter?.document.path).toBe("checklists/national/2024-1.yaml");
    expect(matter?.pointer).toBe("/spec/matters/0");
    expect(matter?.value.stage).toBe("birth");
    expect(project.index.annualBatches.get("2024-1")?.map((list) => list.id)).toEqual(["cn.national.2024-1"]);
    expect(project.index.matters.filter((entry) => entry.value.id === "newborn-birth").map((entry) => entry.checklist.id)).toContain("cn.national.2024-1");
  });

  test("indexes only structurally valid documents", () => {
    const broken = loadProject({ files: { "lists/a.yaml": "apiVersion: onething/v1\nkind: Checklist\nmetadata: { id: cn.broken }\n" }, today: TODAY });
    expect(broken.index.checklistsById.has("cn.broken")).toBe(false);
    expect(broken.index.incomplete.metadataIds.has("cn.broken")).toBe(true);
  });
});

describe("resolveChecklist", () => {
  test("(project, id) returns the effective list with provenance, ready for query and reductions", () => {
    const qingdao = resolveChecklist(project, "cn.sd.qingdao");
    expect(qingdao.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(qingdao.chain).toEqual([...(project.checklists.get("cn.sd.qingdao")?.chain ?? [])]);
    expect(qingdao.matters.map((m) => m.id)).toEqual(project.checklists.get("cn.sd.qingdao")?.matters.map((m) => m.id));
    const own = qingdao.matters.find((m) => m.id === "seagoing-ship-operation");
    expect(own?.definedIn).toMatchObject({ checklist: "cn.sd.qingdao", file: "checklists/local/shandong/qingdao.yaml" });
    const inherited = qingdao.matters.find((m) => m.definedIn.checklist.startsWith("cn.national."));
    expect(inherited).toBeDefined();

    const births = query(qingdao, { subject: "individual", stage: "birth" });
    expect(births.length).toBeGreaterThan(0);
    expect(births.every((m) => m.value.subject === "individual" && m.value.stage === "birth")).toBe(true);
    const report = reductions(qingdao, { by: "stage" });
    expect(report.checklist).toBe("cn.sd.qingdao");
    expect(report.matters + report.notApplicable).toBe(qingdao.matters.length);
    expect(report.groups.map((g) => g.key)).toContain("individual/birth");
  });

  test("an unknown id gives an empty list and an unknown-checklist error, not a throw", () => {
    const missing = resolveChecklist(project, "cn.nowhere");
    expect(missing).toMatchObject({ id: "cn.nowhere", matters: [], chain: [] });
    expect(missing.diagnostics.map((d) => [d.code, d.severity])).toEqual([["unknown-checklist", "error"]]);
    expect(query(missing, { subject: "individual" })).toEqual([]);
  });

  test("the options form of @onething/dsl still works", () => {
    const result = resolveChecklist({ documents: project.documents, id: "cn.sd.qingdao" });
    expect(result.checklist?.id).toBe("cn.sd.qingdao");
    expect(resolveChecklist({ documents: project.documents, id: "cn.nowhere" })).toEqual({ diagnostics: [] });
  });
});

describe("validate", () => {
  test("takes a project or its documents and equals checkDocuments", () => {
    const expected = checkDocuments(project.documents, { today: TODAY });
    expect(validate(project, { today: TODAY })).toEqual(expected);
    expect(validate(project.documents, { today: TODAY })).toEqual(expected);
  });

  test("honours per-code overrides", () => {
    const broken = loadProject({ files: { "c.yaml": "apiVersion: onething/v1\nkind: Checklist\n" } });
    expect(codes(validate(broken, { rules: { "schema-required": "off" } }))).not.toContain("schema-required");
  });
});

describe("diffProjects", () => {
  test("a project compared with itself has no changes", () => {
    const result = diffProjects(project, project);
    expect(result.changes).toEqual([]);
    expect(result.impact).toBe("none");
  });

  test("removing a local matter is a breaking change located in the older file", () => {
    const path = "checklists/local/shandong/qingdao.yaml";
    const text = bundled[path] ?? "";
    const start = text.indexOf("    - id: beer-festival-merchant-entry");
    expect(start).toBeGreaterThan(0);
    const next = text.indexOf("\n    - ", start + 1);
    const edited = next === -1 ? text.slice(0, start) : text.slice(0, start) + text.slice(next + 1);
    const after = loadProject({ files: { ...bundled, [path]: edited }, today: TODAY });
    const result = diffProjects(project, after);
    expect(result.changes.map((c) => [c.check, c.matter])).toEqual([["matter-removed", "beer-festival-merchant-entry"]]);
    expect(result.impact).toBe("major");
  });
});

describe("model types", () => {
  test("every type of @onething/schemas' generated model is re-exported by the SDK", () => {
    const generated = readFileSync(join(repository, "packages/schemas/src/types.ts"), "utf8");
    const names = [...generated.matchAll(/^export (?:interface|type) ([A-Za-z0-9_]+)/gmu)].map((match) => match[1] ?? "");
    const index = readFileSync(join(repository, "packages/sdk/src/index.ts"), "utf8");
    const exported = new Set([...index.matchAll(/export type \{([^}]*)\} from "@onething\/schemas"/gu)].flatMap((match) => (match[1] ?? "").split(",").map((name) => name.trim())));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });
});
