import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

describe("unknown-stage", () => {
  testRule("unknown-stage", [
    { name: "valid: stages of the subject", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "exit" }) }) }, expected: [] },
    { name: "a stage the taxonomy lacks", files: { ...BASE, "t.yaml": checklist({ matters: matter({ stage: "brith" }) }) }, expected: ["t.yaml:13:14"] },
    { name: "a stage of the other subject", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "birth" }) }) }, expected: ["t.yaml:13:14"] },
    { name: "a subject without a lifecycle", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "project", stage: "signing" }) }) }, expected: ["t.yaml:12:16"] },
  ]);
});
