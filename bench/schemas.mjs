// The v1 JSON Schemas in the shapes the peers need, built from schemas/v1 at run time so they never drift.
//
// ajv-cli adds each -r schema by its $id, and the v1 files have none (editors resolve their relative refs by
// file location), so writeAjvSchemas copies them with an $id each (nothing else changes) and adds
// document.schema.json, which picks the schema of a document's kind with if/then/else on `kind` (one
// const check), so one ajv-cli run validates every file of the corpus, as `onething validate` does.
// Spectral's `schema` function takes one self-contained schema, so bundledSchema inlines every definition.
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const BASE = "http://onething.invalid/schemas/v1/";
const KINDS = [
  ["Checklist", "checklist.schema.json"],
  ["DepartmentRegistry", "department-registry.schema.json"],
  ["ItemCatalog", "item-catalog.schema.json"],
  ["Taxonomy", "taxonomy.schema.json"],
  ["Progress", "progress.schema.json"],
  ["Evaluation", "evaluation.schema.json"],
];

async function readSchemas(folder) {
  const names = (await readdir(folder)).filter((name) => name.endsWith(".schema.json")).sort();
  const schemas = new Map();
  for (const name of names) schemas.set(name, JSON.parse(await readFile(join(folder, name), "utf8")));
  return schemas;
}

/** The if/then/else chain on `kind`, with `target(file)` giving the $ref of a kind's schema. */
function dispatch(target) {
  let schema = { required: ["kind"], properties: { kind: { enum: KINDS.map(([kind]) => kind) } } };
  for (const [kind, file] of [...KINDS].reverse()) {
    schema = { if: { required: ["kind"], properties: { kind: { const: kind } } }, then: { $ref: target(file) }, else: schema };
  }
  return schema;
}

/** Writes the v1 schemas with an $id each plus document.schema.json into `out`; returns the paths for -s and -r. */
export async function writeAjvSchemas({ schemasFolder, out }) {
  await mkdir(out, { recursive: true });
  const schemas = await readSchemas(schemasFolder);
  const referenced = [];
  for (const [name, schema] of schemas) {
    const path = join(out, name);
    await writeFile(path, `${JSON.stringify({ $id: `${BASE}${name}`, ...schema }, null, 2)}\n`);
    referenced.push(path);
  }
  const main = join(out, "document.schema.json");
  await writeFile(main, `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", $id: `${BASE}document.schema.json`, ...dispatch((file) => file) }, null, 2)}\n`);
  return { main, referenced };
}

function rewriteRefs(value, file) {
  if (Array.isArray(value)) return value.map((entry) => rewriteRefs(entry, file));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === "$ref" && typeof entry === "string") {
      const [target, pointer = ""] = entry.split("#");
      const owner = target === "" ? file : target;
      const definition = pointer.replace(/^\/definitions\//, "");
      out.$ref = pointer === "" ? `#/definitions/${owner}` : `#/definitions/${owner}__${definition}`;
    } else if (key !== "$schema") {
      out[key] = rewriteRefs(entry, file);
    }
  }
  return out;
}

/** One self-contained draft-07 schema: every definition of every file inlined under `<file>__<name>`, each kind's root under `<file>`. */
export async function bundledSchema({ schemasFolder }) {
  const schemas = await readSchemas(schemasFolder);
  const definitions = {};
  for (const [name, schema] of schemas) {
    const { definitions: own = {}, ...root } = rewriteRefs(schema, name);
    for (const [key, definition] of Object.entries(own)) definitions[`${name}__${key}`] = definition;
    definitions[name] = root;
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", definitions, ...dispatch((file) => `#/definitions/${file}`) };
}

/** Writes a Spectral ruleset that applies the bundled schema to every document (structural only); returns its path. */
export async function writeSpectralRuleset({ schemasFolder, out }) {
  await mkdir(out, { recursive: true });
  const ruleset = {
    rules: {
      "onething-v1-schema": {
        description: "The document matches the onething v1 JSON Schema of its kind",
        severity: "error",
        given: "$",
        then: { function: "schema", functionOptions: { schema: await bundledSchema({ schemasFolder }), dialect: "draft7" } },
      },
    },
  };
  const path = join(out, ".spectral.json");
  await writeFile(path, `${JSON.stringify(ruleset, null, 2)}\n`);
  return path;
}
