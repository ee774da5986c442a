import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

describe("unknown-item", () => {
  testRule("unknown-item", [
    {
      name: "valid: items of the catalogue",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["items: [{ ref: item.one }, { ref: item.two, role: conditional }]"] }) }) },
      expected: [],
    },
    {
      name: "an item not in the catalogue",
      files: { ...BASE, "t.yaml": checklist({ matters: matter({ lines: ["items:", "  - { ref: item.one }", "  - { ref: item.tow }"] }) }) },
      expected: ["t.yaml:17:18"],
    },
    {
      name: "a patch that sets unknown items",
      files: {
        ...BASE,
        "t.yaml": checklist({
          spec: "  scope: local\n  extends: [{ checklist: cn.national.2024-1 }]\n  patches:\n    - matter: newborn-birth\n      set: { items: [{ ref: item.missing }] }\n",
          matters: "    []\n",
        }).replace("  matters:\n    []", "  matters: []"),
      },
      expected: ["t.yaml:12:29"],
    },
  ]);
});
