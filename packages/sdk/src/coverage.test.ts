import type { TaxonomyDocument } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { coverage } from "./coverage.js";
import { mergeChecklists } from "./merge-checklists.js";
import { resolvedChecklist, resolvedMatter } from "./resolved-test-helpers.js";

const taxonomy: TaxonomyDocument = {
  apiVersion: "onething/v1",
  kind: "Taxonomy",
  metadata: { id: "cn.taxonomy", title: { zh: "分类" }, version: "1.0.0" },
  spec: {
    subjects: [
      { id: "enterprise", name: { zh: "经营主体" }, stages: [{ id: "market-entry", name: { zh: "准入准营" } }, { id: "operation", name: { zh: "经营发展" } }, { id: "exit", name: { zh: "注销退出" } }] },
      { id: "individual", name: { zh: "个人" }, stages: [{ id: "birth", name: { zh: "出生" } }, { id: "education", name: { zh: "教育" } }] },
    ],
  },
};

const nationalLevel = { level: "national" as const, division: "100000" };
const batch1 = resolvedChecklist({
  id: "cn.national.2024-1",
  jurisdiction: nationalLevel,
  matters: [
    resolvedMatter({ id: "birth", stage: "birth" }, { checklist: "cn.national.2024-1" }),
    resolvedMatter({ id: "ship", subject: "enterprise", stage: "operation" }, { checklist: "cn.national.2024-1" }),
    resolvedMatter({ id: "school", stage: "education" }, { checklist: "cn.national.2024-1" }),
  ],
});
const batch2 = resolvedChecklist({
  id: "cn.national.2025-1",
  jurisdiction: nationalLevel,
  matters: [resolvedMatter({ id: "school", stage: "education" }), resolvedMatter({ id: "exit", subject: "enterprise", stage: "exit" })],
});
const local = resolvedChecklist({
  id: "cn.sd.qingdao",
  jurisdiction: { level: "municipal", division: "370200" },
  chain: ["cn.national.2024-1", "cn.sd.qingdao"],
  matters: [
    resolvedMatter({ id: "birth", stage: "birth", status: "landed" }),
    resolvedMatter({ id: "ship", subject: "enterprise", stage: "operation" }, { notApplicable: true }),
    resolvedMatter({ id: "beer", subject: "enterprise", stage: "operation", status: "verified" }),
    resolvedMatter({ id: "harbour", subject: "enterprise", stage: "harbour", status: "planned" }),
    resolvedMatter({ id: "site", subject: "project", stage: "signing" }),
  ],
});

describe("coverage", () => {
  test("counts matters per subject and stage in taxonomy order, unknown stages and subjects after", () => {
    const report = coverage({ checklist: local, taxonomy });
    const rows = report.subjects.map((subject) => [
      subject.subject,
      subject.matters,
      subject.landed,
      subject.notApplicable,
      subject.stages.map((s) => `${s.stage}${s.inTaxonomy ? "" : "?"} ${s.matters}=${s.landed}+${s.other} na${s.notApplicable}${s.empty ? " empty" : ""}`),
      subject.emptyStages,
    ]);
    expect(rows).toEqual([
      ["enterprise", 2, 1, 1, ["market-entry 0=0+0 na0 empty", "operation 1=1+0 na1", "exit 0=0+0 na0 empty", "harbour? 1=0+1 na0"], ["market-entry", "exit"]],
      ["individual", 1, 1, 0, ["birth 1=1+0 na0", "education 0=0+0 na0 empty"], ["education"]],
      ["project", 1, 0, 0, ["signing? 1=0+1 na0"], []],
    ]);
    expect(report).toMatchObject({ matters: 4, notApplicable: 1, comparedWith: [] });
    expect(report.lacking).toBeUndefined();
  });

  test("a local list lacks the national matters it neither inherits nor marks not applicable, each once", () => {
    const report = coverage({ checklist: local, taxonomy, national: [batch1, batch2] });
    expect(report.lacking?.map((matter) => `${matter.checklist} ${matter.id} ${matter.subject}/${matter.stage}`)).toEqual([
      "cn.national.2024-1 school individual/education",
      "cn.national.2025-1 exit enterprise/exit",
    ]);
    expect(report.comparedWith).toEqual(["cn.national.2024-1", "cn.national.2025-1"]);
  });

  test("a national list (or a merged national view) is not compared with itself", () => {
    const merged = mergeChecklists({ checklists: [batch1, batch2], id: "national", title: { zh: "国家" } });
    expect(coverage({ checklist: merged, taxonomy, national: [batch1, batch2] }).lacking).toBeUndefined();
    expect(coverage({ checklist: batch1, taxonomy, national: [batch1, batch2] }).lacking).toBeUndefined();
  });
});

describe("mergeChecklists", () => {
  test("keeps each matter once, at its first appearance, and the common jurisdiction", () => {
    const merged = mergeChecklists({ checklists: [batch1, batch2], id: "national", title: { zh: "国家" } });
    expect(merged.matters.map((matter) => matter.id)).toEqual(["birth", "ship", "school", "exit"]);
    expect(merged).toMatchObject({ id: "national", chain: ["cn.national.2024-1", "cn.national.2025-1"], jurisdiction: nationalLevel, version: "cn.national.2024-1@1.0.0, cn.national.2025-1@1.0.0" });
    expect(mergeChecklists({ checklists: [batch1, local], id: "mixed", title: { zh: "混合" } }).jurisdiction).toBeUndefined();
  });
});
