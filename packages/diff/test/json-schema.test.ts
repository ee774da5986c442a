import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { diffDocuments, renderJson, type Change } from "../src/index.js";
import { checklist, parseAll } from "./helpers.js";

const schema = JSON.parse(readFileSync(new URL("../schemas/diff-output.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

describe("schemas/diff-output.schema.json", () => {
  test.each(readdirSync(fixtures).filter((name) => !name.startsWith("_") && !name.includes(".")))("describes the golden json of %s", (name) => {
    const output = JSON.parse(readFileSync(`${fixtures}${name}/expected/json.json`, "utf8"));
    expect(output.changes.length).toBeGreaterThan(0);
    validate(output);
    expect(validate.errors ?? []).toEqual([]);
  });

  test("lists every check id the engine can produce", () => {
    const checks: Change["check"][] = ["document-added", "matter-possibly-renamed", "department-possibly-renamed", "status-changed", "batch-membership-changed"];
    for (const check of checks) expect(schema.$defs.change.properties.check.enum).toContain(check);
  });

  test("describes an added document and rejects an unknown property", () => {
    const after = parseAll({ "b.yaml": checklist("    - { id: a, name: { zh: 甲 }, subject: individual, stage: birth, confidence: verified }\n") });
    const output = JSON.parse(renderJson(diffDocuments({ before: [], after }), { lang: "en" }));
    expect(output.changes.map((change: { check: string }) => change.check)).toEqual(["document-added"]);
    expect(validate(output)).toBe(true);
    expect(validate({ ...output, extra: 1 })).toBe(false);
    expect(validate({ ...output, changes: [{ ...output.changes[0], fingerprint: "x" }] })).toBe(false);
  });
});
