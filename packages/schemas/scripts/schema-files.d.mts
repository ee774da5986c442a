import type { Ajv, Options } from "ajv";

/** Absolute path of schemas/v1 at the repository root, with a trailing slash. */
export declare const SCHEMA_DIR: string;
/** The shared definitions file, referenced by every kind schema. */
export declare const COMMON_FILE: "common.schema.json";
/** Where `SCHEMA_FILES` is declared (src/kinds.ts). */
export declare const KINDS_SOURCE: string;
/** Reads the `SCHEMA_FILES` object literal of src/kinds.ts; throws when it is missing or empty. */
export declare function readKindFiles(source?: string): Record<string, string>;
/** Document kind → schema file name, in the order of the standard (src/kinds.ts `SCHEMA_FILES`). */
export declare const KIND_FILES: {
  Taxonomy: "taxonomy.schema.json";
  DepartmentRegistry: "department-registry.schema.json";
  ItemCatalog: "item-catalog.schema.json";
  Checklist: "checklist.schema.json";
  Progress: "progress.schema.json";
  Evaluation: "evaluation.schema.json";
};
/** Every schema file name, common first. */
export declare const ALL_FILES: string[];
/** Reads and parses one schema file of schemas/v1. */
export declare function readSchema(file: string): Record<string, unknown>;
/** A draft-07 Ajv in strict mode holding every schema under its file name. */
export declare function createAjv(options?: Options): Ajv;
