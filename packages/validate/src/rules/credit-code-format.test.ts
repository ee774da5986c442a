import { describe } from "vitest";
import { BASE, document } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

// 123456789012345678 is a constructed code whose check character (8) follows GB 32100; it names no one.
const department = (code: string) => ({
  ...BASE,
  "more.yaml": document({ kind: "DepartmentRegistry", id: "cn.more", spec: ["departments:", `  - { id: dept.delta, name: { zh: 丁部门, en: Delta }, level: national, creditCode: "${code}" }`] }),
});

describe("credit-code-format", () => {
  testRule("credit-code-format", [
    { name: "valid: a correct check character", files: department("123456789012345678"), expected: [] },
    { name: "a wrong check character", files: department("123456789012345670"), expected: ["more.yaml:9:84"] },
    { name: "17 characters", files: department("12345678901234567"), expected: ["more.yaml:9:84"] },
    { name: "a letter outside the charset", files: department("1234567890123456O8"), expected: ["more.yaml:9:84"] },
  ]);
});
