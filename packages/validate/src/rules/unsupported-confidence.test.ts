import { describe } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const verified = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }).replace("confidence: unverified", "confidence: verified") }) });

describe("unsupported-confidence", () => {
  testRule("unsupported-confidence", [
    { name: "valid: verified with a source", files: verified(["sources: [{ title: 国发〔2024〕3号 }]"]), expected: [] },
    { name: "valid: unverified without sources", files: BASE, expected: [] },
    { name: "verified without sources", files: verified([]), expected: ["t.yaml:14:19"] },
    { name: "verified with an empty source list", files: verified(["sources: []"]), expected: ["t.yaml:14:19"] },
  ]);
});
