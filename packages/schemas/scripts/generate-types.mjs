// Generates src/types.ts from schemas/v1: one declaration per titled schema, shared by every kind.
// Run `npm run generate -w @onething/schemas` after changing a schema; src/types.test.ts fails on drift.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import { COMMON_FILE, KIND_FILES, readSchema } from "./schema-files.mjs";

/** Where the generated types are committed. */
export const TYPES_FILE = fileURLToPath(new URL("../src/types.ts", import.meta.url));

const BANNER = `/* eslint-disable */
/**
 * Generated from schemas/v1 by packages/schemas/scripts/generate-types.mjs. Do not edit by hand:
 * change the schemas, then run \`npm run generate -w @onething/schemas\`.
 */`;

/**
 * Rewrites one schema for the generator: refs become local to the bundle, and a `$ref` with its own
 * description becomes `allOf: [{ $ref }]`, because json-schema-to-typescript would otherwise declare a
 * copy of the referenced type (LocalizedText1, LocalizedText2, …) for every annotated use.
 */
function localize(node, file) {
  if (Array.isArray(node)) return node.map((child) => localize(child, file));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref") {
      const [target, pointer = ""] = value.split("#");
      out.$ref = target === "" ? `#${pointer}` : `#${pointer || `/definitions/${documentName(target)}`}`;
    } else if (key !== "$schema" && key !== "definitions" && key !== "markdownEnumDescriptions") {
      out[key] = localize(value, file);
    }
  }
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...annotations } = out;
    return { ...annotations, allOf: [{ $ref }] };
  }
  return out;
}

/** The definition name of a kind schema file inside the bundle (its title, e.g. ChecklistDocument). */
function documentName(file) {
  return readSchema(file).title;
}

/**
 * One synthetic root bundling every file: the shared definitions, each kind's local definitions and each
 * kind document, so every titled schema is declared exactly once, however many kinds use it.
 */
function syntheticRoot() {
  const definitions = {};
  for (const file of [COMMON_FILE, ...Object.values(KIND_FILES)]) {
    const schema = readSchema(file);
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      if (name in definitions) throw new Error(`definition ${name} is declared twice (${file})`);
      definitions[name] = localize(definition, file);
    }
    if (file !== COMMON_FILE) definitions[schema.title] = localize(schema, file);
  }
  return {
    title: "OnethingDocument",
    description: "Any document of the onething data standard v1.",
    anyOf: Object.values(KIND_FILES).map((file) => ({ $ref: `#/definitions/${documentName(file)}` })),
    definitions,
  };
}

/** Compiles the schemas to the text of src/types.ts. */
export async function generateTypes() {
  return compile(syntheticRoot(), "OnethingDocument", {
    bannerComment: BANNER,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true,
    format: true,
    style: { printWidth: 110, singleQuote: false, trailingComma: "all" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TYPES_FILE, await generateTypes());
  console.log(`wrote ${TYPES_FILE}`);
}
