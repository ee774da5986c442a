import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const list = (level: string, division: string) => ({
  ...BASE,
  "t.yaml": checklist({ matters: matter() }).replace("  version: 1.0.0\n", `  version: 1.0.0\n  jurisdiction: { level: ${level}, division: "${division}" }\n`),
});

describe("division-code-format", () => {
  testRule("division-code-format", [
    { name: "valid: the nation", files: list("national", "100000"), expected: [] },
    { name: "valid: a province", files: list("provincial", "370000"), expected: [] },
    { name: "valid: a city", files: list("municipal", "370200"), expected: [] },
    { name: "no such province", files: list("municipal", "990200"), expected: ["t.yaml:7:47"] },
    { name: "a national list with a city code", files: list("national", "370200"), expected: ["t.yaml:7:46"] },
    { name: "a provincial list with a city code", files: list("provincial", "370200"), expected: ["t.yaml:7:48"] },
    { name: "100000 on a municipal list", files: list("municipal", "100000"), expected: ["t.yaml:7:47"] },
    {
      name: "a department's division",
      files: { ...BASE, "more.yaml": document({ kind: "DepartmentRegistry", id: "cn.more", spec: ["departments:", '  - { id: dept.delta, name: { zh: 丁部门, en: Delta }, level: provincial, division: "910000" }'] }) },
      expected: ["more.yaml:9:84"],
    },
  ]);
});
