import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const withMetrics = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("metric-after-exceeds-before", () => {
  testRule("metric-after-exceeds-before", [
    { name: "valid: every after is at most before", files: withMetrics(["metrics:", "  trips: { before: 5, after: 0 }", "  days: { before: 20, after: 20 }", "  steps: { after: 3 }"]), expected: [] },
    {
      name: "after larger than before",
      files: withMetrics(["metrics:", "  materials: { before: 4, after: 20 }", "smart:", "  applicationMinutes: { before: 16, after: 50 }"]),
      expected: ["t.yaml:16:40", "t.yaml:18:50"],
    },
  ]);
});
