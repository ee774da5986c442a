import { describe, expect, test } from "vitest";
import { sortDiagnostics } from "../diagnostics.js";
import { sampleProject } from "../test-helpers.js";
import { formatJson } from "./json.js";

describe("formatJson", () => {
  const { diagnostics } = sampleProject();

  test("prints version, summary and every diagnostic with 1-based positions in the chosen language", () => {
    const out = JSON.parse(formatJson(sortDiagnostics(diagnostics), { lang: "en" }));
    expect(out.version).toBe(1);
    expect(out.lang).toBe("en");
    expect(out.summary).toEqual({ error: 3, warning: 1, info: 1, files: 2 });
    expect(out.diagnostics).toHaveLength(5);
    expect(out.diagnostics[2]).toEqual({
      code: "unknown-field",
      severity: "error",
      message: "Unknown field colour",
      hint: "Remove the field or check its spelling",
      file: "checklists/national/2024-1.yaml",
      pointer: "/spec/matters/0/name/colour",
      line: 9,
      column: 29,
      endLine: 9,
      endColumn: 35,
    });
  });

  test("prints an empty list for a clean run", () => {
    expect(JSON.parse(formatJson([], { lang: "zh" }))).toEqual({
      version: 1,
      lang: "zh",
      summary: { error: 0, warning: 0, info: 0, files: 0 },
      diagnostics: [],
    });
  });
});
