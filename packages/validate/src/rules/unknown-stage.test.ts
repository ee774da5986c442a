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
function findings(options: { subject: string; stage: string; rules?: Record<string, "off">; taxonomy?: string }): Diagnostic[] {
  const taxonomy = options.taxonomy ?? ALIASED_TAXONOMY;
  const files = { ...BASE, "taxonomy.yaml": taxonomy, "t.yaml": checklist({ matters: matter({ subject: options.subject, stage: options.stage }) }) };
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
        zh: "开办 是 2022 年版的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
        en: "开办 is a 2022 stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
      },
    },
    {
      name: "a 2022 alias the Taxonomy maps by its own judgement",
      subject: "enterprise",
      stage: "惠企政策兑现",
      hint: {
        zh: "惠企政策兑现 是 2022 年版的阶段名；分类把它对应到阶段 operation（经营发展），但这是分类自己的对应，并非官方对应：确认适合这件事后改为 operation。",
        en: "惠企政策兑现 is a 2022 stage name; the Taxonomy maps it to its stage operation (Operation and growth), a mapping of its own, not an official one: write operation if it fits the matter.",
      },
    },
    {
      name: "the zh name of a stage (not repeated in parentheses in zh)",
      subject: "enterprise",
      stage: "准入准营",
      hint: {
        zh: "准入准营 是阶段 market-entry 的名称；stage 要写阶段标识：改为 market-entry。",
        en: "准入准营 is the name of the stage market-entry (Market entry and permits); stage takes the stage id: write market-entry.",
      },
    },
    {
      name: "the en name of a stage, in any case (not repeated in parentheses in en)",
      subject: "enterprise",
      stage: "market entry and Permits",
      hint: {
        zh: "market entry and Permits 是阶段 market-entry（准入准营）的名称；stage 要写阶段标识：改为 market-entry。",
        en: "market entry and Permits is the name of the stage market-entry; stage takes the stage id: write market-entry.",
      },
    },
    {
      name: "a name that is also an alias of the same stage reads as the name",
      subject: "individual",
      stage: "就业",
      hint: {
        zh: "就业 是阶段 employment 的名称；stage 要写阶段标识：改为 employment。",
        en: "就业 is the name of the stage employment (Employment); stage takes the stage id: write employment.",
      },
    },
    {
      name: "the name of another subject's stage",
      subject: "individual",
      stage: "准入准营",
      hint: {
        zh: "准入准营 是主体 enterprise 的阶段 market-entry 的名称，不属于主体 individual：检查 subject 是否写对，或改用 individual 的阶段。",
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
          zh: "经营主体 是主体 enterprise 的名称；subject 要写主体标识：改为 enterprise。",
          en: "经营主体 is the name of the subject enterprise (Business entity); subject takes the subject id: write enterprise.",
        },
      },
      {
        at: "schema-pattern t.yaml:13:14",
        hint: {
          zh: "开办 是 2022 年版的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
          en: "开办 is a 2022 stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
        },
      },
    ]);
  });

  /** The findings of a local checklist t.yaml that extends `base` and patches `patched` with `set` (on line 12). */
  function patchFindings(options: { base: string; patched: string; set: string }): Diagnostic[] {
    const local = checklist({
      spec: `  scope: local\n  extends:\n    - { checklist: ${options.base} }\n  patches:\n    - { matter: ${options.patched}, set: ${options.set} }\n`,
      matters: "",
    }).replace("  matters:\n", "  matters: []\n");
    return validateDocuments(parseFiles({ ...BASE, "taxonomy.yaml": ALIASED_TAXONOMY, "t.yaml": local }), { today: "2026-01-01" });
  }

  test("a stage name in a patch's set without a subject is looked up in the subject of the matter it patches", () => {
    // newborn-birth, in the base cn.national.2024-1, is an individual matter: 新生儿出生 is its stage birth, 开办 an enterprise stage.
    expect(hinted(patchFindings({ base: "cn.national.2024-1", patched: "newborn-birth", set: "{ stage: 新生儿出生 }" }))).toEqual([
      {
        at: "schema-pattern t.yaml:12:46",
        hint: {
          zh: "新生儿出生 是 2022 年版的阶段名，对应分类中的阶段 birth（出生）：改为 birth。",
          en: "新生儿出生 is a 2022 stage name, mapped to the Taxonomy's stage birth (Birth): write birth.",
        },
      },
    ]);
    expect(hinted(patchFindings({ base: "cn.national.2024-1", patched: "newborn-birth", set: "{ stage: 开办 }" }))).toEqual([
      {
        at: "schema-pattern t.yaml:12:46",
        hint: {
          zh: "开办 是主体 enterprise 的阶段 market-entry（准入准营）的旧名（2022 年版），不属于主体 individual：检查 subject 是否写对，或改用 individual 的阶段。",
          en: "开办 is the 2022 name of the stage market-entry (Market entry and permits) of the subject enterprise, not of individual: check the subject, or use a stage of individual.",
        },
      },
    ]);
  });

  test("a patch's set with its own subject uses that subject", () => {
    expect(hinted(patchFindings({ base: "cn.national.2024-1", patched: "newborn-birth", set: "{ subject: enterprise, stage: 开办 }" }))).toEqual([
      {
        at: "schema-pattern t.yaml:12:67",
        hint: {
          zh: "开办 是 2022 年版的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
          en: "开办 is a 2022 stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
        },
      },
    ]);
  });

  test.each([
    { name: "a matter no base defines", base: "cn.national.2024-1", patched: "no-such-matter" },
    { name: "a base the project lacks", base: "cn.nowhere", patched: "newborn-birth" },
  ])("when the patched matter's subject cannot be found ($name), every subject is searched", ({ base, patched }) => {
    expect(hinted(patchFindings({ base, patched, set: "{ stage: 开办 }" })).filter((finding) => finding.at.startsWith("schema-"))).toEqual([
      {
        at: `schema-pattern t.yaml:12:${33 + patched.length}`,
        hint: {
          zh: "开办 是 2022 年版的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
          en: "开办 is a 2022 stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
        },
      },
    ]);
  });

  test("an alias whose taxonomy is a year, other text, or blank says where it comes from, and never names a year for the Taxonomy", () => {
    const from = (taxonomy: string) => ALIASED_TAXONOMY.replace('{ zh: 开办, taxonomy: "2022" }', `{ zh: 开办, taxonomy: "${taxonomy}" }`);
    const hintFor = (taxonomy: string, subject = "enterprise") => hinted(findings({ subject, stage: "开办", taxonomy: from(taxonomy) }))[0]?.hint;
    expect(hintFor("2019")).toEqual({
      zh: "开办 是 2019 年版的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
      en: "开办 is a 2019 stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
    });
    expect(hintFor("国办发〔2019〕号")).toEqual({
      zh: "开办 是 国办发〔2019〕号 中的阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
      en: "开办 is a stage name in 国办发〔2019〕号, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
    });
    expect(hintFor(" ")).toEqual({
      zh: "开办 是 旧阶段名，对应分类中的阶段 market-entry（准入准营）：改为 market-entry。",
      en: "开办 is an older stage name, mapped to the Taxonomy's stage market-entry (Market entry and permits): write market-entry.",
    });
    expect(hintFor("国办发〔2019〕号", "individual")).toEqual({
      zh: "开办 是主体 enterprise 的阶段 market-entry（准入准营）的旧名（国办发〔2019〕号），不属于主体 individual：检查 subject 是否写对，或改用 individual 的阶段。",
      en: "开办 is the older name (in 国办发〔2019〕号) of the stage market-entry (Market entry and permits) of the subject enterprise, not of individual: check the subject, or use a stage of individual.",
    });
  });

  test("a value that is an alias of several stages of the subject lists them all", () => {
    const taxonomy = ALIASED_TAXONOMY.replace(
      "    - id: individual\n",
      '        - id: taxes\n          name: { zh: 纳税缴费, en: Taxes and fees }\n          aliases:\n            - { zh: 生产经营, taxonomy: "2022" }\n    - id: individual\n',
    );
    expect(hinted(findings({ subject: "enterprise", stage: "生产经营", taxonomy }))).toEqual([
      {
        at: "schema-pattern t.yaml:13:14",
        hint: {
          zh: "生产经营 对应多个阶段：operation（经营发展）、taxes（纳税缴费）；按这件事的内容选一个阶段标识。",
          en: "生产经营 names several stages: operation (Operation and growth), taxes (Taxes and fees); write the id of the one that fits the matter.",
        },
      },
    ]);
  });

  test("a Taxonomy that fails its schema gives no hint, and nothing crashes", () => {
    const invalid = ALIASED_TAXONOMY.replace('{ zh: 开办, taxonomy: "2022" }', "{ zh: 开办 }");
    const diagnostics = findings({ subject: "enterprise", stage: "开办", taxonomy: invalid });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("rule-crashed");
    expect(hinted(diagnostics).filter((finding) => finding.at.includes("t.yaml"))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
    expect(diagnostics.some((diagnostic) => diagnostic.code === "schema-required" && diagnostic.file === "taxonomy.yaml")).toBe(true);
  });

  test("with the rule turned off, or without a taxonomy, the schema finding keeps its own (absent) hint", () => {
    expect(hinted(findings({ subject: "enterprise", stage: "开办", rules: { "unknown-stage": "off" } }))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
    const { "taxonomy.yaml": _taxonomy, ...withoutTaxonomy } = BASE;
    const diagnostics = validateDocuments(parseFiles({ ...withoutTaxonomy, "t.yaml": checklist({ matters: matter({ subject: "enterprise", stage: "开办" }) }) }), { today: "2026-01-01" });
    expect(hinted(diagnostics.filter((diagnostic) => diagnostic.code.startsWith("schema-")))).toEqual([{ at: "schema-pattern t.yaml:13:14", hint: undefined }]);
  });
});
