import { describe, expect, it } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { parseFiles, testRule, wrapValue } from "../../test/rule-tester.js";
import { validateDocuments } from "../validate-documents.js";
import { isCalendarDate } from "./invalid-date.js";

const withLines = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("isCalendarDate", () => {
  it.each([
    ["2025-07-08", true],
    ["2025-07", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2025-02-29", false],
    ["1900-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-45", false],
    ["2025-00-10", false],
    ["2025-13", false],
    ["2025-01-00", false],
    ["2025-7-8", false],
    ["2025-07-08 ", false],
    ["2025-07-08\n", false],
    ["2025-07-8x", false],
    ["2025/07/08", false],
    ["2025-07-08-01", false],
    ["+025-07-08", false],
    ["２０２５-07-08", false],
    ["0000-02-29", true],
    ["2100-02-29", false],
    ["2025-11-31", false],
    ["2025-01-31", true],
  ] as const)("%s → %s", (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe("invalid-date order", () => {
  it("reports field by field, then in document order, when positions cannot break the tie", () => {
    const files = {
      ...BASE,
      "t.yaml": checklist({
        matters:
          matter({ lines: ["dueDate: 2025-02-30", "sources: [{ title: 甲, date: 2025-13 }, { title: 乙, date: 2025-00 }]"] }) +
          matter({ id: "b-matter", lines: ["dueDate: 2025-04-31"] }),
      }),
    };
    // Without source positions every finding sorts equal, so the diagnostics keep the order the rule reported them in.
    const documents = parseFiles(files).map((parsed) => wrapValue(parsed.value, parsed.path));
    const pointers = validateDocuments(documents, { today: "2026-01-01" })
      .filter((diagnostic) => diagnostic.code === "invalid-date")
      .map((diagnostic) => diagnostic.pointer);
    expect(pointers).toEqual(["/spec/matters/0/dueDate", "/spec/matters/1/dueDate", "/spec/matters/0/sources/0/date", "/spec/matters/0/sources/1/date"]);
  });
});

describe("invalid-date", () => {
  testRule("invalid-date", [
    { name: "valid: a real due date, a leap day", files: withLines(["dueDate: 2024-02-29"]), expected: [] },
    { name: "a month 13, day 45 due date", files: withLines(["dueDate: 2025-13-45"]), expected: ["t.yaml:15:16"] },
    { name: "29 February of a common year", files: withLines(["dueDate: 2025-02-29"]), expected: ["t.yaml:15:16"] },
    { name: "a source date with month 00", files: withLines(["sources: [{ title: 国办发〔2024〕3号, date: 2024-00 }]"]), expected: ["t.yaml:15:45"] },
    {
      name: "a patch's due date, a ledger's dates and an evaluation period",
      files: {
        ...BASE,
        "t.yaml": checklist({
          spec: "  scope: local\n  extends: [{ checklist: cn.national.2024-1 }]\n  patches:\n    - matter: newborn-birth\n      set: { dueDate: 2025-06-31 }\n",
          matters: "    []\n",
        }).replace("  matters:\n    []", "  matters: []"),
        "p.yaml": document({
          kind: "Progress",
          id: "cn.progress",
          spec: ["checklist: { id: cn.national.2024-1, version: 1.0.0 }", "asOf: 2025-02-30", "entries:", "  - { matter: newborn-birth, status: awaiting-plan, dueDate: 2025-09-31 }"],
        }),
        "e.yaml": document({
          kind: "Evaluation",
          id: "cn.evaluation",
          spec: ["period: { from: 2025-01, to: 2025-14 }", "indicators: []", "results: []"],
        }),
      },
      expected: ["e.yaml:8:32", "p.yaml:9:9", "p.yaml:11:64", "t.yaml:12:23"],
    },
  ]);
});
