import { describe } from "vitest";
import { BASE, checklist } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const local = (base: string) => checklist({ spec: `  scope: local\n  extends:\n    - checklist: ${base}\n`, matters: "" }).replace("  matters:\n", "  matters: []\n");

describe("unknown-base", () => {
  testRule("unknown-base", [
    { name: "valid: extends an existing checklist", files: { ...BASE, "t.yaml": local("cn.national.2024-1") }, expected: [] },
    { name: "extends a missing checklist", files: { ...BASE, "t.yaml": local("cn.national.2024-2") }, expected: ["t.yaml:10:18"] },
    { name: "extends a document of another kind", files: { ...BASE, "t.yaml": local("cn.departments") }, expected: ["t.yaml:10:18"] },
  ]);
});
