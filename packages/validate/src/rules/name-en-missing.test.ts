import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

describe("name-en-missing", () => {
  testRule("name-en-missing", [
    { name: "valid: the base project names everything in English", files: BASE, expected: [] },
    { name: "a matter without en", files: { ...BASE, "t.yaml": checklist({ matters: matter({ name: "{ zh: 某一件事 }" }) }) }, expected: ["t.yaml:11:7"] },
    {
      name: "an item, a department and a stage without en",
      files: {
        ...BASE,
        "more.yaml": document({ kind: "ItemCatalog", id: "cn.more", spec: ["items:", "  - { id: item.four, name: { zh: 事项四 }, department: dept.alpha }"] }),
        "sub.yaml": document({ kind: "DepartmentRegistry", id: "cn.sub", spec: ["departments:", "  - { id: dept.delta, name: { zh: 丁部门, en: '' }, level: national }"] }),
        "taxonomy.yaml": document({
          kind: "Taxonomy",
          id: "cn.taxonomy",
          spec: ["subjects:", "  - id: individual", "    name: { zh: 个人 }", "    stages:", "      - { id: birth, name: { zh: 出生 } }"],
        }),
      },
      expected: ["more.yaml:9:24", "sub.yaml:9:25", "taxonomy.yaml:12:24"],
    },
  ]);
});
