import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TYPES_FILE, generateTypes } from "../scripts/generate-types.mjs";

describe("generated types", () => {
  it("src/types.ts matches the schemas", async () => {
    const committed = readFileSync(TYPES_FILE, "utf8");
    const fresh = await generateTypes();
    expect(
      committed === fresh,
      "src/types.ts is out of date with schemas/v1: run npm run generate -w @onething/schemas",
    ).toBe(true);
  });

  it("declares each type once", () => {
    const names = [...readFileSync(TYPES_FILE, "utf8").matchAll(/^export (?:type|interface) (\w+)/gm)].map(
      (match) => match[1],
    );
    expect(names.filter((name) => /\d$/.test(name ?? ""))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ["ChecklistDocument", "Matter", "MatterPatch", "LocalizedText", "EvaluationResult"]) {
      expect(names).toContain(name);
    }
  });
});
