import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

describe("unknown-batch", () => {
  testRule("unknown-batch", [
    { name: "valid: a batch with an annual list", files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["batches: [{ year: 2024, seq: 1 }]"] }) }) }, expected: [] },
    {
      name: "a batch no annual list has",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["batches:", "  - { year: 2024, seq: 1 }", "  - { year: 2024, seq: 3 }"] }) }) },
      expected: ["t.yaml:17:11"],
    },
  ]);
});
