import { describe } from "vitest";
import { BASE, checklist, document, matter } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const withLines = (lines: string[]) => ({ ...BASE, "t.yaml": checklist({ matters: matter({ lines }) }) });

describe("overdue", () => {
  testRule("overdue", [
    { name: "valid: due in the future", files: withLines(["status: in-progress", "dueDate: 2026-06-30"]), expected: [] },
    { name: "valid: past due but landed", files: withLines(["status: landed", "dueDate: 2025-06-30"]), expected: [] },
    { name: "past due and in progress", files: withLines(["status: in-progress", "dueDate: 2025-12-31"]), expected: ["t.yaml:16:16"] },
    { name: "today itself is not overdue", files: withLines(["dueDate: 2026-01-01"]), expected: [] },
    { name: "a date that does not exist is left to invalid-date", files: withLines(["status: in-progress", "dueDate: 2025-13-45"]), expected: [] },
    {
      name: "a progress entry past due",
      files: {
        ...BASE,
        "p.yaml": document({
          kind: "Progress",
          id: "cn.progress",
          spec: ["checklist: { id: cn.national.2024-1, version: 1.0.0 }", "asOf: 2025-06-30", "entries:", "  - { matter: newborn-birth, status: awaiting-plan, dueDate: 2025-09-30 }"],
        }),
      },
      expected: ["p.yaml:11:64"],
    },
  ]);
});
