import type { ResolvedChecklist } from "@onething/dsl";
import { describe, expect, test } from "vitest";
import { formatProvenance, toResolvedData } from "./resolve-output.js";

const at = (file: string, line: number, via: "definition" | "patch" = "definition") => ({
  checklist: file.includes("national") ? "cn.national.2024-1" : "cn.city",
  file,
  pointer: "/spec/matters/0",
  range: { start: { line, column: 5, offset: 0 }, end: { line, column: 7, offset: 2 } },
  level: file.includes("national") ? ("national" as const) : ("municipal" as const),
  via,
});

const checklist: ResolvedChecklist = {
  id: "cn.city",
  title: { zh: "某市清单" },
  version: "1.0.0",
  jurisdiction: { level: "municipal", division: "370200" },
  file: "local/city.yaml",
  chain: ["cn.national.2024-1", "cn.city"],
  matters: [
    {
      id: "newborn-birth",
      value: { id: "newborn-birth", name: { zh: "新生儿出生" }, subject: "individual", stage: "birth", metrics: { trips: { before: 3, after: 0 } }, confidence: "partial" },
      definedIn: at("national/2024-1.yaml", 30),
      origin: { name: at("national/2024-1.yaml", 31), "metrics.trips": at("local/city.yaml", 12, "patch") },
      notApplicable: { reason: { zh: "国家层面办理" }, basis: "national-level", origin: at("local/city.yaml", 9) },
    },
  ],
};

describe("toResolvedData", () => {
  test("gives plain data without provenance by default", () => {
    const data = toResolvedData(checklist);
    expect(data).toMatchObject({ id: "cn.city", chain: ["cn.national.2024-1", "cn.city"], count: 1 });
    expect(data.matters[0]).toEqual({ ...checklist.matters[0]?.value, notApplicable: { reason: { zh: "国家层面办理" }, basis: "national-level" } });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  test("with origin, says where the matter and each field come from as file:line", () => {
    const matter = toResolvedData(checklist, { withOrigin: true }).matters[0];
    expect(matter?.definedIn).toEqual({ checklist: "cn.national.2024-1", at: "national/2024-1.yaml:30" });
    expect(matter?.origin).toEqual({ name: "national/2024-1.yaml:31", "metrics.trips": "local/city.yaml:12" });
    expect(matter?.notApplicable?.origin).toBe("local/city.yaml:9");
  });

  test("copies values, so editing the output leaves the checklist untouched", () => {
    const data = toResolvedData(checklist);
    data.title.zh = "changed";
    if (data.matters[0]?.metrics?.trips) data.matters[0].metrics.trips.after = 9;
    expect(checklist.title.zh).toBe("某市清单");
    expect(checklist.matters[0]?.value.metrics?.trips?.after).toBe(0);
  });

  test("formatProvenance falls back to the file when the line is unknown", () => {
    const { range: _range, ...withoutRange } = at("a.yaml", 1);
    expect(formatProvenance(withoutRange)).toBe("a.yaml");
  });
});
