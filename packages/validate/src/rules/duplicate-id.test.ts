import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const material = (id: string) => `  - { id: ${id}, name: { zh: 身份证, en: ID card }, necessity: required, source: applicant }`;

describe("duplicate-id", () => {
  testRule("duplicate-id", [
    { name: "valid: the base project", files: BASE, expected: [] },
    {
      name: "a document id used twice",
      files: { ...BASE, "t.yaml": checklist({ id: "cn.taxonomy", matters: matter() }) },
      expected: ["t.yaml:4:3"],
    },
    {
      name: "a matter id repeated within a checklist",
      files: { ...BASE, "t.yaml": checklist({ matters: matter() + matter() }) },
      expected: ["t.yaml:15:7"],
    },
    {
      name: "the same matter id in two checklists is fine",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ id: "newborn-birth" }) }) },
      expected: [],
    },
    {
      name: "a department defined in two registries",
      files: {
        ...BASE,
        "more-departments.yaml": document({
          kind: "DepartmentRegistry",
          id: "cn.more-departments",
          spec: ["departments:", "  - { id: dept.delta, name: { zh: 丁部门, en: Delta }, level: national }", "  - { id: dept.alpha, name: { zh: 甲部门, en: Alpha }, level: national }"],
        }),
      },
      expected: ["more-departments.yaml:10:9"],
    },
    {
      name: "an item defined twice in one catalogue",
      files: {
        ...BASE,
        "more-items.yaml": document({
          kind: "ItemCatalog",
          id: "cn.more-items",
          spec: ["items:", "  - { id: item.four, name: { zh: 事项四, en: Item four }, department: dept.alpha }", "  - { id: item.four, name: { zh: 事项四, en: Item four }, department: dept.beta }"],
        }),
      },
      expected: ["more-items.yaml:10:9"],
    },
    {
      name: "a material id repeated within a matter's unified set",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["materials:", material("id-card"), material("birth-proof"), material("id-card")] }) }) },
      expected: ["t.yaml:18:13"],
    },
    {
      name: "a stage id repeated within a subject",
      files: {
        ...BASE,
        "taxonomy.yaml": document({
          kind: "Taxonomy",
          id: "cn.taxonomy",
          spec: [
            "subjects:",
            "  - id: individual",
            "    name: { zh: 个人, en: Individual }",
            "    stages:",
            "      - { id: birth, name: { zh: 出生, en: Birth } }",
            "      - { id: birth, name: { zh: 出生, en: Birth } }",
          ],
        }),
      },
      expected: ["taxonomy.yaml:13:13"],
    },
  ]);
});
