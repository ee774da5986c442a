import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { Diagnostic, Matter } from "@onething/schemas";
import { DSL_DIAGNOSTICS } from "../diagnostic-codes.js";
import { parseSource } from "../parse.js";
import type { ParsedDocument } from "../parse.js";
import { resolveChecklist, resolveChecklists } from "./resolve.js";
import type { Provenance, ResolvedChecklist, ResolvedMatter } from "./types.js";

const fixtures = fileURLToPath(new URL("../../fixtures/resolve/", import.meta.url));
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${fixtures}${entry.name}/expected.json`))
  .map((entry) => entry.name)
  .sort();

function parseAll(files: ReadonlyArray<{ path: string; text: string }>): ParsedDocument[] {
  return files.map(({ path, text }) => {
    const { document, diagnostics } = parseSource({ path, text });
    expect(diagnostics, path).toEqual([]);
    if (document === undefined) throw new Error(`${path} did not parse`);
    return document;
  });
}

function loadCase(name: string): ParsedDocument[] {
  const files = readdirSync(`${fixtures}${name}`)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => ({ path: `resolve/${name}/${file}`, text: readFileSync(`${fixtures}${name}/${file}`, "utf8") }));
  return parseAll(files);
}

function at(provenance: Provenance): string {
  return `${provenance.file}:${provenance.range?.start.line ?? "?"} ${provenance.level ?? "-"} ${provenance.via}`;
}

function place(location: { file?: string; range?: Diagnostic["range"] }): string {
  return `${location.file ?? "?"}:${location.range?.start.line ?? "?"}:${location.range?.start.column ?? "?"}`;
}

function fieldValue(matter: ResolvedMatter, path: string): unknown {
  let value: unknown = matter.value;
  for (const segment of path.split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}

/** What a user notices about a resolution: effective ids in order, chosen fields with file:line, findings. */
function summarize(
  result: { checklists: Map<string, ResolvedChecklist>; diagnostics: Diagnostic[] },
  fields: readonly string[],
) {
  return {
    checklists: Object.fromEntries(
      [...result.checklists].map(([id, checklist]) => [
        id,
        {
          chain: checklist.chain,
          matters: checklist.matters.map((matter) => {
            const chosen: Record<string, { value: unknown; from: string }> = {};
            for (const field of fields) {
              const origin = matter.origin[field];
              if (origin !== undefined) chosen[field] = { value: fieldValue(matter, field), from: at(origin) };
            }
            const na = matter.notApplicable;
            return {
              id: matter.id,
              definedIn: at(matter.definedIn),
              ...(na === undefined ? {} : { notApplicable: { reason: na.reason.zh, basis: na.basis ?? null, from: at(na.origin) } }),
              ...(Object.keys(chosen).length === 0 ? {} : { fields: chosen }),
            };
          }),
        },
      ]),
    ),
    diagnostics: result.diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      at: place(diagnostic),
      pointer: diagnostic.pointer,
      ...(diagnostic.related === undefined ? {} : { related: diagnostic.related.map(place) }),
    })),
  };
}

interface Expected {
  fields: string[];
  checklists: unknown;
  diagnostics: unknown;
}

describe("golden resolution fixtures", () => {
  it("covers every resolution case", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "select",
        "exclude",
        "patch",
        "not-applicable",
        "lock-kept",
        "lock-weakened",
        "chain-3-level",
        "cycle-2",
        "cycle-3",
        "duplicate-matter",
        "local-floor",
        "multiple-bases",
      ]),
    );
  });

  it.each(cases)("%s", (name) => {
    const file = `${fixtures}${name}/expected.json`;
    const expected = JSON.parse(readFileSync(file, "utf8")) as Expected;
    const actual = summarize(resolveChecklists({ documents: loadCase(name) }), expected.fields);
    if (process.env["UPDATE_GOLDEN"] === "1") {
      writeFileSync(file, `${JSON.stringify({ fields: expected.fields, ...actual }, null, 2)}\n`);
    }
    expect(actual).toEqual({ checklists: expected.checklists, diagnostics: expected.diagnostics });
  });

  it("resolveChecklist agrees with resolveChecklists and reports the findings of the whole chain", () => {
    for (const name of cases) {
      const documents = loadCase(name);
      const all = resolveChecklists({ documents });
      for (const [id, checklist] of all.checklists) {
        const one = resolveChecklist({ documents, id });
        expect(one.checklist, `${name} ${id}`).toEqual(checklist);
        const files = new Set(checklist.chain.map((member) => all.checklists.get(member)?.file));
        expect(one.diagnostics, `${name} ${id}`).toEqual(all.diagnostics.filter((diagnostic) => files.has(diagnostic.file)));
      }
    }
  });

  it("a scope keeps only the findings about its files, and never locates the others", () => {
    for (const name of cases) {
      const documents = loadCase(name);
      const all = resolveChecklists({ documents, origins: false });
      for (const document of documents) {
        const located: string[] = [];
        const watched = documents.map((each) => ({
          ...each,
          locate: (pointer: string, part?: "key" | "value") => {
            located.push(each.path);
            return each.locate(pointer, part);
          },
        })) as ParsedDocument[];
        const scoped = resolveChecklists({ documents: watched, origins: false, scope: (file) => file === document.path });
        expect(scoped.diagnostics, `${name} ${document.path}`).toEqual(all.diagnostics.filter((diagnostic) => diagnostic.file === document.path));
        expect(located.every((path) => path === document.path || scoped.diagnostics.some((diagnostic) => diagnostic.related?.some((place) => place.file === path))), `${name} ${document.path}`).toBe(true);
      }
    }
  });

  it("every finding carries a known code, its severity, a range, both languages and a hint", () => {
    for (const name of cases) {
      for (const diagnostic of resolveChecklists({ documents: loadCase(name) }).diagnostics) {
        const code = diagnostic.code as keyof typeof DSL_DIAGNOSTICS;
        expect(DSL_DIAGNOSTICS[code].severity).toBe(diagnostic.severity);
        expect(diagnostic.range).toBeDefined();
        expect(diagnostic.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(diagnostic.message.en).toMatch(/[a-z]/i);
        expect(diagnostic.hint?.zh).toBeTruthy();
        expect(diagnostic.hint?.en).toBeTruthy();
      }
    }
  });
});

describe("resolveChecklist", () => {
  it("returns no checklist and no findings for an unknown id", () => {
    expect(resolveChecklist({ documents: loadCase("chain-3-level"), id: "cn.example.nowhere" })).toEqual({ diagnostics: [] });
  });

  it("skips unknown bases and unknown patch / notApplicable targets silently (validate reports them)", () => {
    const [document] = parseAll([
      {
        path: "lonely.yaml",
        text: stringify({
          apiVersion: "onething/v1",
          kind: "Checklist",
          metadata: { id: "cn.example.lonely", title: { zh: "孤立清单" }, version: "1.0.0" },
          spec: {
            scope: "local",
            extends: [{ checklist: "cn.example.missing", select: ["newborn-birth"] }],
            notApplicable: [{ matter: "nowhere", reason: { zh: "无" } }],
            patches: [{ matter: "nowhere", set: { note: "x" } }],
            matters: [{ id: "own", name: { zh: "自有" }, subject: "individual", stage: "birth", confidence: "illustrative" }],
          },
        }),
      },
    ]);
    const result = resolveChecklist({ documents: document === undefined ? [] : [document], id: "cn.example.lonely" });
    expect(result.diagnostics).toEqual([]);
    expect(result.checklist?.chain).toEqual(["cn.example.lonely"]);
    expect(result.checklist?.matters.map((matter) => matter.id)).toEqual(["own"]);
  });

  it("never lets __proto__ or constructor keys of a patch pollute anything", () => {
    const base = `apiVersion: onething/v1
kind: Checklist
metadata: { id: cn.example.base, title: { zh: 上级 }, version: 1.0.0 }
spec:
  scope: total
  matters:
    - { id: m, name: { zh: 事项 }, subject: individual, stage: birth, confidence: illustrative, metrics: { trips: { after: 1 } } }
`;
    const local = `apiVersion: onething/v1
kind: Checklist
metadata: { id: cn.example.local, title: { zh: 本地 }, version: 1.0.0 }
spec:
  scope: local
  extends: [{ checklist: cn.example.base }]
  patches:
    - matter: m
      set:
        __proto__: { polluted: yes }
        constructor: { prototype: { polluted: yes } }
        metrics: { __proto__: { polluted: yes }, constructor: 1, trips: { after: 0 } }
        oneStop: { __proto__: { polluted: yes } }
`;
    const documents = [base, local].map((text, index) => {
      const { document } = parseSource({ path: `p${index}.yaml`, text });
      if (document === undefined) throw new Error("no document");
      return document;
    });
    const result = resolveChecklist({ documents, id: "cn.example.local" });
    const matter = result.checklist?.matters[0];
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(Object.keys(matter?.value ?? {})).not.toContain("constructor");
    expect(Object.getPrototypeOf(matter?.value)).toBe(Object.prototype);
    expect(matter?.value.metrics).toEqual({ trips: { after: 0 } });
    expect(Object.getPrototypeOf(matter?.value.metrics)).toBe(Object.prototype);
    expect(Object.keys(matter?.origin ?? {}).sort()).toEqual(["confidence", "id", "metrics.trips", "name", "stage", "subject"]);
  });

  it("words each finding in both languages", () => {
    const messages = (name: string) =>
      resolveChecklists({ documents: loadCase(name) }).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message.zh, diagnostic.message.en]);
    expect(messages("cycle-2")).toMatchInlineSnapshot(`
      [
        [
          "extends-cycle",
          "extends 形成了循环：cn.example.a → cn.example.b → cn.example.a；这一条继承被忽略。",
          "extends forms a cycle: cn.example.a → cn.example.b → cn.example.a; this entry is ignored.",
        ],
      ]
    `);
    expect(messages("lock-weakened").slice(0, 2)).toMatchInlineSnapshot(`
      [
        [
          "locked-field-weakened",
          "一件事 newborn-birth 的跑动次数（trips）已被上级清单 cn.example.national 锁定，这个补丁却弱化了它：改革后的跑动次数从 2 升到 3；仍沿用上级的值。",
          "The field trips (number of trips) of matter newborn-birth is locked by the base list cn.example.national, and this patch weakens it: the number of trips after the reform rises from 2 to 3; the base value is kept.",
        ],
        [
          "locked-field-weakened",
          "一件事 newborn-birth 的所含事项（items）已被上级清单 cn.example.national 锁定，这个补丁却弱化了它：删除了所含事项 item.hukou-birth-registration；仍沿用上级的值。",
          "The field items (bundled items) of matter newborn-birth is locked by the base list cn.example.national, and this patch weakens it: it drops the bundled item item.hukou-birth-registration; the base value is kept.",
        ],
      ]
    `);
    expect(messages("duplicate-matter")).toMatchInlineSnapshot(`
      [
        [
          "duplicate-matter",
          "一件事 newborn-birth 同时从 cn.example.batch-1 和 cn.example.batch-2 继承，两处内容不同；保留先列出的 cn.example.batch-1 中的那一个。",
          "The matter newborn-birth is inherited from both cn.example.batch-1 and cn.example.batch-2, differently; the one from cn.example.batch-1, listed first, is kept.",
        ],
        [
          "duplicate-matter",
          "一件事 retirement 已从上级清单 cn.example.batch-2 继承，本清单又定义了一次；保留继承的定义，忽略这一个。",
          "The matter retirement is inherited from cn.example.batch-2 and defined again here; the inherited one is kept and this one ignored.",
        ],
      ]
    `);
    expect(messages("local-floor").slice(0, 1)).toMatchInlineSnapshot(`
      [
        [
          "local-floor",
          "上级清单 cn.example.batch-1 的一件事 school-enrolment 没有列入 select，本清单既没有实施它，也没有在 notApplicable 中说明不适用的原因。",
          "The matter school-enrolment of the base list cn.example.batch-1 is not in select, and this list neither implements it nor marks it not applicable with a reason.",
        ],
      ]
    `);
  });
});

const matterId = fc.constantFrom("m-a", "m-b", "m-c", "m-d", "m-e");
const metric = fc.record({ before: fc.nat(30), after: fc.nat(30) }, { requiredKeys: [] });
const ownMatter = fc.record(
  {
    id: matterId,
    name: fc.record({ zh: fc.constantFrom("新生儿出生", "退休", "开办餐饮店"), en: fc.constantFrom("Newborn birth", "Retirement") }, { requiredKeys: ["zh"] }),
    subject: fc.constantFrom("individual", "enterprise"),
    stage: fc.constantFrom("birth", "elderly", "market-entry"),
    owners: fc.record({ lead: fc.constantFrom("dept.nhc", "dept.mps", "dept.samr"), partners: fc.uniqueArray(fc.constantFrom("dept.nhsa", "dept.sta"), { maxLength: 2 }) }),
    items: fc.array(fc.record({ ref: fc.constantFrom("item.birth-registration", "item.social-security-card", "item.hukou-birth-registration") }), { maxLength: 3 }),
    promisedTime: fc.record({ value: fc.nat(20), unit: fc.constantFrom("workday", "day") }),
    metrics: fc.record({ trips: metric, materials: metric, days: metric }, { requiredKeys: [] }),
    oneStop: fc.record({ notice: fc.boolean(), form: fc.boolean() }, { requiredKeys: [] }),
    locked: fc.uniqueArray(fc.constantFrom("trips", "items", "owners", "promisedTime", "materials"), { maxLength: 3 }),
    confidence: fc.constantFrom("verified", "illustrative"),
    note: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ["id", "name", "subject", "stage", "confidence"] },
);
const ownMatters = fc.uniqueArray(ownMatter, { selector: (matter) => matter.id, maxLength: 4 });
const listId = fc.constantFrom("cn.p.a", "cn.p.b", "cn.p.c", "cn.p.d");

const checklistSpec = fc.record(
  {
    extends: fc.array(
      fc.record(
        { checklist: listId, select: fc.uniqueArray(matterId, { maxLength: 3 }), exclude: fc.uniqueArray(matterId, { maxLength: 2 }) },
        { requiredKeys: ["checklist"] },
      ),
      { maxLength: 3 },
    ),
    notApplicable: fc.array(fc.record({ matter: matterId, reason: fc.record({ zh: fc.constantFrom("在省级层面办理", "在国家层面办理") }) }), { maxLength: 2 }),
    patches: fc.array(
      fc.record({
        matter: matterId,
        set: fc.record(
          {
            metrics: fc.record({ trips: metric, materials: metric }, { requiredKeys: [] }),
            items: fc.array(fc.record({ ref: fc.constantFrom("item.birth-registration", "item.social-security-card") }), { maxLength: 2 }),
            owners: fc.record({ lead: fc.constantFrom("dept.nhc", "dept.mps") }),
            promisedTime: fc.record({ value: fc.nat(20), unit: fc.constantFrom("workday", "day") }),
            locked: fc.uniqueArray(fc.constantFrom("trips", "items", "owners"), { maxLength: 2 }),
            note: fc.string({ maxLength: 5 }),
          },
          { requiredKeys: [] },
        ),
      }),
      { maxLength: 3 },
    ),
    matters: ownMatters,
  },
  { requiredKeys: ["matters"] },
);

/** Up to four checklists with random extends (cycles included), select / exclude, marks, patches and locks. */
const project = fc
  .uniqueArray(fc.tuple(listId, checklistSpec, fc.constantFrom("national", "provincial", "municipal")), { selector: ([id]) => id, minLength: 1, maxLength: 4 })
  .map((lists) =>
    lists.map(([id, spec, level]) => ({
      path: `projects/${id}.yaml`,
      text: stringify({
        apiVersion: "onething/v1",
        kind: "Checklist",
        metadata: { id, title: { zh: "随机清单" }, version: "1.0.0", jurisdiction: { level, division: "100000" } },
        spec: { scope: "local", ...spec },
      }),
    })),
  );

describe("resolution properties", () => {
  it("gives the same result whatever the order of the documents", () => {
    fc.assert(
      fc.property(
        project.chain((files) => {
          const documents = parseAll(files);
          return fc.tuple(fc.constant(documents), fc.shuffledSubarray(documents, { minLength: documents.length, maxLength: documents.length }));
        }),
        ([documents, shuffled]) => {
          expect(resolveChecklists({ documents: shuffled })).toEqual(resolveChecklists({ documents }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives the same result for every fixture, whatever the order of its documents", () => {
    for (const name of cases) {
      const documents = loadCase(name);
      const expected = resolveChecklists({ documents });
      fc.assert(
        fc.property(fc.shuffledSubarray(documents, { minLength: documents.length, maxLength: documents.length }), (shuffled) => {
          expect(resolveChecklists({ documents: shuffled })).toEqual(expected);
        }),
        { numRuns: 20 },
      );
    }
  });

  it("returns the matters of a list without extends or patches unchanged, in order, with no findings", () => {
    fc.assert(
      fc.property(ownMatters, (matters) => {
        const [document] = parseAll([
          {
            path: "own.yaml",
            text: stringify({
              apiVersion: "onething/v1",
              kind: "Checklist",
              metadata: { id: "cn.p.own", title: { zh: "自有清单" }, version: "1.0.0" },
              spec: { scope: "total", matters },
            }),
          },
        ]);
        const result = resolveChecklist({ documents: document === undefined ? [] : [document], id: "cn.p.own" });
        expect(result.diagnostics).toEqual([]);
        expect(result.checklist?.chain).toEqual(["cn.p.own"]);
        expect(result.checklist?.matters.map((matter) => matter.value)).toEqual(matters as Matter[]);
        for (const [position, matter] of (result.checklist?.matters ?? []).entries()) {
          expect(matter.notApplicable).toBeUndefined();
          expect(matter.definedIn.pointer).toBe(`/spec/matters/${position}`);
          expect(Object.values(matter.origin).every((origin) => origin.via === "definition")).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on structurally broken checklists", () => {
    const anything = fc.jsonValue({ maxDepth: 3 });
    const broken = fc.record({
      extends: fc.oneof(anything, fc.array(fc.record({ checklist: listId, select: anything, exclude: anything }, { requiredKeys: [] }))),
      notApplicable: fc.oneof(anything, fc.array(fc.record({ matter: matterId, reason: anything, basis: anything }, { requiredKeys: [] }))),
      patches: fc.oneof(anything, fc.array(fc.record({ matter: matterId, set: anything }, { requiredKeys: [] }))),
      matters: fc.oneof(anything, fc.array(fc.record({ id: matterId, metrics: anything, locked: anything, items: anything }, { requiredKeys: [] }))),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(listId, broken, anything), { selector: ([id]) => id, minLength: 1, maxLength: 3 }), (lists) => {
        const documents = lists.flatMap(([id, spec, metadata]) => {
          const text = stringify({ apiVersion: "onething/v1", kind: "Checklist", metadata: { id, extra: metadata }, spec });
          const { document } = parseSource({ path: `broken/${id}.yaml`, text });
          return document === undefined ? [] : [document];
        });
        const result = resolveChecklists({ documents });
        expect(result.checklists.size).toBe(documents.length);
        for (const diagnostic of result.diagnostics) expect(diagnostic.range).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  it("never throws, and every base matter is kept, marked or warned about", () => {
    fc.assert(
      fc.property(project, (files) => {
        const documents = parseAll(files);
        const result = resolveChecklists({ documents });
        for (const document of documents) {
          const checklist = result.checklists.get(document.id ?? "");
          if (checklist === undefined) throw new Error(`${document.path} was not resolved`);
          const ids = new Set(checklist.matters.map((matter) => matter.id));
          expect(ids.size).toBe(checklist.matters.length);
          expect(checklist.chain[checklist.chain.length - 1]).toBe(checklist.id);
          const mine = result.diagnostics.filter((diagnostic) => diagnostic.file === document.path);
          const cyclic = new Set(mine.filter((diagnostic) => diagnostic.code === "extends-cycle").map((diagnostic) => diagnostic.pointer));
          const spec = (document.value as { spec: { extends?: Array<{ checklist: string }> } }).spec;
          const missing = new Set<string>();
          (spec.extends ?? []).forEach((entry, position) => {
            if (cyclic.has(`/spec/extends/${position}/checklist`)) return;
            for (const matter of result.checklists.get(entry.checklist)?.matters ?? []) if (!ids.has(matter.id)) missing.add(matter.id);
          });
          const warnings = mine.filter((diagnostic) => diagnostic.code === "local-floor");
          expect(warnings.length === 0).toBe(missing.size === 0);
          for (const id of missing) expect(warnings.some((warning) => warning.message.en.includes(`matter ${id} `))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
