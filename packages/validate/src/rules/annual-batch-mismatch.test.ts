import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const annual = (lines: string[]) => ({
  ...BASE,
  "t.yaml": checklist({ id: "cn.national.2025-1", spec: "  scope: annual\n  batch: { year: 2025, seq: 1 }\n", matters: matter({ lines }) }),
});

describe("annual-batch-mismatch", () => {
  testRule("annual-batch-mismatch", [
    { name: "valid: batches include the list's batch", files: annual(["batches: [{ year: 2024, seq: 1 }, { year: 2025, seq: 1 }]"]), expected: [] },
    { name: "valid: no batches given", files: annual([]), expected: [] },
    { name: "batches omit the list's batch", files: annual(["batches: [{ year: 2024, seq: 1 }]"]), expected: ["t.yaml:16:7"] },
  ]);
});
