import type { TaxonomyDocument } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { reductions, type ReductionGrouping } from "./reductions.js";
import { resolvedChecklist, resolvedMatter } from "./resolved-test-helpers.js";

const taxonomy: TaxonomyDocument = {
  apiVersion: "onething/v1",
  kind: "Taxonomy",
  metadata: { id: "cn.taxonomy", title: { zh: "分类" }, version: "1.0.0" },
  spec: {
    subjects: [
      { id: "enterprise", name: { zh: "经营主体" }, stages: [{ id: "market-entry", name: { zh: "准入准营" } }, { id: "operation", name: { zh: "经营发展" } }] },
      { id: "individual", name: { zh: "个人" }, stages: [{ id: "birth", name: { zh: "出生" } }, { id: "education", name: { zh: "教育" } }] },
    ],
  },
};

const list = resolvedChecklist({
  matters: [
    resolvedMatter({ id: "school", subject: "individual", stage: "education", batches: [{ year: 2025, seq: 1 }], owners: { lead: "dept.moe" }, metrics: { trips: { before: 3, after: 1 }, days: { before: 20, after: 5 } } }),
    resolvedMatter({ id: "birth", subject: "individual", stage: "birth", batches: [{ year: 2024, seq: 1 }], owners: { lead: "dept.nhc" }, metrics: { trips: { before: 5, after: 0 }, materials: { publishedReduction: 81, source: "新闻发布会" } } }),
    resolvedMatter({ id: "restaurant", subject: "enterprise", stage: "market-entry", batches: [{ year: 2024, seq: 1 }, { year: 2025, seq: 1 }], owners: { lead: "dept.samr" }, metrics: { steps: { before: 0, after: 0 }, trips: { before: 2, after: 3 } } }),
    resolvedMatter({ id: "ship", subject: "enterprise", stage: "operation", owners: { lead: "dept.nhc" }, metrics: { trips: { before: 100, after: 0 } } }, { notApplicable: true }),
    resolvedMatter({ id: "beer", subject: "enterprise", stage: "operation", metrics: { trips: { before: 4 }, formFields: { before: 60, after: 20, publishedReduction: 50 } } }),
  ],
});

/** "metric: before→after (reduction) ×matters [published…]" for every metric with data, for compact tables. */
function summary(metrics: ReturnType<typeof reductions>["overall"]["metrics"]): string[] {
  return metrics
    .filter((m) => m.matters > 0 || m.published.length > 0)
    .map((m) => `${m.metric}: ${m.before}→${m.after} (${m.reduction ?? "—"}) ×${m.matters}${m.published.map((p) => ` [${p.matter} ${p.percent}%]`).join("")}`);
}

describe("reductions", () => {
  test("overall: sums over matters having both values, published-only kept apart, not-applicable left out", () => {
    const report = reductions(list);
    expect(report).toMatchObject({ checklist: "cn.test", by: "none", matters: 4, notApplicable: 1, groups: [] });
    expect(summary(report.overall.metrics)).toEqual([
      "steps: 0→0 (—) ×1",
      "days: 20→5 (75) ×1",
      "materials: 0→0 (—) ×0 [birth 81%]",
      "trips: 10→4 (60) ×3",
      "formFields: 60→20 (66.7) ×1",
    ]);
    expect(report.overall.metrics.find((m) => m.metric === "materials")?.published).toEqual([{ matter: "birth", name: { zh: "birth一件事" }, percent: 81, source: "新闻发布会" }]);
  });

  test.each<{ by: ReductionGrouping; expected: Array<[string, number, string[]]> }>([
    {
      by: "subject",
      expected: [
        ["enterprise", 2, ["steps: 0→0 (—) ×1", "trips: 2→3 (-50) ×1", "formFields: 60→20 (66.7) ×1"]],
        ["individual", 2, ["days: 20→5 (75) ×1", "materials: 0→0 (—) ×0 [birth 81%]", "trips: 8→1 (87.5) ×2"]],
      ],
    },
    {
      by: "stage",
      expected: [
        ["enterprise/market-entry", 1, ["steps: 0→0 (—) ×1", "trips: 2→3 (-50) ×1"]],
        ["enterprise/operation", 1, ["formFields: 60→20 (66.7) ×1"]],
        ["individual/birth", 1, ["materials: 0→0 (—) ×0 [birth 81%]", "trips: 5→0 (100) ×1"]],
        ["individual/education", 1, ["days: 20→5 (75) ×1", "trips: 3→1 (66.7) ×1"]],
      ],
    },
    {
      by: "batch",
      expected: [
        ["2024-1", 2, ["steps: 0→0 (—) ×1", "materials: 0→0 (—) ×0 [birth 81%]", "trips: 7→3 (57.1) ×2"]],
        ["2025-1", 2, ["steps: 0→0 (—) ×1", "days: 20→5 (75) ×1", "trips: 5→4 (20) ×2"]],
        ["none", 1, ["formFields: 60→20 (66.7) ×1"]],
      ],
    },
    {
      by: "department",
      expected: [
        ["dept.moe", 1, ["days: 20→5 (75) ×1", "trips: 3→1 (66.7) ×1"]],
        ["dept.nhc", 1, ["materials: 0→0 (—) ×0 [birth 81%]", "trips: 5→0 (100) ×1"]],
        ["dept.samr", 1, ["steps: 0→0 (—) ×1", "trips: 2→3 (-50) ×1"]],
        ["none", 1, ["formFields: 60→20 (66.7) ×1"]],
      ],
    },
  ])("by $by", ({ by, expected }) => {
    const report = reductions(list, { by, taxonomy });
    expect(report.groups.map((group) => [group.key, group.matters, summary(group.metrics)])).toEqual(expected);
  });

  test("department grouping says it uses the lead department", () => {
    expect(reductions(list, { by: "department" }).departmentBasis).toBe("lead");
    expect(reductions(list, { by: "stage" }).departmentBasis).toBeUndefined();
  });

  test("without a taxonomy, subjects keep their canonical order and stages their first appearance", () => {
    expect(reductions(list, { by: "stage" }).groups.map((group) => group.key)).toEqual([
      "enterprise/market-entry",
      "enterprise/operation",
      "individual/education",
      "individual/birth",
    ]);
  });

  test("a list without metrics reports no contributing matter and no percentage (never 0%)", () => {
    const bare = reductions(resolvedChecklist({ matters: [resolvedMatter({ id: "a" }), resolvedMatter({ id: "b" })] }));
    expect(bare.overall.metrics.every((m) => m.matters === 0 && m.reduction === undefined && m.published.length === 0)).toBe(true);
  });
});
