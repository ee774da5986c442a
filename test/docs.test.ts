// The DSL reference covers the standard: every property any schema of schemas/v1 declares is named in
// docs/data-standard.md (in a table, a type block or a YAML example), and every kind has a YAML example. The
// SDK guide names every function of the SDK's façade. The rule reference has a link target for every diagnostic
// code, since SARIF and the other formats link each code to `docs/rules.md#<code>`.
//
// Every property also has an example, by this convention: a property `p` of a schema's definition `D` is the
// field line `p:` or `p?:` inside the block `type D = {` … `}` of a ```ts block (a property of a kind's `spec` is
// in the block `spec: {` … `}` under the heading `## <kind>`; `MatterChanges` is `Matter`'s fields); a top-level
// property (`apiVersion`, `kind`, `metadata`, `spec`) or a property `p` of `Metadata` is the envelope table's
// row `` `p` `` or `` `metadata.p` ``. The field line (with its continuation lines) ends with `e.g. <value>`, or
// the row's last cell is `` `<value>` ``, where <value> is a non-empty YAML value.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DSL_DIAGNOSTICS } from "@onething/dsl";
import { RECONCILE_DIAGNOSTICS } from "@onething/sdk";
import { GIT_DIAGNOSTICS } from "@onething/sdk/node";
import { ENGINE_DIAGNOSTICS, STRUCTURAL_DIAGNOSTICS, rules } from "@onething/validate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

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

/** Every (owner, property) of every schema: owner is a definition name, `<kind> spec` or `Document`. */
const ownedProperties: Array<[string, string, string]> = [];
for (const file of readdirSync(schemaDir).filter((name) => name.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as Record<string, any>;
  const add = (owner: string, props: unknown): void => {
    for (const name of Object.keys((props as object | undefined) ?? {})) ownedProperties.push([owner, name, file]);
  };
  const kind = schema.properties?.kind?.const as string | undefined;
  if (kind !== undefined) {
    add("Document", schema.properties);
    const spec = schema.properties.spec ?? {};
    for (const part of [spec, spec.if, spec.then]) add(`${kind} spec`, part?.properties);
  }
  for (const [name, definition] of Object.entries((schema.definitions ?? {}) as Record<string, any>)) {
    add(name === "MatterChanges" ? "Matter" : name, definition.properties);
  }
}

/** The example text the reference gives each (owner, field), by the convention above. */
const examples = new Map<string, string>();
{
  let section = "";
  let inTs = false;
  let owner: string | undefined;
  let field: string | undefined;
  let text = "";
  const flush = (): void => {
    if (owner !== undefined && field !== undefined) examples.set(`${owner} ${field}`, text);
    field = undefined;
    text = "";
  };
  for (const line of standard.split("\n")) {
    if (line.startsWith("## ")) section = line.slice(3).trim();
    if (line.startsWith("```")) {
      flush();
      inTs = line === "```ts";
      owner = undefined;
      continue;
    }
    if (!inTs) {
      const row = /^\| `(?:(metadata)\.)?(\w+)\??` \|.*\| `(.*)` \|$/u.exec(line);
      if (row && section === "The envelope" && row[2] !== undefined) examples.set(`${row[1] === undefined ? "Document" : "Metadata"} ${row[2]}`, `e.g. ${row[3] ?? ""}`);
      continue;
    }
    const start = /^type (\w+) = \{/u.exec(line) ?? (/^spec: \{/u.test(line) ? ["", `${section} spec`] : null);
    if (start) {
      flush();
      owner = start[1];
      continue;
    }
    if (/^\}/u.test(line)) {
      flush();
      owner = undefined;
      continue;
    }
    const member = /^\s+(\w+)\??:/u.exec(line);
    if (owner !== undefined && member) {
      flush();
      field = member[1];
    }
    if (field !== undefined) text += ` ${line}`;
  }
  flush();
}

/** The YAML value after the last `e.g. ` of a field's text, or undefined. */
function example(text: string | undefined): unknown {
  const match = /(?:^|\s)e\.g\. (\S.*?)\s*$/u.exec(text ?? "");
  if (!match) return undefined;
  return parse(match[1] ?? "");
}

describe("docs/data-standard.md", () => {
  it("finds the schemas' properties", () => {
    expect(properties.size).toBeGreaterThan(50);
  });

  it.each([...properties.entries()])("documents the property %s (%s)", (name) => {
    expect(documents(name), `docs/data-standard.md never names the field \`${name}\``).toBe(true);
  });

  it("finds the schemas' properties with their owners", () => {
    expect(ownedProperties.length).toBeGreaterThan(properties.size);
  });

  it.each(ownedProperties)("gives an example of %s.%s (%s)", (owner, name) => {
    const value = example(examples.get(`${owner} ${name}`));
    expect(value ?? "", `docs/data-standard.md gives no \`e.g.\` example for the field ${name} of ${owner}`).not.toBe("");
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

/** The GitHub slug of a heading's text: inline code marks and punctuation dropped, lower case, spaces as hyphens. */
function githubSlug(heading: string): string {
  return heading
    .replace(/<[^>]*>/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /gu, "-");
}

/** Every fragment docs/rules.md resolves, as GitHub renders it: heading slugs (`-1`, `-2` for repeats) and `<a id>`s. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6} (.+?)\s*$/u.exec(line);
    if (heading) {
      const slug = githubSlug(heading[1] ?? "");
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      targets.push(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const anchor of line.matchAll(/<a id="([^"]+)"><\/a>/gu)) targets.push(anchor[1] ?? "");
  }
  return targets;
}

describe("docs/rules.md", () => {
  const reference = readFileSync(join(root, "docs", "rules.md"), "utf8");
  const targets = linkTargets(reference);
  const codes = [
    ...Object.keys(DSL_DIAGNOSTICS),
    ...Object.keys(STRUCTURAL_DIAGNOSTICS),
    ...rules.map((rule) => rule.meta.id),
    ...Object.keys(ENGINE_DIAGNOSTICS),
    ...Object.keys(RECONCILE_DIAGNOSTICS),
    ...Object.keys(GIT_DIAGNOSTICS),
  ];

  it("finds the codes of every diagnostic registry", () => {
    expect(codes.length).toBeGreaterThan(60);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("reads a heading with inline code as GitHub does", () => {
    expect(linkTargets("## 全部代码 · All codes\n### `empty-patch`\n```yaml\n# not a heading\n```\n### `empty-patch`\n")).toEqual(["全部代码--all-codes", "empty-patch", "empty-patch-1"]);
  });

  it.each(codes)("has a link target for the code %s", (code) => {
    expect(targets, `docs/rules.md has neither a heading \`${code}\` nor an <a id="${code}"></a>, so the link docs/rules.md#${code} goes nowhere`).toContain(code);
  });

  it("has no link target twice", () => {
    const repeated = targets.filter((target, index) => targets.indexOf(target) !== index);
    expect(repeated).toEqual([]);
  });
});
