import { describe } from "vitest";
import { BASE, checklist } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const matter = (owners: string) => `    - id: a-matter
      name: { zh: 某一件事, en: A matter }
      subject: individual
      stage: birth
      owners: ${owners}
      confidence: unverified
`;

describe("lead-in-partners", () => {
  testRule("lead-in-partners", [
    { name: "valid: distinct lead and partners", files: { ...BASE, "t.yaml": checklist({ matters: matter("{ lead: dept.alpha, partners: [dept.beta, dept.gamma] }") }) }, expected: [] },
    { name: "lead listed as partner", files: { ...BASE, "t.yaml": checklist({ matters: matter("{ lead: dept.alpha, partners: [dept.beta, dept.alpha] }") }) }, expected: ["t.yaml:14:57"] },
    { name: "lead listed as the only partner", files: { ...BASE, "t.yaml": checklist({ matters: matter("{ lead: dept.beta, partners: [dept.beta] }") }) }, expected: ["t.yaml:14:45"] },
  ]);
});
