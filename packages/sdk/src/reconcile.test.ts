import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ResolvedChecklist, ResolvedMatter } from "@onething/dsl";
import { parseSource } from "@onething/dsl";
import type { Matter, SourceDocument } from "@onething/schemas";
import { describe, expect, test } from "vitest";
import { RECONCILE_DIAGNOSTICS } from "./reconcile-codes.js";
import { reconcile, reconcileDocuments, type ReconcileCategory } from "./reconcile.js";

const NATIONAL = "checklists/national/2024-1.yaml";
const CITY = "checklists/local/city.yaml";

function provenance(checklist: string, file: string, line: number, level: "national" | "municipal") {
  return {
    checklist,
    file,
    pointer: "/spec/matters/0",
    range: { start: { line, column: 7, offset: 0 }, end: { line, column: 9, offset: 2 } },
    level,
    via: "definition" as const,
  };
}

/** A matter of the effective list, defined nationally unless `local`. */
function matter(id: string, extra: Partial<Matter> & { local?: boolean; notApplicable?: ResolvedMatter["notApplicable"] } = {}): ResolvedMatter {
  const { local, notApplicable, ...fields } = extra;
  const definedIn = local === true ? provenance("cn.city", CITY, 20, "municipal") : provenance("cn.national.2024-1", NATIONAL, 10, "national");
  return {
    id,
    value: { id, name: { zh: `${id} 一件事` }, subject: "individual", stage: "birth", confidence: "illustrative", ...fields },
    definedIn,
    origin: { name: definedIn },
    ...(notApplicable === undefined ? {} : { notApplicable }),
  };
}

const naOrigin = provenance("cn.city", CITY, 12, "municipal");

const checklist: ResolvedChecklist = {
  id: "cn.city",
  title: { zh: "某市重点事项清单" },
  version: "1.1.0",
  jurisdiction: { level: "municipal", division: "370200" },
  file: CITY,
  chain: ["cn.national.2024-1", "cn.city"],
  matters: [
    matter("landed-one"),
    matter("verified-one"),
    matter("in-progress-one"),
    matter("planned-one"),
    matter("late-entry", { dueDate: "2026-01-01" }),
    matter("late-matter", { dueDate: "2025-06-30" }),
    matter("awaiting-one"),
    matter("na-national", { notApplicable: { reason: { zh: "国家层面办理" }, basis: "national-level", origin: naOrigin } }),
    matter("na-provincial", { notApplicable: { reason: { zh: "省级层面办理" }, basis: "provincial-level", origin: naOrigin } }),
    matter("na-ledger"),
    matter("renamed", { formerIds: ["old-name"] }),
    matter("missing-one", { local: true }),
  ],
};

const LEDGER = [
  "apiVersion: onething/v1",
  "kind: Progress",
  "metadata:",
  "  id: cn.city.progress",
  "  title: { zh: 某市对账销号台账 }",
  "  version: 1.0.0",
  "spec:",
  "  checklist: { id: cn.city, version: 1.0.0 }",
  "  asOf: 2025-06-30",
  "  entries:",
  "    - { matter: landed-one, status: landed, since: 2024-12 }",
  "    - { matter: verified-one, status: verified, evidence: [{ title: 验收报告 }] }",
  "    - { matter: in-progress-one, status: in-progress, dueDate: 2025-12-31 }",
  "    - { matter: planned-one, status: planned }",
  "    - { matter: late-entry, status: in-progress, dueDate: 2025-06-01 }",
  "    - { matter: late-matter, status: planned }",
  "    - { matter: awaiting-one, status: awaiting-plan, reason: { zh: 待省级方案 } }",
  "    - { matter: na-ledger, status: not-applicable, reason: { zh: 本地无港口 } }",
  "    - { matter: old-name, status: landed }",
  "    - { matter: no-such-matter, status: landed }",
  "    - { matter: landed-one, status: planned }",
  "",
].join("\n");

function ledger(text = LEDGER): SourceDocument {
  const { document } = parseSource({ path: "checklists/local/city-progress.yaml", text });
  if (document === undefined) throw new Error("fixture does not parse");
  return document;
}

const report = reconcile({ checklist, progress: ledger(), today: "2025-07-01" });
const where = (d: { code: string; range?: { start: { line: number; column: number } } }) => `${d.range?.start.line}:${d.range?.start.column} ${d.code}`;

describe("reconcile: one category per matter", () => {
  test.each<[string, ReconcileCategory]>([
    ["landed-one", "landed"],
    ["verified-one", "landed"],
    ["in-progress-one", "in-progress"],
    ["planned-one", "planned"],
    ["late-entry", "overdue"],
    ["late-matter", "overdue"],
    ["awaiting-one", "awaiting-plan"],
    ["na-national", "not-applicable"],
    ["na-provincial", "not-applicable"],
    ["na-ledger", "not-applicable"],
    ["renamed", "landed"],
    ["missing-one", "missing"],
  ])("%s → %s", (id, category) => {
    expect(report.matters.find((m) => m.id === id)?.category).toBe(category);
  });

  test("the entry's due date wins over the matter's; the matter's applies when the entry has none", () => {
    const late = report.matters.find((m) => m.id === "late-entry");
    expect([late?.dueDate, late?.dueFrom]).toEqual(["2025-06-01", "entry"]);
    const fromMatter = report.matters.find((m) => m.id === "late-matter");
    expect([fromMatter?.dueDate, fromMatter?.dueFrom]).toEqual(["2025-06-30", "matter"]);
    expect(reconcile({ checklist, progress: ledger(), today: "2025-06-30" }).matters.find((m) => m.id === "late-matter")?.category).toBe("planned");
  });

  test("not-applicable matters carry the list's basis and reason; the ledger's reason wins", () => {
    const rows = report.matters.filter((m) => m.category === "not-applicable").map((m) => [m.id, m.basis, m.reason?.zh]);
    expect(rows).toEqual([
      ["na-national", "national-level", "国家层面办理"],
      ["na-provincial", "provincial-level", "省级层面办理"],
      ["na-ledger", undefined, "本地无港口"],
    ]);
  });

  test("keeps the list's order and points each row at its ledger entry", () => {
    expect(report.matters.map((m) => m.id)).toEqual(checklist.matters.map((m) => m.id));
    expect(report.matters.find((m) => m.id === "planned-one")?.entry?.range?.start).toMatchObject({ line: 14, column: 17 });
    expect(report.matters.find((m) => m.id === "verified-one")).toMatchObject({ status: "verified", evidence: 1 });
  });
});

describe("reconcile: the ledger's loose ends", () => {
  test("maps a former id to the current matter and reports the mapping", () => {
    expect(report.mapped).toMatchObject([{ from: "old-name", to: "renamed", pointer: "/spec/entries/8/matter" }]);
    expect(report.matters.find((m) => m.id === "renamed")?.formerId).toBe("old-name");
  });

  test("reports unknown and duplicate entries and the version mismatch at line:col", () => {
    expect(report.unknown).toMatchObject([{ matter: "no-such-matter", status: "landed" }]);
    expect(report.diagnostics.map(where)).toEqual([
      "8:38 progress-version-mismatch",
      "19:17 progress-former-id",
      "20:17 progress-unknown-matter",
      "21:17 progress-duplicate-entry",
    ]);
    expect(report.diagnostics.every((d) => d.file === "checklists/local/city-progress.yaml" && d.pointer !== undefined)).toBe(true);
    expect(report.diagnostics[0]?.message).toEqual({
      zh: "台账锁定清单 cn.city 的版本 1.0.0，当前版本为 1.1.0",
      en: "The ledger pins version 1.0.0 of cn.city; the current version is 1.1.0",
    });
  });

  test("a ledger pinned to the current version has no version finding", () => {
    const current = reconcile({ checklist, progress: ledger(LEDGER.replace("version: 1.0.0 }", "version: 1.1.0 }")), today: "2025-07-01" });
    expect(current.diagnostics.map((d) => d.code)).not.toContain("progress-version-mismatch");
  });

  test("a malformed ledger yields what can be read, never a throw", () => {
    const broken = ledger("apiVersion: onething/v1\nkind: Progress\nspec:\n  entries: [3, { matter: landed-one }, { matter: planned-one, status: planned }]\n");
    const result = reconcile({ checklist, progress: broken, today: "2025-07-01" });
    expect(result.summary.counts.planned).toBe(1);
    expect(result.summary.counts.missing).toBe(9);
    expect(result.progress.pinned).toEqual({});
  });
});

describe("reconcile: the summary", () => {
  test("counts every category; pushed leaves out not-applicable and awaiting-plan matters", () => {
    expect(report.summary).toMatchObject({
      total: 12,
      national: 11,
      pushed: 8,
      counts: { landed: 3, "in-progress": 1, planned: 1, overdue: 2, "awaiting-plan": 1, "not-applicable": 3, missing: 1 },
      notApplicable: { nationalLevel: 1, provincialLevel: 1, other: 1 },
    });
  });

  test("says it in the shape of a city's report", () => {
    expect(report.summary.sentence).toMatchInlineSnapshot(`
      {
        "en": "Of 12 matters (11 national, 1 local): 8 pushed (3 landed, 1 in progress, 1 planned, 2 overdue, 1 missing from the ledger); 3 not applicable (1 handled at national level, 1 handled at provincial level, 1 other reasons); 1 awaiting a higher-level plan.",
        "zh": "共 12 个事项（国家 11 个、本地 1 个）：推进 8 个，其中已落地 3 个、推进中 1 个、计划中 1 个、超期 2 个、未对账 1 个；不适用 3 个（国家层面办理 1 个、省级层面办理 1 个、其他原因 1 个）；待上级方案 1 个。",
      }
    `);
  });
});

describe("reconcileDocuments", () => {
  test("reconciles every ledger against the checklist it pins, or reports the missing checklist", () => {
    const orphan = ledger(LEDGER.replace("id: cn.city, version", "id: cn.nowhere, version").replace("id: cn.city.progress", "id: cn.orphan"));
    const result = reconcileDocuments({ documents: [ledger(), orphan], checklists: new Map([["cn.city", checklist]]), today: "2025-07-01" });
    expect(result.reports.map((r) => r.progress.id)).toEqual(["cn.city.progress"]);
    expect(result.diagnostics.map(where)).toEqual(["8:20 progress-unknown-checklist"]);
    const only = reconcileDocuments({ documents: [ledger(), orphan], checklists: new Map([["cn.city", checklist]]), today: "2025-07-01", progress: "cn.orphan" });
    expect([only.reports.length, only.diagnostics.length]).toEqual([0, 1]);
  });
});

describe("docs/rules.md", () => {
  const docs = readFileSync(fileURLToPath(new URL("../../../docs/rules.md", import.meta.url)), "utf8");
  const section = docs.slice(docs.indexOf("### Reconcile diagnostics (@onething/sdk)"));
  test.each(Object.entries(RECONCILE_DIAGNOSTICS))("lists %s with its severity in the reconcile section", (code, info) => {
    expect(docs).toContain("### Reconcile diagnostics (@onething/sdk)");
    expect(section).toContain(`| \`${code}\` | ${info.severity} |`);
  });
});
