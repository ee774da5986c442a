import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_FILES, isDocumentKind } from "@onething/schemas";
import { loadProject } from "@onething/sdk/node";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const files = readdirSync(join(root, "checklists"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".yaml"))
  .sort();

describe("the bundled checklists/", () => {
  it("holds the taxonomy, the registry, the catalogue and the national batches", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "taxonomy.yaml",
        "departments/national.yaml",
        "items/national.yaml",
        "national/2024-1.yaml",
        "national/2024-2.yaml",
        "national/2025-1.yaml",
        "national/2025-2.yaml",
      ]),
    );
  });

  it.each(files)("%s starts with a modeline naming the schema of its kind", (file) => {
    const path = join(root, "checklists", file);
    const text = readFileSync(path, "utf8");
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/u.exec(text);
    expect(modeline, "first line must be the yaml-language-server modeline").not.toBeNull();
    const kind: unknown = (parse(text) as { kind?: unknown }).kind;
    expect(isDocumentKind(kind)).toBe(true);
    const target = resolve(dirname(path), modeline?.[1] ?? "");
    expect(target).toBe(join(root, "schemas", "v1", SCHEMA_FILES[kind as keyof typeof SCHEMA_FILES]));
    expect(existsSync(target)).toBe(true);
  });

  it("validates without errors", async () => {
    const project = await loadProject({ root, paths: ["checklists"], today: "2026-01-01" });
    expect(project.documents).toHaveLength(files.length);
    const errors = project.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`)).toEqual([]);
  });
});
