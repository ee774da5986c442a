import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import { createAjv } from "../scripts/schema-files.mjs";
import {
  DOCUMENT_KINDS,
  SCHEMA_FILES,
  isDocumentKind,
  validateStructure,
  type ChecklistDocument,
  type DocumentKind,
  type DocumentOfKind,
} from "./index.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const read = (path: string): unknown => parse(readFileSync(FIXTURES + path, "utf8"));

describe("validateStructure", () => {
  it("returns no error for a valid checklist", () => {
    expect(validateStructure("Checklist", read("checklist/valid/annual-batch.yaml"))).toEqual([]);
  });

  it("reports keyword, pointers and params for an invalid checklist, without if errors", () => {
    const errors = validateStructure("Checklist", read("checklist/invalid/annual-without-batch.yaml"));
    expect(errors).toEqual([
      {
        keyword: "required",
        instancePath: "/spec",
        schemaPath: "#/properties/spec/then/required",
        params: { missingProperty: "batch" },
        message: "must have required property 'batch'",
      },
    ]);
  });

  it("rejects a document of another kind and values that are not documents", () => {
    const taxonomy = read("taxonomy/valid/minimal.yaml");
    expect(validateStructure("Checklist", taxonomy).map((e) => `${e.keyword} ${e.instancePath}`)).toContain(
      "const /kind",
    );
    for (const value of [null, 42, "Checklist", [], undefined]) {
      expect(validateStructure("Checklist", value)).toEqual([
        expect.objectContaining({ keyword: "type", instancePath: "" }),
      ]);
    }
  });

  // The precompiled validators are built from the same files; a stale build shows up here.
  it("agrees with Ajv compiling schemas/v1 on every fixture", () => {
    const ajv = createAjv();
    for (const kind of DOCUMENT_KINDS) {
      const folder = SCHEMA_FILES[kind].replace(".schema.json", "");
      const validate = ajv.getSchema(SCHEMA_FILES[kind]);
      for (const sub of ["valid", "invalid"]) {
        for (const name of readdirSync(`${FIXTURES}${folder}/${sub}`)) {
          const value = read(`${folder}/${sub}/${name}`);
          validate?.(value);
          const expected = (validate?.errors ?? [])
            .filter((e) => e.keyword !== "if")
            .map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, params: e.params }));
          const actual = validateStructure(kind, value).map(({ keyword, instancePath, params }) => ({
            keyword,
            instancePath,
            params,
          }));
          expect(actual, `${folder}/${sub}/${name}`).toEqual(expected);
        }
      }
    }
  });
});

describe("document kinds", () => {
  it("recognises exactly the six kinds", () => {
    expect(DOCUMENT_KINDS.filter(isDocumentKind)).toEqual([...DOCUMENT_KINDS]);
    for (const value of ["checklist", "Matter", "", null, 1, {}]) expect(isDocumentKind(value)).toBe(false);
  });

  it("maps each kind to its document type", () => {
    expectTypeOf<DocumentOfKind<"Checklist">>().toEqualTypeOf<ChecklistDocument>();
    expectTypeOf<DocumentOfKind<DocumentKind>["kind"]>().toEqualTypeOf<DocumentKind>();
  });
});
