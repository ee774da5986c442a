import { describe, expect, it } from "vitest";
import { parseSource } from "@onething/dsl";
import type { ParsedDocument } from "@onething/dsl";
import { checkAndResolve, checkDocuments } from "./check.js";

const NATIONAL = `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.example.national
  title: { zh: 示例国家清单 }
  version: 1.0.0
spec:
  scope: total
  matters:
    - id: newborn-birth
      name: { zh: 新生儿出生, en: Newborn birth }
      subject: individual
      stage: birth
      metrics: { trips: { before: 5, after: 1 } }
      locked: [trips]
      confidence: illustrative
    - id: retirement
      name: { zh: 退休, en: Retirement }
      subject: individual
      stage: elderly
      confidence: illustrative
`;

const CITY = `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.example.city
  title: { zh: 示例市级清单 }
  version: 1.0.0
spec:
  scope: local
  extends:
    - checklist: cn.example.national
      exclude: [retirement]
  patches:
    - matter: newborn-birth
      set:
        metrics: { trips: { before: 5, after: 2 } }
  matters: []
`;

function parse(path: string, text: string): ParsedDocument {
  const { document } = parseSource({ path, text });
  if (document === undefined) throw new Error(`${path} did not parse`);
  return document;
}

const documents = [parse("national.yaml", NATIONAL), parse("city.yaml", CITY)];
const findings = (rules?: Record<string, "error" | "warning" | "info" | "off">) =>
  checkDocuments(documents, { today: "2025-07-01", ...(rules === undefined ? {} : { rules }) })
    .filter((diagnostic) => diagnostic.file === "city.yaml")
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${diagnostic.range?.start.line}:${diagnostic.range?.start.column}`);

describe("checkDocuments", () => {
  it("adds the findings of resolving checklists over their bases, sorted by place", () => {
    expect(findings()).toEqual(["local-floor warning 11:17", "locked-field-weakened error 15:20"]);
  });

  it("resolves without provenance, finding exactly what resolving with provenance finds", () => {
    const withOrigins = checkAndResolve(documents, { today: "2025-07-01" });
    expect([...withOrigins.checklists.values()].some((list) => list.matters.some((matter) => Object.keys(matter.origin).length > 0))).toBe(true);
    expect(checkDocuments(documents, { today: "2025-07-01" })).toEqual(withOrigins.diagnostics);
  });

  it("applies per-code overrides to resolution findings too", () => {
    expect(findings({ "local-floor": "off", "locked-field-weakened": "warning" })).toEqual(["locked-field-weakened warning 15:20"]);
  });
});
