// The DSL reference covers the standard: every property any schema of schemas/v1 declares is named in
// docs/data-standard.md (in a table, a type block or a YAML example), and every kind has a YAML example. The
// SDK guide names every function of the SDK's façade.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const schemaDir = join(root, "schemas", "v1");
const standard = readFileSync(join(root, "docs", "data-standard.md"), "utf8");

/** Every property name declared under a `properties` keyword anywhere in a schema, with where. */
function propertyNames(value: unknown, path: string, found: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => propertyNames(item, `${path}/${index}`, found));
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "properties" && inner !== null && typeof inner === "object") {
      for (const name of Object.keys(inner)) if (!found.has(name)) found.set(name, `${path}/properties/${name}`);
    }
    propertyNames(inner, `${path}/${key}`, found);
  }
}

const properties = new Map<string, string>();
for (const file of readdirSync(schemaDir).filter((name) => name.endsWith(".schema.json")).sort()) {
  propertyNames(JSON.parse(readFileSync(join(schemaDir, file), "utf8")), file, properties);
}

/** Whether the reference names `name` as a field: `name`, `name?`, `name:` or `.name` in code or a table. */
function documents(name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return new RegExp(`(?:\`|\\.|\\b)${escaped}(?:\\??:|\\?|\`|\\b)`, "u").test(standard) && new RegExp(`[\`.\\s{,]${escaped}\\??[:\`\\s]`, "u").test(standard);
}

describe("docs/data-standard.md", () => {
  it("finds the schemas' properties", () => {
    expect(properties.size).toBeGreaterThan(50);
  });

  it.each([...properties.entries()])("documents the property %s (%s)", (name) => {
    expect(documents(name), `docs/data-standard.md never names the field \`${name}\``).toBe(true);
  });

  it.each(["Taxonomy", "DepartmentRegistry", "ItemCatalog", "Checklist", "Progress", "Evaluation"])("has a YAML example of a %s", (kind) => {
    const section = standard.slice(standard.indexOf(`## ${kind}`));
    const next = section.indexOf("\n## ", 1);
    expect(section.slice(0, next === -1 ? undefined : next)).toMatch(/```yaml\n/u);
  });
});

describe("docs/sdk.md", () => {
  const guide = readFileSync(join(root, "docs", "sdk.md"), "utf8");
  it.each(["loadProject", "validate", "resolveChecklist", "query", "reductions", "reconcile", "diffProjects", "formatDiagnostics", "@onething/sdk/node"])(
    "covers %s with an example",
    (name) => {
      const blocks = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gmu)].map((match) => match[1] ?? "");
      expect(blocks.some((block) => new RegExp(`(?<![\\w/])${name.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&")}(?![\\w/])`, "u").test(block))).toBe(true);
    },
  );
});
