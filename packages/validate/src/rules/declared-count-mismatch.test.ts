import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const annual = (declared: number) =>
  checklist({ spec: `  scope: annual\n  batch: { year: 2024, seq: 2 }\n  declaredCount: ${declared}\n`, matters: matter({ id: "one" }) + matter({ id: "two" }) });

describe("declared-count-mismatch", () => {
  testRule("declared-count-mismatch", [
    { name: "valid: as many matters as declared", files: { ...BASE, "t.yaml": annual(2) }, expected: [] },
    { name: "fewer matters than declared", files: { ...BASE, "t.yaml": annual(8) }, expected: ["t.yaml:10:18"] },
    {
      name: "valid: a local list's count includes its bases, so it is not compared",
      files: { ...BASE, "t.yaml": checklist({ spec: "  scope: local\n  extends: [{ checklist: cn.national.2024-1 }]\n  declaredCount: 25\n", matters: matter() }) },
      expected: [],
    },
  ]);
});
