import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const materials = ["materials:", "  - { id: id-card, name: { zh: 身份证 }, necessity: required, source: applicant }", "  - { id: birth-proof, name: { zh: 出生医学证明 }, necessity: required, source: e-licence }"];
const withLines = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("material-count-mismatch", () => {
  testRule("material-count-mismatch", [
    { name: "valid: the count matches the unified set", files: withLines([...materials, "metrics: { materials: { before: 20, after: 2 } }"]), expected: [] },
    { name: "valid: no unified set to compare with", files: withLines(["metrics: { materials: { before: 20, after: 4 } }"]), expected: [] },
    { name: "the count differs from the unified set", files: withLines([...materials, "metrics: { materials: { before: 20, after: 4 } }"]), expected: ["t.yaml:18:50"] },
  ]);
});
