import type { Diagnostic } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { BASE, checklist, matter } from "../../test/project.js";
import { parseFiles, place, testRule } from "../../test/rule-tester.js";
import { validateDocuments } from "../index.js";

describe("unknown-stage", () => {
  testRule("unknown-stage", [
    { name: "valid: stages of the subject", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "exit" }) }) }, expected: [] },
    { name: "a stage the taxonomy lacks", files: { ...BASE, "t.yaml": checklist({ matters: matter({ stage: "brith" }) }) }, expected: ["t.yaml:13:14"] },
    { name: "a stage of the other subject", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "birth" }) }) }, expected: ["t.yaml:13:14"] },
    { name: "a subject without a lifecycle", files: { ...BASE, "t.yaml": checklist({ matters: matter({ subject: "project", stage: "signing" }) }) }, expected: ["t.yaml:12:16"] },
  ]);
});

/** A taxonomy with 2022 aliases, one of them marked as the Taxonomy's own mapping, as in checklists/taxonomy.yaml. */
const ALIASED_TAXONOMY = `apiVersion: onething/v1
kind: Taxonomy
metadata:
  id: cn.taxonomy
  title: { zh: 生命周期分类, en: Lifecycle taxonomy }
  version: 1.0.0
spec:
  subjects:
    - id: enterprise
      name: { zh: 经营主体, en: Business entity }
      stages:
        - id: market-entry
          name: { zh: 准入准营, en: Market entry and permits }
          aliases:
            - { zh: 开办, taxonomy: "2022" }
        - id: operation
          name: { zh: 经营发展, en: Operation and growth }
          aliases:
            - { zh: 生产经营, taxonomy: "2022" }
            - { zh: 惠企政策兑现, taxonomy: "2022", note: "our mapping; no 2025 stage of its own" }
    - id: individual
      name: { zh: 个人, en: Individual }
      stages:
        - id: birth
          name: { zh: 出生, en: Birth }
          aliases:
            - { zh: 新生儿出生, taxonomy: "2022" }
        - id: employment
          name: { zh: 就业, en: Employment }
          aliases:
            - { zh: 就业, taxonomy: "2022", note: same name in both taxonomies }
`;

/** The findings of a project of the aliased taxonomy and one matter in t.yaml (subject on line 12, stage on 13). */
function findings(options: { subject: string; stage: string; rules?: Record<string, "off"> }): Diagnostic[] {
  const files = { ...BASE, "taxonomy.yaml": ALIASED_TAXONOMY, "t.yaml": checklist({ matters: matter({ subject: options.subject, stage: options.stage }) }) };
  return validateDocuments(parseFiles(files), { today: "2026-01-01", ...(options.rules ? { rules: options.rules } : {}) });
}

/** Each finding as `code file:line:col` with its hint. */
const hinted = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => ({ at: place(diagnostic), hint: diagnostic.hint }));

describe("unknown-stage: a stage or subject written as a name gets a hint with the id", () => {
  test.each([
    {
      name: "a 2022 alias of a stage of the subject",
      subject: "enterprise",
      stage: "开办",
      hint: {
        zh: "开办 是 2022 年版的阶段名，对应 2025 年版的 market-entry（准入准营）：改为 market-entry。",
        en: "开办 is a 2022 stage name; its 2025 stage is market-entry (Market entry and permits): write market-entry.",
      },
    },
    {
      name: "a 2022 alias the Taxonomy maps by its own judgement",
      subject: "enterprise",
      stage: "惠企政策兑现",
      hint: {
        zh: "惠企政策兑现 是 2022 年版的阶段名；分类把它对应到 2025 年版的 operation（经营发展），但这是本项目自己的对应，并非官方对应：确认适合这件事后改为 operation。",
        en: "惠企政策兑现 is a 2022 stage name; the Taxonomy maps it to the 2025 stage operation (Operation and growth), a mapping of its own, not an official one: write operation if it fits the matter.",
      },
    },
    {
      name: "the zh name of a stage",
      subject: "enterprise",
      stage: "准入准营",
      hint: {
        zh: "准入准营 是阶段 market-entry（准入准营）的名称；stage 要写阶段标识：改为 market-entry。",
        en: "准入准营 is the name of the stage market-entry (Market entry and permits); stage takes the stage id: write market-entry.",
      },
    },
    {
      name: "the en name of a stage, in any case",
      subject: "enterprise",
      stage: "market entry and Permits",
      hint: {
        zh: "market entry and Permits 是阶段 market-entry（准入准营）的名称；stage 要写阶段标识：改为 market-entry。",
        en: "market entry and Permits is the name of the stage market-entry (Market entry and permits); stage takes the stage id: write market-entry.",
      },
    },
    {
      name: "a name that is also an alias of the same stage reads as the name",
      subject: "individual",
      stage: "就业",
      hint: {
        zh: "就业 是阶段 employment（就业）的名称；stage 要写阶段标识：改为 employment。",
        en: "就业 is the name of the stage employment (Employment); stage takes the stage id: write employment.",
      },
    },
    {
      name: "the name of another subject's stage",
      subject: "individual",
      stage: "准入准营",
      hint: {
        zh: "准入准营 是主体 enterprise 的阶段 market-entry（准入准营）的名称，不属于主体 individual：检查 subject 是否写对，或改用 individual 的阶段。",
        en: "准入准营 is the name of the stage market-entry (Market entry and permits) of the subject enterprise, not of individual: check the subject, or use a stage of individual.",
      },
    },
    {
      name: "a 2022 alias of another subject's stage",
      subject: "enterprise",
      stage: "新生儿出生",
      hint: {
        zh: "新生儿出生 是主体 individual 的阶段 birth（出生）的旧名（2022 年版），不属于主体 enterprise：检查 subject 是否写对，或改用 enterprise 的阶段。",
        en: "新生儿出生 is the 2022 name of the stage birth (Birth) of the subject individual, not of enterprise: check the subject, or use a stage of enterprise.",
      },
    },
  ])("$name", ({ subject, stage, hint }) => {
    expect(hinted(findings({ subject, stage }))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint }]);
  });

  test("a value that names no stage gets no hint, and no other finding", () => {
    expect(hinted(findings({ subject: "enterprise", stage: "开业" }))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
  });

  test("a subject written as its name gets its id, and its stage is looked up in every subject", () => {
    expect(hinted(findings({ subject: "经营主体", stage: "开办" }))).toEqual([
      {
        at: "schema-enum t.yaml:12:16",
        hint: {
          zh: "经营主体 是主体 enterprise（经营主体）的名称；subject 要写主体标识：改为 enterprise。",
          en: "经营主体 is the name of the subject enterprise (Business entity); subject takes the subject id: write enterprise.",
        },
      },
      {
        at: "schema-pattern t.yaml:13:14",
        hint: {
          zh: "开办 是 2022 年版的阶段名，对应 2025 年版的 market-entry（准入准营）：改为 market-entry。",
          en: "开办 is a 2022 stage name; its 2025 stage is market-entry (Market entry and permits): write market-entry.",
        },
      },
    ]);
  });

  test("a stage name in a patch's set is looked up in every subject", () => {
    const local = checklist({
      spec: "  scope: local\n  extends:\n    - { checklist: cn.national.2024-1 }\n  patches:\n    - { matter: newborn-birth, set: { stage: 新生儿出生 } }\n",
      matters: "",
    }).replace("  matters:\n", "  matters: []\n");
    const diagnostics = validateDocuments(parseFiles({ ...BASE, "taxonomy.yaml": ALIASED_TAXONOMY, "t.yaml": local }), { today: "2026-01-01" });
    expect(hinted(diagnostics)).toEqual([
      {
        at: "schema-pattern t.yaml:12:46",
        hint: {
          zh: "新生儿出生 是 2022 年版的阶段名，对应 2025 年版的 birth（出生）：改为 birth。",
          en: "新生儿出生 is a 2022 stage name; its 2025 stage is birth (Birth): write birth.",
        },
      },
    ]);
  });

  test("with the rule turned off, or without a taxonomy, the schema finding keeps its own (absent) hint", () => {
    expect(hinted(findings({ subject: "enterprise", stage: "开办", rules: { "unknown-stage": "off" } }))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
    const { "taxonomy.yaml": _taxonomy, ...withoutTaxonomy } = BASE;
    const diagnostics = validateDocuments(parseFiles({ ...withoutTaxonomy, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "开办" }) }) }), { today: "2026-01-01" });
    expect(hinted(diagnostics.filter((diagnostic) => diagnostic.code.startsWith("schema-")))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
  });
});
