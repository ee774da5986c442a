// The schema files of the standard and the Ajv instance every build script and test shares.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";

/** Absolute path of schemas/v1 at the repository root. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../../schemas/v1/", import.meta.url));

/** The shared definitions file, referenced by every kind schema. */
export const COMMON_FILE = "common.schema.json";

/** Where `SCHEMA_FILES` is declared: the one list of kinds and their schema files, read as text before any build. */
export const KINDS_SOURCE = fileURLToPath(new URL("../src/kinds.ts", import.meta.url));

/** Reads the `SCHEMA_FILES` object literal of src/kinds.ts (`Kind: "file.schema.json",` per line). */
export function readKindFiles(source = readFileSync(KINDS_SOURCE, "utf8")) {
  const body = /export const SCHEMA_FILES\b[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1];
  if (body === undefined) throw new Error(`SCHEMA_FILES not found in ${KINDS_SOURCE}`);
  const entries = [...body.matchAll(/^\s*(\w+):\s*"([^"]+)",?\s*$/gm)].map((match) => [match[1], match[2]]);
  if (entries.length === 0) throw new Error(`SCHEMA_FILES in ${KINDS_SOURCE} lists no kind`);
  return Object.fromEntries(entries);
}

/** Document kind → schema file name, in the order of the standard (src/kinds.ts `SCHEMA_FILES`). */
export const KIND_FILES = readKindFiles();

/** Every schema file name, common first. */
export const ALL_FILES = [COMMON_FILE, ...Object.values(KIND_FILES)];

/** Reads and parses one schema file of schemas/v1. */
export function readSchema(file) {
  return JSON.parse(readFileSync(SCHEMA_DIR + file, "utf8"));
}

/**
 * A draft-07 Ajv in strict mode holding every schema under its file name, so the relative
 * `common.schema.json#/definitions/…` refs resolve exactly as an editor resolves them.
 */
export function createAjv(options = {}) {
  const ajv = new Ajv({ allErrors: true, strict: true, ...options });
  // An editor annotation (VS Code, yaml-language-server); it never affects validation.
  ajv.addKeyword({ keyword: "markdownEnumDescriptions", schemaType: "array" });
  for (const file of ALL_FILES) ajv.addSchema(readSchema(file), file);
  return ajv;
}
