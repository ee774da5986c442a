import { describe, expect, it } from "vitest";
import { ALL_FILES, COMMON_FILE, KIND_FILES, createAjv, readKindFiles, readSchema } from "../scripts/schema-files.mjs";
import { DOCUMENT_KINDS, SCHEMA_FILES } from "./kinds.js";

type Node = Record<string, unknown>;

/** "中文 · English": Chinese before the first middle dot, English after it. */
const BILINGUAL = /^[^·]*[\u3400-\u9fff][^·]*· .*[A-Za-z]/u;

/** Every subschema of a schema with its JSON Pointer (definitions, properties, items, if/then, …). */
function* walk(node: unknown, pointer = ""): Generator<[string, Node]> {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return;
  const schema = node as Node;
  yield [pointer, schema];
  for (const key of ["definitions", "properties"] as const) {
    const children = schema[key];
    if (children && typeof children === "object") {
      for (const [name, child] of Object.entries(children)) yield* walk(child, `${pointer}/${key}/${name}`);
    }
  }
  // if/then/else only add conditions to the object around them, so they are neither closed nor described.
  for (const key of ["items", "not", "additionalProperties"] as const) {
    yield* walk(schema[key], `${pointer}/${key}`);
  }
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const [i, child] of list.entries()) yield* walk(child, `${pointer}/${key}/${i}`);
  }
}

const files = ALL_FILES.map((file) => ({ file, schema: readSchema(file) }));

describe("schemas/v1", () => {
  it("every kind schema compiles in Ajv strict mode", () => {
    const ajv = createAjv();
    for (const file of Object.values(KIND_FILES)) expect(ajv.getSchema(file), file).toBeTypeOf("function");
  });

  it("the package's kinds and schema files match the build scripts", () => {
    expect(Object.keys(KIND_FILES)).toEqual([...DOCUMENT_KINDS]);
    expect(SCHEMA_FILES).toEqual(KIND_FILES);
  });

  it("the build scripts read their kinds from src/kinds.ts, and reject a source without them", () => {
    expect(readKindFiles('export const SCHEMA_FILES: Record<DocumentKind, string> = {\n  Taxonomy: "t.schema.json",\n  Checklist: "c.schema.json",\n};')).toEqual({
      Taxonomy: "t.schema.json",
      Checklist: "c.schema.json",
    });
    expect(() => readKindFiles("export const OTHER = {};")).toThrow(/SCHEMA_FILES/);
    expect(() => readKindFiles("export const SCHEMA_FILES = {};")).toThrow(/no kind/);
  });

  it("MatterChanges (a patch's set) offers every Matter field but the id, and nothing else", () => {
    const definitions = readSchema("checklist.schema.json").definitions as Record<string, Node & { properties: Node }>;
    const matter = Object.keys(definitions.Matter?.properties ?? {});
    const changes = Object.keys(definitions.MatterChanges?.properties ?? {});
    expect(matter.length).toBeGreaterThan(5);
    expect([...changes, "id"].sort()).toEqual([...matter].sort());
  });

  it.each(files)("$file is draft-07 without $id", ({ schema }) => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(JSON.stringify(schema)).not.toContain('"$id"');
  });

  it.each(Object.entries(KIND_FILES))("%s has the envelope", (kind, file) => {
    const schema = readSchema(file) as Node & { properties: Record<string, Node> };
    expect(schema.title).toBe(`${kind}Document`);
    expect(schema.required).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(schema.properties.apiVersion?.const).toBe("onething/v1");
    expect(schema.properties.kind?.const).toBe(kind);
  });

  it.each(files)("$file: every object is closed and every property described", ({ file, schema }) => {
    const problems: string[] = [];
    for (const [pointer, node] of walk(schema)) {
      if ((node.type === "object" || node.properties) && node.additionalProperties !== false) {
        problems.push(`${file}#${pointer}: additionalProperties must be false`);
      }
      for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
        if (typeof property.description !== "string" || !BILINGUAL.test(property.description)) {
          problems.push(`${file}#${pointer}/properties/${name}: needs a "中文 · English" description`);
        }
      }
      if (Array.isArray(node.enum)) {
        const descriptions = node.markdownEnumDescriptions;
        if (!Array.isArray(descriptions) || descriptions.length !== node.enum.length) {
          problems.push(`${file}#${pointer}: markdownEnumDescriptions must describe every enum value`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("refs point at definitions that exist", () => {
    const problems: string[] = [];
    for (const { file, schema } of files) {
      for (const [pointer, node] of walk(schema)) {
        if (typeof node.$ref !== "string") continue;
        const [target = "", fragment = ""] = node.$ref.split("#");
        const name = /^\/definitions\/(\w+)$/.exec(fragment)?.[1];
        const definitions = (target === "" ? schema : readSchema(target)).definitions as Node | undefined;
        if (target !== "" && target !== COMMON_FILE) problems.push(`${file}#${pointer}: refs only common`);
        if (!name || !definitions?.[name]) problems.push(`${file}#${pointer}: dangling ${node.$ref}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
