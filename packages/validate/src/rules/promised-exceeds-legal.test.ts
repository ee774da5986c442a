import { describe } from "vitest";
import { BASE, document } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const item = (times: string) => ({
  ...BASE,
  "more.yaml": document({ kind: "ItemCatalog", id: "cn.more", spec: ["items:", "  - id: item.four", "    name: { zh: 事项四, en: Four }", "    department: dept.alpha", ...times.split("\n").map((line) => `    ${line}`)] }),
});

describe("promised-exceeds-legal", () => {
  testRule("promised-exceeds-legal", [
    { name: "valid: promised shorter than legal", files: item("legalTime: { value: 20, unit: workday }\npromisedTime: { value: 5, unit: workday }"), expected: [] },
    { name: "valid: days against working days are not compared", files: item("legalTime: { value: 5, unit: workday }\npromisedTime: { value: 7, unit: day }"), expected: [] },
    { name: "promised longer, same unit", files: item("legalTime: { value: 20, unit: day }\npromisedTime: { value: 30, unit: day }"), expected: ["more.yaml:13:30"] },
    { name: "more working days than legal calendar days", files: item("legalTime: { value: 10, unit: day }\npromisedTime: { value: 12, unit: workday }"), expected: ["more.yaml:13:30"] },
  ]);
});
