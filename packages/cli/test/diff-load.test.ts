import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { diffDocuments, parseSource, type DiffResult, type SourceDocument } from "@onething/sdk";
import { diffVersions, loadVersions } from "../src/commands/diff-load.js";
import { locateInTree, readSubset, textRange } from "../src/commands/diff-locate.js";
import { entryKeys, outlineYaml } from "../src/commands/diff-outline.js";
import { parseVersion, type VersionFile } from "../src/commands/diff-sources.js";
import { UsageError } from "../src/options.js";

// `onething diff` reads two versions without parsing what did not change (diff-load.ts); these tests pin
// that it gives exactly what parsing everything gives: the same changes, messages and source positions.

const fixtures = fileURLToPath(new URL("../../diff/fixtures/", import.meta.url));
const encoder = new TextEncoder();

function filesUnder(root: string, prefix: string): VersionFile[] {
  const out: VersionFile[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith(".yaml")) out.push({ path: `${prefix}/${relative(root, path).split("\\").join("/")}`, bytes: readFileSync(path) });
    }
  };
  visit(root);
  return out;
}

function file(path: string, text: string): VersionFile {
  return { path, bytes: encoder.encode(text) };
}

/** The diff of everything parsed whole: what `onething diff` computed before it learnt to skip. */
function wholeDiff(before: VersionFile[], after: VersionFile[]): DiffResult {
  return diffDocuments({ before: parseVersion(before, "en"), after: parseVersion(after, "en") });
}

function expectSameDiff(before: VersionFile[], after: VersionFile[]): DiffResult {
  const fast = diffVersions({ before, after, lang: "en" });
  expect(JSON.stringify(fast)).toBe(JSON.stringify(wholeDiff(before, after)));
  return fast;
}

/** Every JSON Pointer in a value, and one child that does not exist below each. */
function pointersOf(value: unknown, pointer = ""): string[] {
  const out = [pointer, `${pointer}/missing`];
  if (Array.isArray(value)) value.forEach((element, index) => out.push(...pointersOf(element, `${pointer}/${index}`)));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) out.push(...pointersOf(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`));
  }
  return out;
}

const CITY = (version: string, trips: number, extra = "") => `# a city list
apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.sd.qingdao
  title: { zh: 青岛市清单, en: Qingdao list }
  version: "${version}"
spec:
  scope: local
  extends:
    - { checklist: cn.national }
  matters:
    - id: newborn-birth
      name: { zh: 出生一件事, en: Having a baby }
      subject: individual
      stage: birth
      metrics:
        trips: { before: 5, after: ${trips} }
      owners:
        lead: dept.nhc
        partners: [dept.mps, "dept.nhsa"]
    - id: open-restaurant
      name: { zh: 开餐馆一件事, en: Opening a restaurant }   # a comment
      subject: enterprise
      stage: start
      note: 'it''s a note'
${extra}
  notApplicable:
    - matter: newcomer-retirement
      reason: { zh: 本地无此类业务, en: Not here }
      basis: not-present
`;

const NATIONAL = (days: number) => `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.national
  title: { zh: 国家清单, en: National list }
  version: "1.0.0"
spec:
  scope: national
  matters:
    - id: newborn-birth
      name: { zh: 出生一件事, en: Having a baby }
      subject: individual
      stage: birth
      metrics:
        days: { before: 30, after: ${days} }
    - id: open-restaurant
      name: { zh: 开餐馆一件事, en: Opening a restaurant }
      subject: enterprise
      stage: start
`;


/** The usage error a run ends with, "no error", or what else it threw. */
function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof UsageError ? error.message : `unexpected ${String(error)}`;
  }
  return "no error";
}

describe("diffVersions gives what parsing everything gives", () => {
  test.each(["lead-department-changed", "material-dropped", "matter-added-to-batch", "matter-renamed", "trips-regressed"])("fixture %s", (name) => {
    const context = filesUnder(join(fixtures, "_context"), "context");
    const result = expectSameDiff([...context, ...filesUnder(join(fixtures, name, "before"), "v")], [...context, ...filesUnder(join(fixtures, name, "after"), "v")]);
    expect(result.changes.length).toBeGreaterThan(0);
  });

  test("a national change is reported once, in the national list, while identical city lists are skipped", () => {
    const before = [file("a/national.yaml", NATIONAL(10)), file("a/city.yaml", CITY("1.0.0", 1))];
    const after = [file("b/national.yaml", NATIONAL(12)), file("b/city.yaml", CITY("1.0.0", 1))];
    const result = expectSameDiff(before, after);
    // The diff compares source documents, not resolved lists: the city inherits the change but does not repeat it.
    expect(result.changes.map((change) => `${change.document} ${change.field} ${change.locations.after?.file}:${change.locations.after?.line}`)).toEqual([
      "cn.national /spec/matters/newborn-birth/metrics/days/after b/national.yaml:15",
    ]);
    expect(result.documents.map((document) => `${document.id} ${document.before} ${document.after}`)).toEqual(["cn.national a/national.yaml b/national.yaml", "cn.sd.qingdao a/city.yaml b/city.yaml"]);
    // The unchanged city is read only up to its spec: both versions share one value, the keys before spec.
    const loaded = loadVersions({ before, after, lang: "en" });
    expect(loaded.before[1]?.value).toBe(loaded.after[1]?.value);
    expect(Object.keys(loaded.after[1]?.value as object)).toEqual(["apiVersion", "kind", "metadata"]);
  });

  test("in a changed list, unchanged matters stand in by their id; changed ones are reported with their positions", () => {
    const extra = `    - id: new-matter
      formerIds: [open-restaurant]
      name: { zh: 新事项, en: New matter }
      subject: enterprise
      stage: start
`;
    const before = [file("a/city.yaml", CITY("1.0.0", 1))];
    const after = [file("b/city.yaml", CITY("1.1.0", 2, extra).replace("    - id: open-restaurant", "    - id: open-restaurant-2"))];
    const result = expectSameDiff(before, after);
    expect(result.changes.map((change) => change.check)).toContain("metric-changed");
    const loaded = loadVersions({ before, after, lang: "en" });
    const matters = (document: SourceDocument | undefined) => (document?.value as { spec: { matters: unknown[] } }).spec.matters;
    // Nothing is the same in this pair's matters, so nothing stands in.
    expect(matters(loaded.before[0]).every((matter) => Object.keys(matter as object).length > 2)).toBe(true);
  });

  test("a rename across a change is still found, and stand-ins never reach a change", () => {
    const before = [file("a/city.yaml", CITY("1.0.0", 1))];
    const after = [file("b/city.yaml", CITY("1.0.0", 1).replace("    - id: open-restaurant\n", "    - id: open-restaurant-joint\n      formerIds: [open-restaurant]\n"))];
    const result = expectSameDiff(before, after);
    expect(result.changes.map((change) => change.check)).toEqual(["matter-renamed"]);
    const loaded = loadVersions({ before, after, lang: "en" });
    const [first] = (loaded.after[0]?.value as { spec: { matters: unknown[] } }).spec.matters;
    expect(first).toEqual({ id: "newborn-birth" });
    expect(loaded.stubs.has(first as object)).toBe(true);
  });

  test("documents matched by id across moved paths, duplicates, files outside the subset and lists with repeated ids", () => {
    const anchored = NATIONAL(10).replace("scope: national", "scope: &s national");
    const repeated = CITY("1.0.0", 1).replace("    - id: open-restaurant", "    - id: newborn-birth");
    const cases: Array<[VersionFile[], VersionFile[]]> = [
      [[file("a/x.yaml", NATIONAL(10))], [file("b/moved/y.yaml", NATIONAL(11))]],
      [[file("a/1.yaml", NATIONAL(10)), file("a/2.yaml", NATIONAL(11))], [file("b/1.yaml", NATIONAL(11)), file("b/2.yaml", NATIONAL(10))]],
      [[file("a/n.yaml", NATIONAL(10))], [file("b/n.yaml", anchored)]],
      [[file("a/n.yaml", anchored)], [file("b/n.yaml", NATIONAL(10))]],
      [[file("a/c.yaml", repeated)], [file("b/c.yaml", repeated.replace("after: 1", "after: 2"))]],
      [[file("a/c.yaml", CITY("1.0.0", 1))], []],
      [[], [file("b/c.yaml", CITY("1.0.0", 1))]],
    ];
    for (const [before, after] of cases) expectSameDiff(before, after);
  });

  test("a file the same on both sides that the parser cannot read stops the diff as before, wherever the problem is", () => {
    // No kind; an alias to nothing deep in the body (the head alone reads cleanly, the file does not); an unknown kind.
    const aliased = CITY("1.0.0", 1).replace("      stage: start\n", "      stage: *nowhere\n");
    for (const broken of ["apiVersion: onething/v1\nmetadata: { id: x }\n", aliased, "apiVersion: onething/v1\nkind: Nothing\nmetadata: { id: x }\nspec:\n  a: 1\n"]) {
      const before = [file("a/x.yaml", broken), file("a/n.yaml", NATIONAL(10))];
      const after = [file("b/x.yaml", broken), file("b/n.yaml", NATIONAL(11))];
      const fast = usageMessage(() => diffVersions({ before, after, lang: "en" }));
      expect(fast).toContain("a/x.yaml");
      expect(fast).toBe(usageMessage(() => wholeDiff(before, after)));
    }
  });

  test("a file the same on both sides with a YAML error in its body, or a line the parser's recovery lifts to the top level", () => {
    const duplicate = CITY("1.0.0", 1).replace("      subject: enterprise\n", "      subject: enterprise\n      subject: individual\n     stray: 1\n");
    const lifted = CITY("1.0.0", 1).replace("  notApplicable:\n", " metadata:\n  id: cn.lifted\n  notApplicable:\n");
    for (const same of [duplicate, lifted]) {
      const result = expectSameDiff([file("a/s.yaml", same), file("a/n.yaml", NATIONAL(10))], [file("b/s.yaml", same), file("b/n.yaml", NATIONAL(11))]);
      expect(result.documents.map((document) => document.id)).toContain(same === lifted ? "cn.lifted" : "cn.sd.qingdao");
    }
  });

  test("a YAML error inside a changed or unchanged entry gives what the parser's recovery gives", () => {
    const duplicate = CITY("1.0.0", 1).replace("      subject: enterprise\n", "      subject: enterprise\n      subject: individual\n");
    expectSameDiff([file("a/c.yaml", duplicate)], [file("b/c.yaml", duplicate.replace("after: 1", "after: 2"))]);
    expectSameDiff([file("a/c.yaml", duplicate)], [file("b/c.yaml", duplicate.replace("subject: individual", "subject: project"))]);
  });

  test("every position a loaded document gives is the one the parser gives", () => {
    const text = CITY("1.0.0", 1);
    const before = [file("a/city.yaml", text.replace("1.0.0", "0.9.0").replace("after: 1", "after: 3"))];
    const after = [file("b/city.yaml", text)];
    const loaded = loadVersions({ before, after, lang: "en" });
    const whole = parseSource({ path: "b/city.yaml", text }).document as SourceDocument;
    for (const document of [loaded.before[0], loaded.after[0]]) {
      const reference = document === loaded.after[0] ? whole : (parseSource({ path: "a/city.yaml", text: before[0]?.bytes as Uint8Array }).document as SourceDocument);
      for (const pointer of pointersOf(reference.value)) {
        for (const part of ["key", "value"] as const) expect([pointer, part, document?.locate(pointer, part)]).toEqual([pointer, part, reference.locate(pointer, part)]);
      }
    }
  });
});

const REGISTRY = (extra = "") => `apiVersion: onething/v1
kind: DepartmentRegistry
metadata:
  id: cn.departments
  title: { zh: 部门名录, en: Departments }
spec:
  departments:
    - name:
        zh: 国家卫生健康委员会
        en: Health commission
      level: national
      aliases:
      - 卫健委
      - 卫生部
      note: |
        a block scalar
          with a deeper line

        and a blank line
      id: dept.nhc
    # a comment between entries
    - id: dept.mps
      sources:
        - { title: 公安部网站, url: "https://example.org/mps" }
      name: { zh: 公安部, en: Public security }   # a comment
${extra}`;

const CATALOGUE = `apiVersion: onething/v1
kind: ItemCatalog
metadata:
  id: cn.items
  title: { zh: 事项目录, en: Items }
spec:
  items:
    - id: item.birth-certificate
      department: dept.nhc
      name: { zh: 出生医学证明, en: Birth certificate }
      materials:
        - id: id-card
          name: { zh: 身份证, en: ID card }
`;

/** A list whose change names a department and an item by their id (the messages show their names). */
const USER = (lead: string, item: string) => `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.user
  title: { zh: 清单, en: List }
spec:
  matters:
    - id: newborn-birth
      name: { zh: 出生一件事, en: Having a baby }
      owners:
        lead: ${lead}
      items:
        - { ref: ${item} }
`;

describe("department registries and item catalogues that are the same on both sides are read for their names only", () => {
  const changed = (registry: string, catalogue = CATALOGUE): [VersionFile[], VersionFile[]] => [
    [file("a/departments.yaml", registry), file("a/items.yaml", catalogue), file("a/user.yaml", USER("dept.mps", "item.other"))],
    [file("b/departments.yaml", registry), file("b/items.yaml", catalogue), file("b/user.yaml", USER("dept.nhc", "item.birth-certificate"))],
  ];

  test("the names reach the messages exactly as when the files are parsed whole", () => {
    const [before, after] = changed(REGISTRY());
    const result = expectSameDiff(before, after);
    const messages = result.changes.map((change) => change.message.en).join("\n");
    expect(messages).toContain("Health commission");
    expect(messages).toContain("Birth certificate");
    // The registry is given as its envelope; an entry is read only when the diff asks for its id.
    const loaded = loadVersions({ before, after, lang: "en" });
    const registry = loaded.after[0] as SourceDocument;
    expect((registry.value as { spec?: unknown }).spec).toBeUndefined();
    expect(loaded.before[0]?.value).toBe(registry.value);
    const parsed = parseSource({ path: "b/departments.yaml", text: REGISTRY() }).document?.value as { spec: { departments: unknown[] } };
    expect(loaded.entriesWithId(registry, "departments", "dept.nhc")).toEqual([parsed.spec.departments[0]]);
    expect(loaded.entriesWithId(registry, "departments", "dept.none")).toEqual([]);
    // An entry that only mentions the id in another field is not one with the id.
    const child = REGISTRY("    - id: dept.child\n      parent: dept.nhc\n      name: { zh: 子部门 }\n");
    const [older, newer] = changed(child);
    const withChild = loadVersions({ before: older, after: newer, lang: "en" });
    expect(withChild.entriesWithId(withChild.after[0] as SourceDocument, "departments", "dept.nhc")).toEqual([parsed.spec.departments[0]]);
    expect(loaded.entriesWithId(loaded.after[2] as SourceDocument, "departments", "dept.nhc")).toBeUndefined();
    // Positions in such a file are still the parser's.
    const whole = parseSource({ path: "b/departments.yaml", text: REGISTRY() }).document as SourceDocument;
    for (const pointer of pointersOf(whole.value)) expect(loaded.after[0]?.locate(pointer, "key")).toEqual(whole.locate(pointer, "key"));
  });

  test.each([
    ["a name given twice (the parser's recovery decides)", REGISTRY().replace("      name: { zh: 公安部", "      name: { zh: 警察 }\n      name: { zh: 公安部")],
    ["an id given twice", REGISTRY().replace("      id: dept.nhc\n", "      id: dept.nhc\n      id: dept.mps\n")],
    ["a key below the entry's keys but above its values", REGISTRY().replace("      level: national", "       level: national")],
    ["an indentless sequence under a key with a value", REGISTRY().replace("      aliases:\n", "      aliases: 卫健委\n")],
    ["an entry without a name", REGISTRY("    - id: dept.nameless\n      level: national\n")],
    ["a flow entry", REGISTRY("    - { id: dept.flow, name: { zh: 流式, en: Flow } }\n")],
    ["a second registry with the same id", REGISTRY()],
    ["an id going on over a deeper line", REGISTRY().replace("      id: dept.nhc\n", "      id: dept.nhc\n        continued\n")],
    ["an id in quotes", REGISTRY().replace("      id: dept.nhc\n", '      id: "dept.nhc"\n')],
    ["an entry with the same id and no name before the named one", REGISTRY().replace("    - name:\n", "    - id: dept.nhc\n      level: national\n    - name:\n")],
    ["an entry with the same id and a name after the first", REGISTRY("    - id: dept.nhc\n      name: { zh: 第二个, en: Second }\n")],
    ["an id spelt with an escape", REGISTRY().replace("      id: dept.nhc\n", '      id: "dept.\\x6ehc"\n')],
    ["an id in single quotes, and in another entry's field", REGISTRY("    - id: dept.child\n      parent: dept.nhc\n      name: { zh: 子部门 }\n").replace("      id: dept.nhc\n", "      id: 'dept.nhc'\n")],
    ["an id in a block scalar", REGISTRY().replace("      id: dept.nhc\n", "      id: >-\n        dept.nhc\n")],
    ["an entry that does not read alone", REGISTRY("    - id: dept.mps\n      name: { zh: 坏 }\n      name: { zh: 重复 }\n")],
  ])("%s gives what parsing everything gives", (name, registry) => {
    const [before, after] = changed(registry);
    if (name.startsWith("a second")) {
      const other = REGISTRY().replace("国家卫生健康委员会", "另一个名录");
      before.push(file("a/z.yaml", other));
      after.push(file("b/z.yaml", other));
    }
    expectSameDiff(before, after);
  });

  test("a registry moved to another folder with the same bytes, or changed, or only on one side", () => {
    const registry = REGISTRY();
    const user = [file("a/user.yaml", USER("dept.mps", "item.other"))];
    const next = [file("b/user.yaml", USER("dept.nhc", "item.birth-certificate"))];
    expectSameDiff([file("a/departments.yaml", registry), ...user], [file("b/moved/registry.yaml", registry), ...next]);
    expectSameDiff([file("a/departments.yaml", registry), ...user], [file("b/departments.yaml", registry.replace("Health commission", "Health")), ...next]);
    expectSameDiff([file("a/departments.yaml", registry), ...user], next);
    expectSameDiff(user, [file("b/departments.yaml", registry), ...next]);
  });
});

describe("outlineYaml", () => {
  test("finds the entries of the lists under spec, each with the lines up to the next", () => {
    const outline = outlineYaml(encoder.encode(CITY("1.0.0", 1)));
    expect(outline?.lists.map((list) => `${list.key} ${list.entries.map((entry) => `${entry.start}-${entry.end}`).join(",")}`)).toEqual(["matters 12-21,21-27", "notApplicable 28-32"]);
    expect(outline?.lists[1]?.entries[0] && entryKeys(outline, outline.lists[1].entries[0], ["id", "matter"])).toEqual({ matter: "newcomer-retirement" });
    expect(outlineYaml(encoder.encode(CITY("1.0.0", 1).replace("matter: newcomer-retirement", 'matter: "newcomer-retirement"')))).toBeDefined();
  });

  test("passes over every line below an entry's `- `, multi-line values and comments included", () => {
    const text = [
      "kind: Checklist",
      "spec:",
      "  matters:",
      "    - id: a",
      '      note: "two',
      '       lines"',
      "      text: |",
      "        - id: not-an-entry",
      "# a comment at the first column",
      "      items: [1,",
      "       2]",
      "    - id: b",
      "  scope: local",
      "",
    ].join("\n");
    const outline = outlineYaml(encoder.encode(text));
    expect(outline?.lists.map((list) => `${list.key} ${list.entries.map((entry) => `${entry.start}-${entry.end}`).join(",")}`)).toEqual(["matters 3-11,11-12"]);
  });

  test.each([
    ["a tab after a top-level key", "a:\tb\n"],
    ["an anchor", "a: &x 1\nb: 2\n"],
    ["an alias", "a: 1\nspec:\n  l:\n    - id: x\n      v: *x\n"],
    ["a tag", "a: !t 1\n"],
    ["a top-level key twice", "a: 1\na: 2\n"],
    ["a key under spec twice", "spec:\n  a: 1\n  a: 2\n"],
    ["a line below an entry's `- ` but above its keys", "spec:\n  l:\n    - id: x\n     v: 1\n"],
    ["a line at a list's `- ` that starts no entry", "spec:\n  l:\n    - id: x\n    v: 1\n"],
    ["a line between the keys under spec and the top level", "spec:\n  a: 1\n b: 2\n"],
    ["a document marker", "a: 1\n---\nb: 2\n"],
    ["a quoted key", '"a": 1\n'],
    ["a CR", "a: 1\r\n"],
    ["a BOM", "\ufeffa: 1\n"],
  ])("declines %s", (_name, text) => {
    expect(outlineYaml(encoder.encode(text))).toBeUndefined();
  });

  test("an entry whose key is not a plain word must be parsed", () => {
    const text = 'spec:\n  matters:\n    - id: "quoted"\n    - id: null\n    - id: plain # comment\n';
    const outline = outlineYaml(encoder.encode(text));
    const entries = outline?.lists[0]?.entries ?? [];
    expect(entries.map((entry) => entryKeys(outline as NonNullable<typeof outline>, entry, ["id"]))).toEqual([undefined, undefined, { id: "plain" }]);
  });

  test("an entry whose key goes on over a deeper line (a longer plain scalar) must be parsed", () => {
    const text = "spec:\n  matters:\n    - id: a\n\n        b\n      name: x\n    - id: c\n        # a comment\n    - id: d\n\n      note: one\n        two\n";
    const outline = outlineYaml(encoder.encode(text));
    const entries = outline?.lists[0]?.entries ?? [];
    expect(entries.map((entry) => entryKeys(outline as NonNullable<typeof outline>, entry, ["id"]))).toEqual([undefined, undefined, { id: "d" }]);
  });

  test("an indentless sequence is read past only under a key whose value is below it", () => {
    const text = "spec:\n  matters:\n    - aliases: # below\n      - x\n      id: e\n    - name: y\n      - z\n      id: f\n";
    const outline = outlineYaml(encoder.encode(text));
    const entries = outline?.lists[0]?.entries ?? [];
    expect(entries.map((entry) => entryKeys(outline as NonNullable<typeof outline>, entry, ["id"]))).toEqual([{ id: "e" }, undefined]);
    // Below a key whose value is a deeper node, a `- ` line at the column is an error (the parser drops the keys after it).
    const broken = "spec:\n  matters:\n    - meta:\n        k: v\n      - z\n      id: m1\n    - aliases:\n      - x\n        y: 1\n      - z\n      id: m2\n";
    const brokenOutline = outlineYaml(encoder.encode(broken));
    expect((brokenOutline?.lists[0]?.entries ?? []).map((entry) => entryKeys(brokenOutline as NonNullable<typeof brokenOutline>, entry, ["id"]))).toEqual([undefined, { id: "m2" }]);
  });

  test("an entry made unreadable by a `- ` line below a nested value gives what parsing both versions whole gives", () => {
    const list = (status: string, order: "odd-first" | "odd-last") => {
      const odd = "    - meta:\n        k: v\n      - z\n      id: m1\n      name: { zh: 怪, en: Odd }\n";
      const other = `    - id: m2\n      name: { zh: 二, en: Two }\n      status: ${status}\n`;
      return `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.odd\n  title: { zh: 清单, en: List }\nspec:\n  matters:\n${order === "odd-first" ? odd + other : other + odd}  scope: x\n`;
    };
    expectSameDiff([file("a/l.yaml", list("planned", "odd-first"))], [file("b/l.yaml", list("landed", "odd-last"))]);
  });
});

describe("locateInTree", () => {
  const TRICKY = `apiVersion: onething/v1
kind: Checklist
metadata:
  id: cn.x   # trailing comment
  title: { zh: "引号, 逗号", en: 'it''s' }
  empty:
  list:
  - a
  - { k: [1, 2, { deep: "x" }], other: [] }
  -   spaced: 1
      after: 2
spec:
  matters:
    - id: m
      partners: [dept.a, "dept.b"]
      metrics:
        trips: { before: 5, after: 1 }
      nothing:
      # a comment at the end of the entry

  scope: local
`;

  test.each([
    ["a document with flow collections, empty values, indentless and spaced sequences", TRICKY],
    ["a city list", CITY("1.0.0", 1)],
  ])("gives the parser's spans in %s", (_name, text) => {
    const tree = readSubset(text);
    expect(tree).toBeDefined();
    const document = parseSource({ path: "x.yaml", text }).document as SourceDocument;
    for (const pointer of pointersOf(document.value)) {
      const segments = pointer === "" ? [] : pointer.slice(1).split("/");
      for (const part of ["key", "value"] as const) {
        expect([pointer, part, textRange(text, locateInTree(tree as NonNullable<typeof tree>, segments, part))]).toEqual([pointer, part, document.locate(pointer, part)]);
      }
    }
  });

  test("declines what it does not read, so that the parser decides", () => {
    expect(readSubset("a: |\n  text\n")).toBeUndefined();
    expect(readSubset('"quoted key": 1\n')).toBeUndefined();
    expect(readSubset("a: { b }\n")).toBeUndefined();
  });
});
