import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const { ["departments.yaml"]: _registry, ...WITHOUT_REGISTRY } = BASE;

describe("unknown-department", () => {
  testRule("unknown-department", [
    {
      name: "valid: every reference is in the registry",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["owners: { lead: dept.alpha, partners: [dept.beta] }", "steps: [{ name: { zh: 受理 }, department: dept.gamma }]"] }) }) },
      expected: [],
    },
    {
      name: "an unknown lead, partner and step department",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["owners: { lead: dept.alpah, partners: [dept.beta, dept.omega] }", "steps: [{ name: { zh: 受理 }, department: dept.zeta }]"] }) }) },
      expected: ["t.yaml:15:23", "t.yaml:15:57", "t.yaml:16:47"],
    },
    {
      name: "an item's department and a department's parent",
      files: {
        ...BASE,
        "more.yaml": document({ kind: "ItemCatalog", id: "cn.more", spec: ["items:", "  - { id: item.four, name: { zh: 事项四, en: Four }, department: dept.nowhere }"] }),
        "sub.yaml": document({ kind: "DepartmentRegistry", id: "cn.sub", spec: ["departments:", "  - { id: dept.alpha.office, name: { zh: 甲办公室, en: Alpha office }, level: national, parent: dept.alfa }"] }),
      },
      expected: ["more.yaml:9:65", "sub.yaml:9:95"],
    },
    {
      name: "no registry in the project: not checked",
      files: { ...WITHOUT_REGISTRY, "t.yaml": checklist({ matters: matter({ lines: ["owners: { lead: dept.omega }"] }) }) },
      expected: [],
    },
  ]);
});
