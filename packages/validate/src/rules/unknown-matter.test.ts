import { describe } from "vitest";
import { ANNUAL, BASE, checklist, document } from "../../test/project.js";
import { testRule } from "../../test/rule-tester.js";

const local = (spec: string) => checklist({ spec: `  scope: local\n${spec}`, matters: "" }).replace("  matters:\n", "  matters: []\n");

describe("unknown-matter", () => {
  testRule("unknown-matter", [
    {
      name: "valid: references to base matters",
      files: {
        ...BASE,
        "t.yaml": local(
          "  extends:\n    - { checklist: cn.national.2024-1, select: [newborn-birth] }\n  notApplicable:\n    - { matter: newborn-birth, reason: { zh: 由省级办理 } }\n  patches:\n    - { matter: newborn-birth, set: { status: landed } }\n",
        ),
      },
      expected: [],
    },
    {
      name: "select, exclude, notApplicable and patches naming missing matters",
      files: {
        ...BASE,
        "t.yaml": local(
          "  extends:\n    - { checklist: cn.national.2024-1, select: [newborn-brith], exclude: [death] }\n  notApplicable:\n    - { matter: ship-operation, reason: { zh: 无此业务 } }\n  patches:\n    - { matter: beer-festival, set: { status: landed } }\n",
        ),
      },
      expected: ["t.yaml:10:49", "t.yaml:10:75", "t.yaml:12:17", "t.yaml:14:17"],
    },
    {
      name: "a progress entry and an evaluation result naming missing matters",
      files: {
        ...BASE,
        "p.yaml": document({
          kind: "Progress",
          id: "cn.progress",
          spec: ["checklist: { id: cn.national.2024-1, version: 1.0.0 }", "asOf: 2025-06-30", "entries:", "  - { matter: newborn-birth, status: landed }", "  - { matter: company-change, status: planned }"],
        }),
        "e.yaml": document({
          kind: "Evaluation",
          id: "cn.evaluation",
          spec: ["period: { from: 2025-01-01, to: 2025-06-30 }", "indicators: []", "results:", "  - { checklist: cn.national.2024-1, matter: newborn, volume: 3 }"],
        }),
      },
      expected: ["e.yaml:11:48", "p.yaml:12:17"],
    },
    {
      name: "valid: a ledger and an evaluation still naming a matter by its former id",
      files: {
        ...BASE,
        "national/2024-1.yaml": ANNUAL.replace("    - id: newborn-birth\n", "    - id: newborn-birth\n      formerIds: [birth]\n"),
        "p.yaml": document({
          kind: "Progress",
          id: "cn.progress",
          spec: ["checklist: { id: cn.national.2024-1, version: 1.0.0 }", "asOf: 2025-06-30", "entries:", "  - { matter: birth, status: landed }"],
        }),
        "e.yaml": document({
          kind: "Evaluation",
          id: "cn.evaluation",
          spec: ["period: { from: 2025-01-01, to: 2025-06-30 }", "indicators: []", "results:", "  - { checklist: cn.national.2024-1, matter: birth, volume: 3 }"],
        }),
      },
      expected: [],
    },
    {
      name: "a former id does not stand for the matter inside the list itself",
      files: {
        ...BASE,
        "national/2024-1.yaml": ANNUAL.replace("    - id: newborn-birth\n", "    - id: newborn-birth\n      formerIds: [birth]\n"),
        "t.yaml": local("  extends:\n    - { checklist: cn.national.2024-1 }\n  patches:\n    - { matter: birth, set: { status: landed } }\n"),
      },
      expected: ["t.yaml:12:17"],
    },
  ]);
});
