import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DSL_DIAGNOSTICS } from "./diagnostic-codes.js";
import { parseSource } from "./parse.js";
import { summarize } from "./test-summary.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

function listCases(): string[] {
  const cases: string[] = [];
  for (const group of ["", "_error_/"]) {
    for (const entry of readdirSync(fixtures + group, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(`${fixtures}${group}${entry.name}/input.yaml`)) cases.push(group + entry.name);
    }
  }
  return cases.sort();
}

const cases = listCases();

describe("golden fixtures", () => {
  it.each(cases)("%s", (name) => {
    const bytes = readFileSync(`${fixtures}${name}/input.yaml`);
    const expected: unknown = JSON.parse(readFileSync(`${fixtures}${name}/expected.json`, "utf8"));
    const result = parseSource({ path: `fixtures/${name}/input.yaml`, text: new Uint8Array(bytes) });
    expect(summarize(result)).toEqual(expected);
  });

  it("error fixtures produce no document unless the envelope is usable, and every error case reports something", () => {
    for (const name of cases.filter((entry) => entry.startsWith("_error_/"))) {
      const expected = JSON.parse(readFileSync(`${fixtures}${name}/expected.json`, "utf8")) as { diagnostics: unknown[] };
      expect(expected.diagnostics.length, name).toBeGreaterThan(0);
    }
  });

  it("every diagnostic carries the file, a range and both languages", () => {
    for (const name of cases) {
      const path = `fixtures/${name}/input.yaml`;
      const result = parseSource({ path, text: new Uint8Array(readFileSync(`${fixtures}${name}/input.yaml`)) });
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.file).toBe(path);
        expect(diagnostic.range).toBeDefined();
        expect(diagnostic.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(diagnostic.message.en).toMatch(/[a-z]/i);
        expect(diagnostic.hint?.zh).toBeTruthy();
        expect(diagnostic.hint?.en).toBeTruthy();
        expect(diagnostic.severity).toBe(DSL_DIAGNOSTICS[diagnostic.code as keyof typeof DSL_DIAGNOSTICS].severity);
      }
    }
  });
});
