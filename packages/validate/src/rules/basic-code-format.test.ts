import { describe } from "vitest";
import { BASE, document } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const item = (code: string) => ({
  ...BASE,
  "more.yaml": document({ kind: "ItemCatalog", id: "cn.more", spec: ["items:", `  - { id: item.four, name: { zh: 事项四, en: Four }, department: dept.alpha, basicCode: ${code} }`] }),
});

describe("basic-code-format", () => {
  testRule("basic-code-format", [
    { name: "valid: 12 digits", files: item('"000104002000"'), expected: [] },
    { name: "11 digits", files: item('"00010400200"'), expected: ["more.yaml:9:88"] },
    { name: "letters", files: item("00010400200X"), expected: ["more.yaml:9:88"] },
  ]);
});
