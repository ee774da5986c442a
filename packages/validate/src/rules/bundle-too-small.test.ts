import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const bundle = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("bundle-too-small", () => {
  testRule("bundle-too-small", [
    { name: "valid: two items of two departments", files: bundle(["items: [{ ref: item.one }, { ref: item.two }]"]), expected: [] },
    { name: "valid: one department's items with a partner department", files: bundle(["owners: { lead: dept.alpha, partners: [dept.gamma] }", "items: [{ ref: item.one }, { ref: item.three }]"]), expected: [] },
    { name: "valid: no items listed yet", files: bundle([]), expected: [] },
    { name: "a single item", files: bundle(["items: [{ ref: item.one }]"]), expected: ["t.yaml:15:7"] },
    { name: "items and owners of one department", files: bundle(["owners: { lead: dept.alpha }", "items: [{ ref: item.one }, { ref: item.three }]"]), expected: ["t.yaml:16:7"] },
  ]);
});
