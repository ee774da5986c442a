import { describe } from "vitest";
import { ANNUAL, BASE, CATALOG, REGISTRY, TAXONOMY, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const REFERENCES = ["owners: { lead: dept.alpha, partners: [dept.beta] }", "items: [{ ref: item.one }, { ref: item.two }]", "batches: [{ year: 2024, seq: 1 }]"];
const list = checklist({ matters: matter({ lines: REFERENCES }) + matter({ id: "b-matter", lines: REFERENCES }) });

describe("references-unchecked", () => {
  testRule("references-unchecked", [
    { name: "valid: the whole project is loaded", files: { ...BASE, "t.yaml": list }, expected: [] },
    {
      name: "a file on its own: once per kind of reference data, at the first reference",
      files: { "t.yaml": list },
      expected: ["t.yaml:13:14", "t.yaml:15:23", "t.yaml:16:22", "t.yaml:17:17"],
    },
    {
      name: "only the missing registry",
      files: { "taxonomy.yaml": TAXONOMY, "items.yaml": CATALOG, "national/2024-1.yaml": ANNUAL, "t.yaml": list },
      expected: ["items.yaml:9:68", "t.yaml:15:23"],
    },
    {
      name: "once per file",
      files: { "taxonomy.yaml": TAXONOMY, "departments.yaml": REGISTRY, "national/2024-1.yaml": ANNUAL, "t.yaml": list, "u.yaml": checklist({ id: "cn.other", matters: matter({ lines: REFERENCES }) }) },
      expected: ["t.yaml:16:22", "u.yaml:16:22"],
    },
  ]);
});
