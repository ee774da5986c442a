import { describe, expect, it } from "vitest";
import { readSchema } from "../scripts/schema-files.mjs";
import { MERGED_MEMBERS, isMergedField } from "./index.js";

type Node = Record<string, unknown>;

const definitions = readSchema("checklist.schema.json")["definitions"] as Record<string, Node>;

/** The definition a property of a checklist definition refers to (`#/definitions/<name>`). */
function referenced(definition: string, property: string): Node {
  const properties = definitions[definition]?.["properties"] as Record<string, Node>;
  const ref = String(properties[property]?.["$ref"]);
  const target = definitions[ref.replace("#/definitions/", "")];
  if (target === undefined) throw new Error(`${definition}.${property} refers to ${ref}, which is not defined`);
  return target;
}

describe("the fields a patch merges member by member", () => {
  it.each(Object.entries(MERGED_MEMBERS))("%s lists every member the standard allows, in its order", (field, members) => {
    // Both the matter and a patch's `set` take the same closed object, so a patch's members are always among these.
    for (const where of ["Matter", "MatterChanges"]) {
      const object = referenced(where, field);
      expect(object["additionalProperties"]).toBe(false);
      expect(Object.keys(object["properties"] as Node)).toEqual(members);
    }
  });

  it("are metrics, oneStop and smart; every other field, and names an object inherits, are replaced", () => {
    expect(Object.keys(MERGED_MEMBERS)).toEqual(["metrics", "oneStop", "smart"]);
    expect(["metrics", "oneStop", "smart"].map(isMergedField)).toEqual([true, true, true]);
    expect(["owners", "items", "locked", "toString", "__proto__", "constructor", "hasOwnProperty"].some(isMergedField)).toBe(false);
  });
});
