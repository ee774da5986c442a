import { expect, test } from "vitest";
import { BASE, checklist, document, matter } from "../test/project.js";
import { parseFiles } from "../test/rule-tester.js";
import { validateDocuments } from "./index.js";

test("rule messages and hints read well in both languages", () => {
  const documents = parseFiles({
    ...BASE,
    "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "brith", lines: ["owners: { lead: dept.alpah }"] }) }),
    "more.yaml": document({
      kind: "ItemCatalog",
      id: "cn.more",
      spec: ["items:", "  - { id: item.four, name: { zh: 事项四, en: Four }, department: dept.alpha, legalTime: { value: 10, unit: day }, promisedTime: { value: 12, unit: workday } }"],
    }),
  });
  const texts = validateDocuments(documents, { today: "2026-01-01" }).map((diagnostic) => ({ code: diagnostic.code, message: diagnostic.message, hint: diagnostic.hint }));
  expect(texts).toMatchInlineSnapshot(`
    [
      {
        "code": "promised-exceeds-legal",
        "hint": {
          "en": "The promised limit must not exceed the legal one; check the values and units (working days / days).",
          "zh": "承诺时限应不长于法定时限；检查数值和单位（工作日 / 自然日）。",
        },
        "message": {
          "en": "The item item.four promises 12 working days, longer than its legal limit of 10 days",
          "zh": "事项 item.four 的承诺时限 12个工作日 长于法定时限 10天",
        },
      },
      {
        "code": "unknown-stage",
        "hint": {
          "en": "Use a stage id of the subject from the Taxonomy; map an older taxonomy's stage name onto the Taxonomy's stage for it.",
          "zh": "使用分类中该主体的阶段标识；旧分类的阶段名请换成分类中与之对应的阶段。",
        },
        "message": {
          "en": "The stage brith is not a lifecycle stage of the subject enterprise (known: market-entry, exit)",
          "zh": "阶段 brith 不是主体 enterprise 的生命周期阶段（可选：market-entry, exit）",
        },
      },
      {
        "code": "unknown-department",
        "hint": {
          "en": "Did you mean dept.alpha?",
          "zh": "是否想写 dept.alpha？",
        },
        "message": {
          "en": "The department dept.alpah is not defined in any department registry",
          "zh": "部门 dept.alpah 未在部门名录中定义",
        },
      },
    ]
  `);
});
