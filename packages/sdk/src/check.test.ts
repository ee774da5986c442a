import { DSL_DIAGNOSTICS } from "@onething/dsl";
import { ENGINE_DIAGNOSTICS, STRUCTURAL_DIAGNOSTICS, rules } from "@onething/validate";
import { describe, expect, it } from "vitest";
import { describeDiagnosticCodes } from "./check.js";

describe("describeDiagnosticCodes", () => {
  it("describes every code validation can report, in both languages, so SARIF rules never show a bare code", () => {
    const descriptions = describeDiagnosticCodes();
    const codes = [
      ...Object.keys(DSL_DIAGNOSTICS),
      ...Object.keys(STRUCTURAL_DIAGNOSTICS),
      ...Object.keys(ENGINE_DIAGNOSTICS),
      ...rules.map((rule) => rule.meta.id),
    ];
    expect(codes).toContain("rule-crashed");
    for (const code of codes) {
      const description = descriptions.get(code);
      expect(description?.zh, code).toMatch(/\p{Script=Han}/u);
      expect(description?.en.length, code).toBeGreaterThan(10);
    }
  });
});
