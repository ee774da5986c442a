import { describe, expect, test } from "vitest";
import { compareByRank, limitDiagnostics, sortDiagnostics, summarize } from "./diagnostics.js";
import { sampleProject } from "./test-helpers.js";

describe("diagnostic helpers", () => {
  const { diagnostics } = sampleProject();

  test("summarize counts severities and distinct files", () => {
    expect(summarize(diagnostics)).toEqual({ error: 3, warning: 1, info: 1, files: 2 });
    expect(summarize([])).toEqual({ error: 0, warning: 0, info: 0, files: 0 });
  });

  test("sortDiagnostics orders by file, then line and column", () => {
    expect(sortDiagnostics(diagnostics).map((d) => `${d.file}:${d.range?.start.line}`)).toEqual([
      "checklists/departments.yaml:5",
      "checklists/departments.yaml:6",
      "checklists/national/2024-1.yaml:9",
      "checklists/national/2024-1.yaml:10",
      "checklists/national/2024-1.yaml:11",
    ]);
  });

  test("compareByRank puts errors first", () => {
    expect([...diagnostics].sort(compareByRank).map((d) => d.severity)).toEqual(["error", "error", "error", "warning", "info"]);
  });

  test("limitDiagnostics keeps the most serious in their original order", () => {
    const { shown, omitted } = limitDiagnostics(diagnostics, 2);
    expect(omitted).toBe(3);
    expect(shown.map((d) => d.code)).toEqual(["unknown-field", "yaml-syntax"]);
    expect(limitDiagnostics(diagnostics, undefined).omitted).toBe(0);
  });
});
