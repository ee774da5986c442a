import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { SourceDocument } from "@onething/schemas";
import { applyChanges, diffDocuments } from "../src/index.js";

// Property tests over generated checklists: plain values, no YAML (locations are then unknown).
const ids = ["newborn-birth", "retirement", "credit-repair", "school-enrolment", "open-restaurant"];
const depts = ["dept.nhc", "dept.mps", "dept.samr", "dept.ndrc"];

const metric = fc.record({ before: fc.nat(30), after: fc.nat(30) }, { requiredKeys: [] });
const matterFields = fc.record(
  {
    name: fc.record({ zh: fc.constantFrom("新生儿出生", "退休", "信用修复", "教育入学"), en: fc.constantFrom("Birth", "Retirement") }, { requiredKeys: ["zh"] }),
    subject: fc.constantFrom("individual", "enterprise"),
    stage: fc.constantFrom("birth", "elderly", "operation"),
    status: fc.constantFrom("planned", "in-progress", "landed", "verified", "retired"),
    owners: fc.record({ lead: fc.constantFrom(...depts), partners: fc.uniqueArray(fc.constantFrom(...depts), { maxLength: 3 }), leader: fc.constantFrom("副市长", "市长") }, { requiredKeys: ["lead"] }),
    items: fc.uniqueArray(fc.record({ ref: fc.constantFrom("item.a", "item.b", "item.c"), role: fc.constantFrom("required", "conditional") }, { requiredKeys: ["ref"] }), { selector: (item) => item.ref, maxLength: 3 }),
    batches: fc.uniqueArray(fc.record({ year: fc.constantFrom(2024, 2025), seq: fc.constantFrom(1, 2) }), { selector: (b) => `${b.year}-${b.seq}`, maxLength: 3 }),
    metrics: fc.record({ trips: metric, days: metric }, { requiredKeys: [] }),
    promisedTime: fc.record({ value: fc.nat(30), unit: fc.constantFrom("workday", "day") }),
    materials: fc.uniqueArray(fc.record({ id: fc.constantFrom("idc", "hukou", "cert"), name: fc.record({ zh: fc.constantFrom("身份证", "户口簿", "证明") }), necessity: fc.constantFrom("required", "conditional"), source: fc.constant("applicant") }), { selector: (m) => m.id, maxLength: 3 }),
    note: fc.constantFrom("兰州市", "十堰市"),
    formerIds: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 }),
    confidence: fc.constantFrom("verified", "partial"),
    steps: fc.array(fc.record({ name: fc.record({ zh: fc.constantFrom("申请", "受理", "办结") }) }), { maxLength: 3 }),
  },
  { requiredKeys: ["name", "subject", "stage", "confidence"] },
);
const matters = fc.uniqueArray(fc.tuple(fc.constantFrom(...ids), matterFields), { selector: ([id]) => id, maxLength: 5 }).map((list) => list.map(([id, fields]) => ({ id, ...fields })));

function document(id: string, list: unknown[], title = "清单"): unknown {
  return { apiVersion: "onething/v1", kind: "Checklist", metadata: { id, title: { zh: title }, version: "1.0.0" }, spec: { scope: "total", matters: list } };
}

function source(value: unknown, path = "a.yaml"): SourceDocument {
  return { path, text: "", value, locate: () => undefined };
}

const docs = fc.tuple(matters, matters, fc.constantFrom("清单", "清单（修订）"), fc.boolean()).map(([first, second, title, both]) => {
  const list = [source(document("cn.a", first, title))];
  if (both) list.push(source(document("cn.b", second), "b.yaml"));
  return list;
});

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  for (let index = out.length - 1; index > 0; index--) {
    const other = (seed * (index + 7)) % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

describe("diff properties", () => {
  test("diff(a, a) is empty", () => {
    fc.assert(fc.property(docs, (a) => diffDocuments({ before: a, after: a }).changes.length === 0));
  });

  test("reordering matters (and documents) yields no change", () => {
    fc.assert(
      fc.property(docs, fc.nat(1000), (a, seed) => {
        const reordered = shuffle(a, seed).map((doc) => {
          const value = structuredClone(doc.value) as { spec: { matters: unknown[] } };
          value.spec.matters = shuffle(value.spec.matters, seed + 1);
          return source(value, doc.path);
        });
        expect(diffDocuments({ before: a, after: reordered }).changes).toEqual([]);
      }),
    );
  });

  test("an addition one way is a removal the other way", () => {
    const opposite: Record<string, string> = { added: "removed", removed: "added" };
    fc.assert(
      fc.property(docs, docs, (a, b) => {
        const forward = diffDocuments({ before: a, after: b }).changes;
        const backward = diffDocuments({ before: b, after: a }).changes;
        // A rename is neither an addition nor a removal, and a declared one (formerIds) reads only one way.
        const renamed = new Set([...forward, ...backward].filter((change) => change.check.endsWith("renamed")).flatMap((change) => [String(change.before), String(change.after)]));
        const kinds = (list: typeof forward, flip: boolean) =>
          list
            .filter((change) => /-(added|removed)$/u.test(change.check))
            .filter((change) => !(change.field ?? "").split("/").some((segment) => renamed.has(segment)))
            .map((change) => {
              const [, stem, end] = /^(.*)-(added|removed)$/u.exec(change.check) ?? [];
              // A possible rename names the matter by its id on the newer side, so compare the last segment only.
              return `${stem}-${flip ? opposite[end as string] : end} ${change.document} ${(change.field ?? "").split("/").pop()}`;
            })
            .sort();
        expect(kinds(backward, true)).toEqual(kinds(forward, false));
      }),
    );
  });

  test("applying the changes to a reproduces b", () => {
    fc.assert(
      fc.property(docs, docs, (a, b) => {
        const { changes } = diffDocuments({ before: a, after: b });
        const applied = applyChanges({ documents: a.map((doc) => doc.value), changes }).map((value) => source(value));
        expect(diffDocuments({ before: applied, after: b }).changes).toEqual([]);
      }),
    );
  });

  test("the impact is the largest of the changes' impacts", () => {
    const rank = { none: 0, patch: 1, minor: 2, major: 3 } as const;
    fc.assert(
      fc.property(docs, docs, (a, b) => {
        const result = diffDocuments({ before: a, after: b });
        expect(rank[result.impact]).toBe(Math.max(0, ...result.changes.map((change) => rank[change.impact])));
      }),
    );
  });
});
