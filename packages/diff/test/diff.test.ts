import { describe, expect, test } from "vitest";
import { diffDocuments, type Change } from "../src/index.js";
import { checklist, parseAll } from "./helpers.js";

const M = (fields: string) => `    - { id: m, name: { zh: 新生儿出生, en: Newborn birth }, subject: individual, stage: birth, confidence: verified${fields} }\n`;

function run(before: string, after: string): Change[] {
  return diffDocuments({ before: parseAll({ "a.yaml": before }), after: parseAll({ "a.yaml": after }) }).changes;
}

/** What a reader notices: the check, class, impact, regression flag, field and the lines on each side. */
function summary(change: Change): string {
  const where = [change.locations.before?.line ?? "-", change.locations.after?.line ?? "-"].join(":");
  return `${change.check} ${change.class} ${change.impact}${change.regression === true ? " regression" : ""} ${change.field ?? ""} ${where}`;
}

describe("change kinds", () => {
  test.each([
    { name: "matter added", before: M(""), after: M("") + "    - { id: n, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n", expected: ["matter-added non-breaking minor /spec/matters/n -:11"] },
    { name: "matter removed", before: M("") + "    - { id: n, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n", after: M(""), expected: ["matter-removed breaking major /spec/matters/n 11:-"] },
    {
      name: "matter renamed through formerIds",
      before: "    - { id: old, name: { zh: 教育入学 }, subject: individual, stage: education, confidence: verified }\n",
      after: "    - { id: school, formerIds: [old], name: { zh: 教育入学 }, subject: individual, stage: education, confidence: verified }\n",
      expected: ["matter-renamed breaking major /spec/matters/school 10:10"],
    },
    {
      name: "matter possibly renamed (similar name, same stage)",
      before: "    - { id: old, name: { zh: 企业信息变更登记 }, subject: enterprise, stage: operation, confidence: verified }\n",
      after: "    - { id: new, name: { zh: 企业信息变更 }, subject: enterprise, stage: operation, confidence: verified }\n",
      expected: ["matter-possibly-renamed breaking major /spec/matters/new 10:10", "text-changed non-breaking patch /spec/matters/new/name 10:10"],
    },
    {
      name: "dissimilar matters are a removal and an addition",
      before: "    - { id: old, name: { zh: 企业信息变更 }, subject: enterprise, stage: operation, confidence: verified }\n",
      after: "    - { id: new, name: { zh: 信用修复 }, subject: enterprise, stage: operation, confidence: verified }\n",
      expected: ["matter-removed breaking major /spec/matters/old 10:-", "matter-added non-breaking minor /spec/matters/new -:10"],
    },
    { name: "item added", before: M(", items: [{ ref: item.a }]"), after: M(", items: [{ ref: item.a }, { ref: item.b }]"), expected: ["item-added non-breaking minor /spec/matters/m/items/item.b -:10"] },
    { name: "item removed", before: M(", items: [{ ref: item.a }, { ref: item.b }]"), after: M(", items: [{ ref: item.a }]"), expected: ["item-removed breaking major /spec/matters/m/items/item.b 10:-"] },
    { name: "item role changed", before: M(", items: [{ ref: item.a }]"), after: M(", items: [{ ref: item.a, role: conditional }]"), expected: ["field-changed non-breaking minor /spec/matters/m/items/item.a/role -:10"] },
    {
      name: "material removed",
      before: M(", materials: [{ id: idc, name: { zh: 身份证 }, necessity: required, source: applicant }]"),
      after: M(""),
      expected: ["material-removed breaking major /spec/matters/m/materials/idc 10:-"],
    },
    { name: "lead changed", before: M(", owners: { lead: dept.a }"), after: M(", owners: { lead: dept.b }"), expected: ["owner-changed potentially-breaking minor /spec/matters/m/owners/lead 10:10"] },
    {
      name: "partners changed",
      before: M(", owners: { lead: dept.a, partners: [dept.b, dept.c] }"),
      after: M(", owners: { lead: dept.a, partners: [dept.d, dept.b] }"),
      expected: ["owner-changed potentially-breaking minor /spec/matters/m/owners/partners/dept.c 10:-", "owner-changed non-breaking minor /spec/matters/m/owners/partners/dept.d -:10"],
    },
    { name: "leader changed", before: M(", owners: { lead: dept.a, leader: 副市长 }"), after: M(", owners: { lead: dept.a, leader: 市长 }"), expected: ["owner-changed non-breaking patch /spec/matters/m/owners/leader 10:10"] },
    { name: "trips improved", before: M(", metrics: { trips: { before: 5, after: 3 } }"), after: M(", metrics: { trips: { before: 5, after: 1 } }"), expected: ["metric-changed non-breaking patch /spec/matters/m/metrics/trips/after 10:10"] },
    { name: "trips regressed", before: M(", metrics: { trips: { before: 5, after: 1 } }"), after: M(", metrics: { trips: { before: 5, after: 3 } }"), expected: ["metric-changed potentially-breaking minor regression /spec/matters/m/metrics/trips/after 10:10"] },
    { name: "a whole metric added", before: M(""), after: M(", metrics: { days: { before: 20, after: 5 } }"), expected: ["metric-changed non-breaking minor /spec/matters/m/metrics/days -:10"] },
    { name: "promised time rose", before: M(", promisedTime: { value: 5, unit: workday }"), after: M(", promisedTime: { value: 7, unit: workday }"), expected: ["metric-changed potentially-breaking minor regression /spec/matters/m/promisedTime 10:10"] },
    { name: "promised time in another unit is not judged", before: M(", promisedTime: { value: 5, unit: workday }"), after: M(", promisedTime: { value: 7, unit: day }"), expected: ["metric-changed non-breaking patch /spec/matters/m/promisedTime 10:10"] },
    { name: "status forwards", before: M(", status: in-progress"), after: M(", status: landed"), expected: ["status-changed non-breaking patch /spec/matters/m/status 10:10"] },
    { name: "status backwards", before: M(", status: verified"), after: M(", status: planned"), expected: ["status-changed potentially-breaking minor regression /spec/matters/m/status 10:10"] },
    { name: "status retired", before: M(", status: landed"), after: M(", status: retired"), expected: ["status-changed potentially-breaking minor /spec/matters/m/status 10:10"] },
    { name: "batch joined", before: M(""), after: M(", batches: [{ year: 2025, seq: 1 }]"), expected: ["batch-membership-changed non-breaking minor /spec/matters/m/batches/2025-1 -:10"] },
    { name: "batch left", before: M(", batches: [{ year: 2024, seq: 1 }, { year: 2025, seq: 1 }]"), after: M(", batches: [{ year: 2024, seq: 1 }]"), expected: ["batch-membership-changed potentially-breaking minor /spec/matters/m/batches/2025-1 10:-"] },
    { name: "stage moved", before: M(""), after: M("").replace("stage: birth", "stage: education"), expected: ["field-changed potentially-breaking minor /spec/matters/m/stage 10:10"] },
    { name: "field changed", before: M(""), after: M("").replace("confidence: verified", "confidence: partial"), expected: ["field-changed non-breaking patch /spec/matters/m/confidence 10:10"] },
    { name: "one-stop flag set", before: M(""), after: M(", oneStop: { online: true }"), expected: ["field-changed non-breaking minor /spec/matters/m/oneStop/online -:10"] },
    { name: "note changed", before: M(", note: 兰州市"), after: M(", note: 十堰市"), expected: ["text-changed non-breaking patch /spec/matters/m/note 10:10"] },
    { name: "name changed", before: M(""), after: M("").replace("新生儿出生", "新生儿出生一件事"), expected: ["text-changed non-breaking patch /spec/matters/m/name 10:10"] },
  ])("$name", ({ before, after, expected }) => {
    expect(run(checklist(before), checklist(after)).map(summary)).toEqual(expected);
  });

  test("the document's version is not a change; its title is", () => {
    const before = checklist(M(""));
    const after = before.replace("version: 1.0.0", "version: 1.1.0").replace("测试清单", "测试清单（修订）");
    expect(run(before, after).map(summary)).toEqual(["text-changed non-breaking patch /metadata/title 5:5"]);
  });

  test("documents added and removed, matched by metadata.id not path", () => {
    const a = checklist(M(""), { id: "cn.a" });
    const b = checklist(M(""), { id: "cn.b" });
    const result = diffDocuments({ before: parseAll({ "x.yaml": a }), after: parseAll({ "y.yaml": a, "x.yaml": b }) });
    expect(result.changes.map((change) => `${change.check} ${change.document}`)).toEqual(["document-added cn.b"]);
    expect(result.impact).toBe("minor");
    const moved = diffDocuments({ before: parseAll({ "x.yaml": a }), after: parseAll({ "z/y.yaml": a }) });
    expect(moved.changes).toEqual([]);
    expect(diffDocuments({ before: parseAll({ "x.yaml": a }), after: [] }).impact).toBe("major");
  });

  test("catalogue items and registry departments", () => {
    const catalog = (items: string) => `apiVersion: onething/v1\nkind: ItemCatalog\nmetadata: { id: cn.items, title: { zh: 目录 }, version: 1.0.0 }\nspec:\n  items:\n${items}`;
    const registry = (departments: string) => `apiVersion: onething/v1\nkind: DepartmentRegistry\nmetadata: { id: cn.departments, title: { zh: 部门 }, version: 1.0.0 }\nspec:\n  departments:\n${departments}`;
    const item = (id: string, zh: string, extra = "") => `    - { id: ${id}, name: { zh: ${zh} }, department: dept.a${extra} }\n`;
    const dept = (id: string, zh: string) => `    - { id: ${id}, name: { zh: ${zh} }, level: national }\n`;
    const result = diffDocuments({
      before: parseAll({ "i.yaml": catalog(item("item.a", "生育登记", ", trips: 1") + item("item.b", "出生医学证明")), "d.yaml": registry(dept("dept.a", "公安部") + dept("dept.b", "国家卫生健康委员会")) }),
      after: parseAll({ "i.yaml": catalog(item("item.a", "生育登记", ", trips: 2") + item("item.c", "出生医学证明")), "d.yaml": registry(dept("dept.a", "公安部") + dept("dept.nhc", "国家卫生健康委员会") + dept("dept.c", "民政部")) }),
    });
    expect(result.changes.map((change) => `${change.check} ${change.field}${change.regression === true ? " regression" : ""}`)).toEqual([
      "department-possibly-renamed /spec/departments/dept.nhc",
      "department-added /spec/departments/dept.c",
      "metric-changed /spec/items/item.a/trips regression",
      "item-possibly-renamed /spec/items/item.c",
    ]);
  });

  test("refs are written as names: the first named entry with the id, newer version first, or as a loader answers for one id", () => {
    const registry = (id: string, departments: string) => `apiVersion: onething/v1\nkind: DepartmentRegistry\nmetadata: { id: ${id}, title: { zh: 部门 }, version: 1.0.0 }\nspec:\n  departments:\n${departments}`;
    const lead = (department: string) => checklist(`    - id: m\n      name: { zh: 事项 }\n      owners: { lead: ${department} }\n`);
    const before = parseAll({
      "old.yaml": registry("cn.old", "    - { id: dept.a, name: { zh: 旧名 } }\n    - { id: dept.b, name: { zh: 乙 } }\n"),
      "list.yaml": lead("dept.a"),
    });
    const after = parseAll({
      "new.yaml": registry("cn.new", "    - { id: dept.a }\n    - { id: dept.a, name: { zh: 新名, en: New } }\n"),
      "list.yaml": lead("dept.b"),
    });
    const message = (changes: Change[]) => changes.find((change) => change.check === "owner-changed")?.message;
    const plain = diffDocuments({ before, after });
    expect(message(plain.changes)).toEqual({ zh: "牵头部门 新名（dept.a） → 乙（dept.b）", en: "lead department New (dept.a) → 乙 (dept.b)" });
    // A loader's answer stands for the document's value; no answer (undefined) leaves the value to be read.
    const asked: string[] = [];
    const answered = diffDocuments({
      before,
      after,
      entriesWithId: (document, list, id) => {
        asked.push(`${document.path} ${list} ${id}`);
        return document.path === "new.yaml" ? [{ id, name: { zh: `答${id}` } }] : undefined;
      },
    });
    expect(message(answered.changes)?.zh).toBe("牵头部门 答dept.a（dept.a） → 答dept.b（dept.b）");
    expect(asked).toContain("new.yaml departments dept.a");
    expect(asked.every((question) => !question.startsWith("list.yaml"))).toBe(true);
    expect(JSON.stringify(diffDocuments({ before, after, entriesWithId: () => undefined }))).toBe(JSON.stringify(plain));
  });

  test("progress entries are matched by matter; a status moving backwards is a regression", () => {
    const ledger = (status: string) => `apiVersion: onething/v1\nkind: Progress\nmetadata: { id: qd.progress, title: { zh: 台账 }, version: 1.0.0 }\nspec:\n  checklist: { id: cn.a, version: 1.0.0 }\n  asOf: 2025-06-30\n  entries:\n    - { matter: b, status: planned }\n    - { matter: a, status: ${status} }\n`;
    const changes = run(ledger("landed"), ledger("in-progress").replace("    - { matter: b, status: planned }\n", "").concat("    - { matter: b, status: planned }\n"));
    expect(changes.map((change) => `${change.check} ${change.matter} ${change.regression === true}`)).toEqual(["status-changed a true"]);
  });

  test("fingerprints are stable and tell changes apart", () => {
    const first = run(checklist(M(", status: landed")), checklist(M(", status: verified")));
    const again = run(checklist(M(", status: landed") + M("").replace("id: m", "id: z")), checklist(M(", status: verified") + M("").replace("id: m", "id: z")));
    expect(first[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/u);
    expect(again[0]?.fingerprint).toBe(first[0]?.fingerprint);
    const other = run(checklist(M(", status: landed")), checklist(M(", status: planned")));
    expect(other[0]?.fingerprint).toBe(first[0]?.fingerprint);
    const note = run(checklist(M(", note: a")), checklist(M(", note: b")));
    expect(note[0]?.fingerprint).not.toBe(first[0]?.fingerprint);
  });
});

describe("messages", () => {
  test("use the Chinese field names and units", () => {
    const changes = run(
      checklist(M(", promisedTime: { value: 20, unit: workday }, metrics: { trips: { before: 5, after: 3 } }, owners: { lead: dept.a }")),
      checklist(M(", promisedTime: { value: 5, unit: workday }, metrics: { trips: { before: 5, after: 1 } }, owners: { lead: dept.b }")),
    );
    expect(changes.map((change) => change.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "promised time 20 → 5 working days",
          "zh": "承诺时限 20 → 5 个工作日",
        },
        {
          "en": "trips 3 → 1",
          "zh": "跑动次数 3 → 1",
        },
        {
          "en": "lead department dept.a → dept.b",
          "zh": "牵头部门 dept.a → dept.b",
        },
      ]
    `);
  });

  test("name regressions, removals and renames", () => {
    const changes = run(
      checklist(M(", metrics: { trips: { before: 5, after: 1 } }, items: [{ ref: item.x }]") + "    - { id: old, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n"),
      checklist(M(", metrics: { trips: { before: 5, after: 2 } }") + "    - { id: retirement, formerIds: [old], name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n"),
    );
    expect(changes.map((change) => change.message.zh)).toMatchInlineSnapshot(`
      [
        "跑动次数 1 → 2（变差）",
        "删除政务服务事项“item.x”",
        "事项“退休”的标识由 old 改为 retirement（已在 formerIds 中声明）",
      ]
    `);
  });
});

describe("shared values", () => {
  test("an element that is the same object on both sides is not walked, and the result is that of equal copies", () => {
    const before = parseAll({ "a.yaml": checklist(M(", metrics: { trips: { before: 5, after: 1 } }") + "    - { id: n, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n") });
    const after = parseAll({ "a.yaml": checklist(M(", metrics: { trips: { before: 5, after: 2 } }") + "    - { id: n, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n") });
    const copies = diffDocuments({ before, after });
    // A loader may share what did not change: put the very same element into both versions.
    const matters = (document: (typeof before)[number]) => (document.value as { spec: { matters: unknown[] } }).spec.matters;
    const shared = { ...matters(before[0] as (typeof before)[number])[1] as object };
    matters(before[0] as (typeof before)[number])[1] = shared;
    matters(after[0] as (typeof after)[number])[1] = shared;
    const result = diffDocuments({ before, after });
    expect(result).toEqual(copies);
    expect(result.changes.map(summary)).toEqual(["metric-changed potentially-breaking minor regression /spec/matters/m/metrics/trips/after 10:10"]);
  });

  test("an id repeated in the newer version is found when the first of the two is an element shared with the older one", () => {
    const N = "    - { id: n, name: { zh: 退休 }, subject: individual, stage: elderly, confidence: verified }\n";
    const before = parseAll({ "a.yaml": checklist(M("") + N) });
    // The second matter takes the id of the first: the list cannot be matched by id and is compared whole.
    const after = parseAll({ "a.yaml": checklist(M("") + N.replace("id: n", "id: m")) });
    const copies = diffDocuments({ before, after });
    const matters = (document: (typeof before)[number]) => (document.value as { spec: { matters: unknown[] } }).spec.matters;
    matters(after[0] as (typeof after)[number])[0] = matters(before[0] as (typeof before)[number])[0];
    const result = diffDocuments({ before, after });
    expect(result).toEqual(copies);
    expect(result.changes.map(summary)).toEqual(["field-changed non-breaking patch /spec/matters 9:9"]);
  });
});
