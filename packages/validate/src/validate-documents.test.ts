import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BASE, checklist, matter } from "../test/project.js";
import { parseFiles, place, wrapValue } from "../test/rule-tester.js";
import { indexProject, validateAndIndex, validateDocuments } from "./index.js";
import { unknownStage } from "./rules/unknown-stage.js";

const project = () =>
  parseFiles({
    ...BASE,
    "b.yaml": checklist({ id: "cn.b", matters: matter({ lines: ["owners: { lead: dept.nowhere }", "dueDate: 2025-01-31"] }) }),
    "a.yaml": checklist({ id: "cn.a", matters: matter({ name: "{ zh: 某一件事 }", lines: ["items: [{ ref: item.one }]"] }) }),
  });

describe("validateDocuments", () => {
  test("sorts by file, line, column and code", () => {
    expect(validateDocuments(project(), { today: "2026-01-01" }).map(place)).toEqual([
      "name-en-missing a.yaml:11:7",
      "bundle-too-small a.yaml:15:7",
      "unknown-department b.yaml:15:23",
      "overdue b.yaml:16:16",
    ]);
  });

  test("every diagnostic carries a file, a pointer and a range", () => {
    for (const diagnostic of validateDocuments(project(), { today: "2026-01-01" })) {
      expect(diagnostic.file).toBeTruthy();
      expect(diagnostic.pointer).toMatch(/^\//);
      expect(diagnostic.range?.start.line).toBeGreaterThan(0);
    }
  });

  test("a scope keeps only the findings about its files, and never locates the others", () => {
    const located: string[] = [];
    const documents = project().map((document) => ({
      ...document,
      locate: (pointer: string, part?: "key" | "value") => {
        located.push(document.path);
        return document.locate(pointer, part);
      },
    }));
    const scoped = validateAndIndex(documents, { today: "2026-01-01", scope: (file) => file === "b.yaml" }).diagnostics;
    expect(scoped.map(place)).toEqual(["unknown-department b.yaml:15:23", "overdue b.yaml:16:16"]);
    expect(new Set(located)).toEqual(new Set(["b.yaml"]));
  });

  test("overrides turn a rule off or change its severity", () => {
    const diagnostics = validateDocuments(project(), { today: "2026-01-01", rules: { overdue: "off", "name-en-missing": "error" } });
    expect(diagnostics.map((diagnostic) => `${diagnostic.code}:${diagnostic.severity}`)).toEqual([
      "name-en-missing:error",
      "bundle-too-small:warning",
      "unknown-department:error",
    ]);
  });

  test("a rule whose structural hint throws is reported once, and the schema findings stay as they were", () => {
    const files = { ...BASE, "t.yaml": checklist({ matters: matter({ stage: "出生" }) + matter({ id: "b-matter", stage: "身后" }) }) };
    const before = unknownStage.hintStructural;
    unknownStage.hintStructural = () => {
      throw new Error("boom");
    };
    try {
      const diagnostics = validateDocuments(parseFiles(files), { today: "2026-01-01" });
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.hint])).toEqual([
        ["rule-crashed", undefined],
        ["schema-pattern", undefined],
        ["schema-pattern", undefined],
      ]);
    } finally {
      unknownStage.hintStructural = before;
    }
    expect(validateDocuments(parseFiles(files), { today: "2026-01-01" }).map((diagnostic) => diagnostic.hint?.en)).toEqual([
      "出生 is the name of the stage birth (Birth); stage takes the stage id: write birth.",
      "身后 is the name of the stage after-death (After death); stage takes the stage id: write after-death.",
    ]);
  });

  test("today decides what is overdue", () => {
    const codes = (today: string) => validateDocuments(project(), { today }).map((diagnostic) => diagnostic.code);
    expect(codes("2025-01-31")).not.toContain("overdue");
    expect(codes("2025-02-01")).toContain("overdue");
  });

  test("related locations point at the first definition", () => {
    const documents = parseFiles({ ...BASE, "t.yaml": checklist({ id: "cn.items", matters: matter() }) });
    const [duplicate] = validateDocuments(documents, { today: "2026-01-01" }).filter((diagnostic) => diagnostic.code === "duplicate-id");
    expect(duplicate?.related?.map((related) => `${related.file}:${related.range?.start.line}:${related.range?.start.column}`)).toEqual(["items.yaml:4:3"]);
    expect(duplicate?.message).toMatchInlineSnapshot(`
      {
        "en": "The document id cn.items is already used in items.yaml",
        "zh": "文档标识 cn.items 重复，已在 items.yaml 中使用",
      }
    `);
  });

  test("never throws on arbitrary JSON values, and reports only documented severities", () => {
    const documentValue = fc.oneof(
      fc.jsonValue(),
      fc.record({ apiVersion: fc.constant("onething/v1"), kind: fc.constantFrom("Taxonomy", "DepartmentRegistry", "ItemCatalog", "Checklist", "Progress", "Evaluation"), metadata: fc.jsonValue(), spec: fc.jsonValue() }),
    );
    fc.assert(
      fc.property(fc.array(documentValue, { maxLength: 4 }), (values) => {
        const diagnostics = validateDocuments(values.map((value, position) => wrapValue(value, `d${position}.json`)), { today: "2026-01-01" });
        for (const diagnostic of diagnostics) expect(["error", "warning", "info"]).toContain(diagnostic.severity);
        expect(diagnostics.some((diagnostic) => diagnostic.code === "rule-crashed")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test("never throws on valid documents with arbitrary values in their optional parts", () => {
    const [base] = parseFiles({ "t.yaml": checklist({ matters: matter() }) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("owners", "items", "metrics", "batches", "dueDate", "status", "materials", "channels"), fc.jsonValue()), (extra) => {
        const value = structuredClone(base?.value) as { spec: { matters: Array<Record<string, unknown>> } };
        Object.assign(value.spec.matters[0] ?? {}, extra);
        const diagnostics = validateDocuments([wrapValue(value)], { today: "2026-01-01" });
        expect(diagnostics.some((diagnostic) => diagnostic.code === "rule-crashed")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("indexProject", () => {
  test("indexes valid documents by id and remembers where each entry is", () => {
    const index = indexProject(project());
    expect([...index.departments.keys()]).toEqual(["dept.alpha", "dept.beta", "dept.gamma"]);
    expect(index.items.get("item.two")?.[0]?.pointer).toBe("/spec/items/1");
    expect(index.checklistsById.get("cn.a")?.matters.get("a-matter")?.pointer).toBe("/spec/matters/0");
    expect([...index.annualBatches.keys()]).toEqual(["2024-1"]);
    expect(index.stages.get("individual")?.get("birth")?.document.path).toBe("taxonomy.yaml");
  });

  test("keeps the ids of a structurally invalid document as known, without typing it", () => {
    const documents = parseFiles({ "departments.yaml": BASE["departments.yaml"]!.replace("level: national }", "level: planetary }") });
    const index = indexProject(documents);
    expect(index.departments.size).toBe(0);
    expect([...index.incomplete.departments]).toEqual(["dept.alpha", "dept.beta", "dept.gamma"]);
  });
});
