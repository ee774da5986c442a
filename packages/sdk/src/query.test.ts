import { describe, expect, test } from "vitest";
import { query, type MatterQuery } from "./query.js";
import { resolvedChecklist, resolvedMatter } from "./resolved-test-helpers.js";

const list = resolvedChecklist({
  id: "cn.sd.qingdao",
  jurisdiction: { level: "municipal", division: "370200" },
  matters: [
    resolvedMatter({ id: "newborn-birth", subject: "individual", stage: "birth", batches: [{ year: 2024, seq: 1 }], owners: { lead: "dept.nhc", partners: ["dept.mps", "dept.nhsa"] }, status: "landed", dueDate: "2024-06-30" }),
    resolvedMatter({ id: "school-enrolment", subject: "individual", stage: "education", batches: [{ year: 2024, seq: 1 }, { year: 2025, seq: 1 }], owners: { lead: "dept.moe", partners: ["dept.mps"] }, status: "in-progress", dueDate: "2025-06" }),
    resolvedMatter({ id: "open-restaurant", subject: "enterprise", stage: "market-entry", batches: [{ year: 2025, seq: 1 }], owners: { lead: "dept.samr", partners: ["dept.nhc"] }, status: "planned", dueDate: "2025-12-31" }),
    resolvedMatter({ id: "ship-operation", subject: "enterprise", stage: "operation", owners: { lead: "dept.mot" }, status: "in-progress", dueDate: "2025-01-31" }, { notApplicable: true }),
    resolvedMatter({ id: "beer-festival", subject: "enterprise", stage: "operation" }),
  ],
});

const ids = (filter: MatterQuery, today = "2025-07-01") => query(list, filter, { today }).map((matter) => matter.id);

describe("query", () => {
  test.each<{ name: string; filter: MatterQuery; expected: string[] }>([
    { name: "no filter: every matter, in list order", filter: {}, expected: ["newborn-birth", "school-enrolment", "open-restaurant", "ship-operation", "beer-festival"] },
    { name: "subject", filter: { subject: "enterprise" }, expected: ["open-restaurant", "ship-operation", "beer-festival"] },
    { name: "subject and stage", filter: { subject: "individual", stage: "birth" }, expected: ["newborn-birth"] },
    { name: "batch (a matter of two batches matches both)", filter: { batch: { year: 2025, seq: 1 } }, expected: ["school-enrolment", "open-restaurant"] },
    { name: "batch nobody has", filter: { batch: { year: 2024, seq: 2 } }, expected: [] },
    { name: "lead", filter: { lead: "dept.nhc" }, expected: ["newborn-birth"] },
    { name: "partner", filter: { partner: "dept.mps" }, expected: ["newborn-birth", "school-enrolment"] },
    { name: "department as lead or partner", filter: { department: "dept.nhc" }, expected: ["newborn-birth", "open-restaurant"] },
    { name: "division of the checklist", filter: { division: "370200" }, expected: ["newborn-birth", "school-enrolment", "open-restaurant", "ship-operation", "beer-festival"] },
    { name: "another division", filter: { division: "100000" }, expected: [] },
    { name: "status", filter: { status: "in-progress" }, expected: ["school-enrolment"] },
    { name: "status not-applicable wins over the matter's own status", filter: { status: "not-applicable" }, expected: ["ship-operation"] },
    { name: "overdue: past due, applicable, not landed; YYYY-MM means the month's end", filter: { overdue: true }, expected: ["school-enrolment"] },
    { name: "not overdue", filter: { overdue: false }, expected: ["newborn-birth", "open-restaurant", "ship-operation", "beer-festival"] },
    { name: "fields combine with AND", filter: { subject: "individual", department: "dept.mps", status: "landed" }, expected: ["newborn-birth"] },
  ])("$name", ({ filter, expected }) => {
    expect(ids(filter)).toEqual(expected);
  });

  test("overdue depends on today", () => {
    expect(ids({ overdue: true }, "2025-06-30")).toEqual([]);
    expect(ids({ overdue: true }, "2026-01-01")).toEqual(["school-enrolment", "open-restaurant"]);
  });
});
