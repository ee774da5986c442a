import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAjv, KIND_FILES } from "../scripts/schema-files.mjs";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const ajv = createAjv();

/** A fixture folder name is the schema file name without `.schema.json`. */
const kinds = Object.entries(KIND_FILES).map(([kind, file]) => ({
  kind,
  file,
  folder: file.replace(".schema.json", ""),
}));

function listYaml(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
}

/** `# expect: <keyword> <instancePath>` lines at the top of an invalid fixture; no path means the root. */
function expectedErrors(text: string): string[] {
  const expected: string[] = [];
  for (const line of text.split("\n")) {
    const match = /^#\s*expect:\s*(\S+)\s*(\S*)\s*$/.exec(line);
    if (match) expected.push(`${match[1]} ${match[2]}`);
  }
  return expected.sort();
}

function actualErrors(file: string, value: unknown): string[] {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`schema ${file} is not registered`);
  validate(value);
  return (validate.errors ?? [])
    .filter((error) => error.keyword !== "if")
    .map((error) => `${error.keyword} ${error.instancePath}`)
    .sort();
}

describe.each(kinds)("$kind fixtures", ({ file, folder }) => {
  const validDir = `${FIXTURES}${folder}/valid/`;
  const invalidDir = `${FIXTURES}${folder}/invalid/`;

  it("has at least 2 valid and 4 invalid fixtures", () => {
    expect(listYaml(validDir).length).toBeGreaterThanOrEqual(2);
    expect(listYaml(invalidDir).length).toBeGreaterThanOrEqual(4);
  });

  it.each(listYaml(validDir))("accepts valid/%s", (name) => {
    const value: unknown = parse(readFileSync(validDir + name, "utf8"));
    expect(actualErrors(file, value)).toEqual([]);
  });

  it.each(listYaml(invalidDir))("rejects invalid/%s with exactly the expected errors", (name) => {
    const text = readFileSync(invalidDir + name, "utf8");
    const expected = expectedErrors(text);
    expect(expected.length, "an invalid fixture must declare its errors").toBeGreaterThan(0);
    expect(actualErrors(file, parse(text))).toEqual(expected);
  });
});
