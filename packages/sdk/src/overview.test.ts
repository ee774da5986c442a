import type { SourceDocument } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { describeBatch, overviewDocuments } from "./overview.js";

function doc(path: string, value: unknown): SourceDocument {
  return { path, text: "", value, locate: () => undefined };
}

const national = { level: "national", division: "100000" };
const taxonomy = doc("taxonomy.yaml", {
  kind: "Taxonomy",
  spec: {
    subjects: [
      { id: "enterprise", name: { zh: "经营主体" }, stages: [{ id: "market-entry", name: { zh: "准入准营" } }, { id: "exit", name: { zh: "注销退出" } }] },
      { id: "individual", name: { zh: "个人" }, stages: [{ id: "birth", name: { zh: "出生" } }] },
    ],
  },
});
const batch = (seq: number, matters: unknown[], declaredCount?: number) =>
  doc(`national/2024-${seq}.yaml`, {
    kind: "Checklist",
    metadata: { jurisdiction: national },
    spec: { scope: "annual", batch: { year: 2024, seq }, ...(declaredCount === undefined ? {} : { declaredCount }), matters },
  });

describe("overviewDocuments", () => {
  const overview = overviewDocuments([
    batch(2, [{ id: "c", subject: "enterprise", stage: "exit", confidence: "unverified" }], 8),
    taxonomy,
    batch(1, [
      { id: "a", subject: "individual", stage: "birth", confidence: "verified" },
      { id: "b", subject: "enterprise", stage: "market-entry", confidence: "partial" },
    ], 13),
    doc("local.yaml", { kind: "Checklist", metadata: { jurisdiction: { level: "municipal", division: "370200" } }, spec: { matters: [{ id: "x" }] } }),
    doc("broken.yaml", "not a mapping"),
  ]);

  test("counts documents by kind in the standard's order", () => {
    expect(overview.kinds).toEqual([{ kind: "Taxonomy", count: 1 }, { kind: "Checklist", count: 3 }]);
    expect(overview.localChecklists).toBe(1);
  });

  test("counts national matters by batch, present vs declared, in batch order", () => {
    expect(overview.nationalMatters).toBe(3);
    expect(overview.batches).toEqual([{ year: 2024, seq: 1, known: 2, declared: 13 }, { year: 2024, seq: 2, known: 1, declared: 8 }]);
  });

  test("counts by subject and stage in taxonomy order, and by confidence", () => {
    expect(overview.subjects.map((s) => [s.subject, s.count, s.stages.map((stage) => `${stage.name?.zh}:${stage.count}`)])).toEqual([
      ["enterprise", 2, ["准入准营:1", "注销退出:1"]],
      ["individual", 1, ["出生:1"]],
    ]);
    expect(overview.confidence).toEqual([{ confidence: "verified", count: 1 }, { confidence: "partial", count: 1 }, { confidence: "unverified", count: 1 }]);
  });

  test("names batches the way the lists do", () => {
    expect(describeBatch({ year: 2025, seq: 2 }, "zh")).toBe("2025年度第二批");
    expect(describeBatch({ year: 2025, seq: 2 }, "en")).toBe("2025 batch 2");
  });
});
