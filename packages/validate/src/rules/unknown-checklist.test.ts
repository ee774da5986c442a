import { describe } from "vitest";
import { BASE, document } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const ledger = (checklistId: string) =>
  document({ kind: "Progress", id: "cn.sd.qingdao.progress", spec: [`checklist: { id: ${checklistId}, version: 1.0.0 }`, "asOf: 2025-06-30", "entries: []"] });
const evaluation = (checklistId: string) =>
  document({
    kind: "Evaluation",
    id: "cn.sd.qingdao.evaluation",
    spec: ["period: { from: 2025-01-01, to: 2025-06-30 }", "indicators: []", "results:", `  - { checklist: ${checklistId}, matter: newborn-birth, volume: 10 }`],
  });

describe("unknown-checklist", () => {
  testRule("unknown-checklist", [
    { name: "valid: ledger and results of an existing checklist", files: { ...BASE, "p.yaml": ledger("cn.national.2024-1"), "e.yaml": evaluation("cn.national.2024-1") }, expected: [] },
    { name: "a ledger of a missing checklist", files: { ...BASE, "p.yaml": ledger("cn.national.2024-9") }, expected: ["p.yaml:8:20"] },
    { name: "a result of a missing checklist", files: { ...BASE, "e.yaml": evaluation("cn.nationl.2024-1") }, expected: ["e.yaml:11:20"] },
  ]);
});
