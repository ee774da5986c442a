import { describe, expect, test } from "vitest";
import { BASE, checklist, matter } from "../test/project.js";
import { parseFiles, place, wrapValue } from "../test/rule-tester.js";
import { structuralDiagnostics, validateDocuments } from "./index.js";

function structural(text: string) {
  const [document] = parseFiles({ "t.yaml": text });
  return document ? structuralDiagnostics(document) : [];
}

describe("structuralDiagnostics", () => {
  test.each([
    ["valid", checklist({ matters: matter() }), []],
    ["an unknown field points at the extra key", checklist({ matters: matter({ lines: ["chanels: [window]"] }) }), ["schema-unknown-field t.yaml:15:7"]],
    ["a missing field points at the key of the object lacking it", checklist({ matters: matter({ lines: ["owners: { partners: [dept.beta] }"] }) }), ["schema-required t.yaml:15:7"]],
    ["a missing root field points at the first root key", checklist({ matters: matter() }).replace(/^spec:[\s\S]*/m, ""), ["schema-required t.yaml:1:1"]],
    ["a wrong type points at the value", checklist({ matters: matter({ lines: ["channels: window"] }) }), ["schema-type t.yaml:15:17"]],
    ["an enum miss points at the value", checklist({ matters: matter({ subject: "individul" }) }), ["schema-enum t.yaml:12:16"]],
    ["a pattern miss", checklist({ matters: matter({ lines: ["owners: { lead: nhc }"] }) }), ["schema-pattern t.yaml:15:23"]],
    ["a range miss", checklist({ matters: matter({ lines: ["metrics: { trips: { before: -1 } }"] }) }), ["schema-range t.yaml:15:35"]],
    ["an empty zh name", checklist({ matters: matter({ name: '{ zh: "" }' }) }), ["schema-range t.yaml:11:19"]],
    ["a repeated partner points at the repeat", checklist({ matters: matter({ lines: ["owners: { lead: dept.alpha, partners: [dept.beta, dept.beta] }"] }) }), ["schema-unique t.yaml:15:57"]],
    ["an annual list without its batch (then-branch)", checklist({ spec: "  scope: annual\n", matters: matter() }), ["schema-required t.yaml:7:1"]],
    ["two errors on one value are reported once", checklist({ matters: matter({ lines: ["status: 3"] }) }), ["schema-type t.yaml:15:15"]],
  ])("%s", (_name, text, expected) => {
    expect(structural(text).map(place)).toEqual(expected);
  });

  test("documents of an unknown kind, or not mappings, are left to the parser", () => {
    expect(structuralDiagnostics(wrapValue({ apiVersion: "onething/v1", kind: "Recipe" }))).toEqual([]);
    expect(structuralDiagnostics(wrapValue(["just", "a list"]))).toEqual([]);
  });

  test("a const miss names the fixed value", () => {
    const [document] = parseFiles({ "t.yaml": checklist({ matters: matter() }) });
    const value = { ...(document?.value as object), apiVersion: "onething/v2" };
    const diagnostics = structuralDiagnostics(wrapValue(value));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([["schema-const", "/apiVersion"]]);
    expect(diagnostics[0]?.message.en).toBe('apiVersion must be "onething/v1", found "onething/v2"');
  });

  test("hints name the nearest enum value and the nearest known field", () => {
    const [enumMiss] = structural(checklist({ matters: matter({ subject: "individul" }) }));
    expect(enumMiss?.hint?.en).toBe('Did you mean "individual"?');
    const [fieldMiss] = structural(checklist({ matters: matter({ lines: ["chanels: [window]"] }) }));
    expect(fieldMiss?.hint?.en).toBe('Did you mean "channels"?');
  });

  test("messages say the field, what was expected and what was found", () => {
    const messages = [
      checklist({ matters: matter({ lines: ["owners: { partners: [dept.beta] }"] }) }),
      checklist({ matters: matter({ subject: "individul" }) }),
      checklist({ matters: matter({ lines: ["owners: { lead: nhc }"] }) }),
      checklist({ matters: matter({ lines: ["channels: window"] }) }),
      checklist({ matters: matter({ lines: ["owners: { lead: dept.alpha, leed: dept.beta }"] }) }),
    ].flatMap((text) => structural(text).map((diagnostic) => diagnostic.message));
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "en": "spec.matters[0].owners is missing the required field "lead"",
          "zh": "spec.matters[0].owners 缺少必填字段 lead",
        },
        {
          "en": "spec.matters[0].subject must be one of enterprise, individual, project; found "individul"",
          "zh": "spec.matters[0].subject 应为以下之一：enterprise, individual, project；实际为 "individul"",
        },
        {
          "en": "spec.matters[0].owners.lead has the wrong format: expected a department id: dept. followed by lowercase letters, digits or hyphens, such as dept.qd.tax; found "nhc"",
          "zh": "spec.matters[0].owners.lead 格式不对：应为部门标识：以 dept. 开头，后接小写字母、数字或连字符，如 dept.qd.tax；实际为 "nhc"",
        },
        {
          "en": "spec.matters[0].channels must be a list, found a text "window"",
          "zh": "spec.matters[0].channels 应为列表，实际为文本 "window"",
        },
        {
          "en": "spec.matters[0].owners has the field "leed", which the standard does not define (allowed: lead, leader, partners)",
          "zh": "spec.matters[0].owners 中的字段 leed 不在标准之中（允许的字段：lead, leader, partners）",
        },
      ]
    `);
  });

  test("semantic rules skip a document with structural errors but still see the others", () => {
    const documents = parseFiles({
      ...BASE,
      "bad.yaml": checklist({ matters: matter({ lines: ["owners: { lead: dept.nowhere }", "status: unknown-status"] }) }),
      "good.yaml": checklist({ id: "cn.good", matters: matter({ lines: ["owners: { lead: dept.nowhere }"] }) }),
    });
    expect(validateDocuments(documents, { today: "2026-01-01" }).map(place)).toEqual([
      "schema-enum bad.yaml:16:15",
      "unknown-department good.yaml:15:23",
    ]);
  });
});
