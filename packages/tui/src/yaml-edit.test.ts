import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCollection, parse, parseDocument, type Node } from "yaml";
import { applyEdit, editYaml, type YamlOp, type YamlPath, type YamlValue } from "./yaml-edit.js";

const SOURCE = `# a comment that must survive
spec:
  matters:
    - id: a   # trailing comment
      name: { zh: 甲, en: A }
      promisedTime: { value: 20, unit: workday }
      note: "quoted"
      z: 1
      b: 2
`;

function changed(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  return b.filter((line, index) => line !== a[index]);
}

describe("applyEdit", () => {
  it.each([
    [["spec", "matters", 0, "promisedTime", "value"], 5, "      promisedTime: { value: 5, unit: workday }"],
    [["spec", "matters", 0, "name", "zh"], "新生儿: 出生", '      name: { zh: "新生儿: 出生", en: A }'],
    [["spec", "matters", 0, "note"], "still quoted", '      note: "still quoted"'],
    [["spec", "matters", 0, "id"], "b", "    - id: b   # trailing comment"],
  ])("changes only the line of %j", (path, value, line) => {
    const result = applyEdit({ text: SOURCE, path, value });
    expect(result.ok).toBe(true);
    if (result.ok) expect(changed(SOURCE, result.text)).toEqual([line]);
  });

  it("keeps a byte-order mark", () => {
    const result = applyEdit({ text: `\uFEFF${SOURCE}`, path: ["spec", "matters", 0, "z"], value: 3 });
    expect(result.ok && result.text.startsWith("\uFEFF# a comment")).toBe(true);
  });

  it("adds and removes keys keeping the other lines", () => {
    const added = applyEdit({ text: SOURCE, path: ["spec", "matters", 0, "status"], value: "landed" });
    expect(added.ok && added.text).toBe(SOURCE.replace("      b: 2\n", "      b: 2\n      status: landed\n"));
    const removed = applyEdit({ text: SOURCE, path: ["spec", "matters", 0, "note"], value: undefined });
    expect(removed.ok && removed.text).toBe(SOURCE.replace('      note: "quoted"\n', ""));
  });

  it("refuses to replace a collection by a scalar and a broken text, without throwing", () => {
    expect(applyEdit({ text: SOURCE, path: ["spec", "matters"], value: "x" }).ok).toBe(false);
    expect(applyEdit({ text: "a: [", path: ["a"], value: "x" }).ok).toBe(false);
  });
});

const LIST = `spec:
  matters:
    # the first matter
    - id: a   # trailing comment
      items:
        - { ref: item.one }
        - { ref: item.two }   # kept
      owners:
        lead: dept.a
        partners:
          - dept.b
          - dept.c
    - id: b
      name: { zh: 乙 }
`;

describe("editYaml: structural edits", () => {
  it("inserts a list entry in the style of its neighbours and changes no other line", () => {
    const result = editYaml(LIST, { type: "insert", path: ["spec", "matters", 0, "items"], index: 1, value: { ref: "item.new" } });
    expect(result.ok && result.text).toBe(LIST.replace("        - { ref: item.two }", "        - { ref: item.new }\n        - { ref: item.two }"));
  });

  it("deletes an entry: exactly its lines go", () => {
    const result = editYaml(LIST, { type: "delete", path: ["spec", "matters", 0, "owners", "partners"], index: 0 });
    expect(result.ok && result.text).toBe(LIST.replace("          - dept.b\n", ""));
  });

  it("moves an entry keeping its own bytes, comments included", () => {
    const result = editYaml(LIST, { type: "move", path: ["spec", "matters", 0, "items"], from: 1, to: 0 });
    expect(result.ok && result.text).toBe(LIST.replace("        - { ref: item.one }\n        - { ref: item.two }   # kept\n", "        - { ref: item.two }   # kept\n        - { ref: item.one }\n"));
  });

  it("creates a missing list and sets a new mapping", () => {
    const created = editYaml(LIST, { type: "insert", path: ["spec", "matters", 1, "channels"], index: 0, value: "window" });
    expect(created.ok && created.text).toBe(`${LIST}      channels:\n        - window\n`);
    const mapping = applyEdit({ text: LIST, path: ["spec", "matters", 1, "promisedTime"], value: { value: 5, unit: "workday" } });
    expect(mapping.ok && mapping.text).toBe(`${LIST}      promisedTime:\n        value: 5\n        unit: workday\n`);
  });

  it("keeps lines the serializer would reformat (unpadded flow maps, comment spacing) when the file is not canonical", () => {
    const odd = LIST.replace("{ ref: item.one }", "{ref: item.one}").replace("      name: { zh: 乙 }", "      name: {zh: 乙}      # odd spacing");
    const moved = editYaml(odd, { type: "move", path: ["spec", "matters", 0, "items"], from: 0, to: 1 });
    expect(moved.ok && moved.text).toBe(odd.replace("        - {ref: item.one}\n        - { ref: item.two }   # kept\n", "        - { ref: item.two }   # kept\n        - {ref: item.one}\n"));
    const added = editYaml(odd, { type: "insert", path: ["spec", "matters", 1, "channels"], index: 0, value: "window" });
    expect(added.ok && added.text).toBe(`${odd}      channels:\n        - window\n`);
    const deleted = editYaml(odd, { type: "delete", path: ["spec", "matters"], index: 0 });
    // The comment above the first entry belongs to the list (the yaml library's reading), so it stays.
    expect(deleted.ok && deleted.text).toBe("spec:\n  matters:\n    # the first matter\n    - id: b\n      name: {zh: 乙}      # odd spacing\n");
  });

  // The serializer writes one blank line where the file has two; an edit at the end of the list above
  // them used to take the second one with it. (The unpadded flow map keeps the diff from lining them up trivially.)
  const BLANKS = "metadata:\n  title: {zh: t}\n  sources:\n    - a\n    - b\n\n\nspec:\n  k: 1\n";
  it("keeps both blank lines before the next key when an entry of the list above them moves", () => {
    const moved = editYaml(BLANKS, { type: "move", path: ["metadata", "sources"], from: 1, to: 0 });
    expect(moved.ok && moved.text).toBe(BLANKS.replace("    - a\n    - b\n", "    - b\n    - a\n"));
  });

  it.each<[YamlOp, string]>([
    [{ type: "move", path: ["metadata", "sources"], from: 0, to: 1 }, "    - b\n    - a\n"],
    [{ type: "delete", path: ["metadata", "sources"], index: 1 }, "    - a\n"],
    [{ type: "insert", path: ["metadata", "sources"], index: 2, value: "c" }, "    - a\n    - b\n    - c\n"],
    [{ type: "set", path: ["metadata", "sources", 1], value: { x: 1 } }, "    - a\n    - x: 1\n"],
  ])("keeps both blank lines before the next key after %j", (op, entries) => {
    const result = editYaml(BLANKS, op);
    expect(result.ok && result.text).toBe(BLANKS.replace("    - a\n    - b\n", entries));
  });

  it.each<[YamlOp, string]>([
    [{ type: "insert", path: ["spec", "matters", 0, "id"], index: 0, value: "x" }, "这里不是列表"],
    [{ type: "delete", path: ["spec", "matters"], index: 9 }, "列表中没有这个位置"],
    [{ type: "move", path: ["spec", "matters"], from: 0, to: -1 }, "列表中没有这个位置"],
    [{ type: "set", path: ["spec", "matters", 0, "id", "x"], value: 1 }, "上一级不是一组数据"],
    [{ type: "set", path: [], value: 1 }, "没有指明要修改的位置"],
  ])("refuses %j with a message", (op, message) => {
    const result = editYaml(LIST, op);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.zh).toContain(message);
  });

  it("never throws on odd input", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.oneof(fc.string(), fc.nat(5)), { maxLength: 4 }), fc.integer({ min: -2, max: 5 }), (text, path, index) => {
        for (const op of [
          { type: "insert", path, index, value: { a: 1 } },
          { type: "delete", path, index },
          { type: "move", path, from: index, to: 0 },
          { type: "set", path, value: [1] },
          { type: "remove", path },
        ] as YamlOp[]) {
          const result = editYaml(text, op);
          expect(typeof result.ok).toBe("boolean");
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Property: random edit sequences on the bundled checklists give exactly the intended data, and every
// line outside the edited collection stays byte-identical (a moved entry keeps its own lines).
const repository = fileURLToPath(new URL("../../../", import.meta.url));

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith(".yaml") ? [path] : [];
  });
}

const BUNDLED = yamlFiles(join(repository, "checklists"))
  .map((path) => ({ path: relative(repository, path), text: readFileSync(path, "utf8") }))
  .filter((file) => /^kind: Checklist$/m.test(file.text));

const READ = { schema: "core", version: "1.2", uniqueKeys: true } as const;

type Plain = YamlValue | undefined;

function collections(value: Plain, path: (string | number)[] = []): { path: (string | number)[]; value: YamlValue }[] {
  if (typeof value !== "object" || value === null) return [];
  const here = path.length >= 2 ? [{ path, value }] : [];
  const children = Array.isArray(value) ? value.map((entry, index) => collections(entry, [...path, index])) : Object.entries(value).map(([key, entry]) => collections(entry as YamlValue, [...path, key]));
  return [...here, ...children.flat()];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: YamlValue, path: YamlPath): Record<string | number, YamlValue> {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
  return node as Record<string | number, YamlValue>;
}

/** Applies an op to plain data, as the text edit is meant to. */
function intended(root: YamlValue, op: YamlOp): YamlValue {
  const next = clone(root) as YamlValue;
  const at = (path: YamlPath) => path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], next) as YamlValue[];
  switch (op.type) {
    case "insert":
      at(op.path).splice(op.index, 0, clone(op.value));
      break;
    case "delete":
      at(op.path).splice(op.index, 1);
      break;
    case "move": {
      const list = at(op.path);
      const [entry] = list.splice(op.from, 1);
      list.splice(op.to, 0, entry as YamlValue);
      break;
    }
    case "set":
      parentOf(next, op.path)[op.path.at(-1) as string] = clone(op.value);
      break;
    case "remove":
      delete parentOf(next, op.path)[op.path.at(-1) as string];
      break;
  }
  return next;
}

/** The 0-based first and last line of the collection an op edits, in the text before the edit. */
function spanOf(text: string, op: YamlOp): [number, number] {
  const document = parseDocument(text, READ);
  const target = op.type === "set" || op.type === "remove" ? op.path.slice(0, -1) : op.path;
  const node = document.getIn(target, true) as Node | undefined;
  if (!isCollection(node) || node.range === undefined || node.range === null) return [0, Number.MAX_SAFE_INTEGER];
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length - 1;
  // A key line above a block collection, and the line a new key or entry is appended after, belong to it too.
  return [lineOf(node.range[0]) - 1, lineOf(Math.max(node.range[0], node.range[1] - 1)) + 1];
}

const NEW_VALUES: YamlValue[] = ["新值", "dept.new", 7, true, "a: b # not a comment", { zh: "新", en: "New" }, { ref: "item.new", role: "required" }];

function makeOp(value: YamlValue, seed: readonly [number, number, number, number]): YamlOp | undefined {
  const [pick, kind, a, b] = seed;
  const all = collections(value);
  const target = all[pick % all.length];
  if (target === undefined) return undefined;
  const fresh = NEW_VALUES[b % NEW_VALUES.length] as YamlValue;
  if (Array.isArray(target.value)) {
    const length = target.value.length;
    if (kind % 3 === 0 || length === 0) {
      const sample = length > 0 && b % 2 === 0 ? clone(target.value[a % length] as YamlValue) : fresh;
      return { type: "insert", path: target.path, index: a % (length + 1), value: sample };
    }
    if (kind % 3 === 1) return { type: "delete", path: target.path, index: a % length };
    return { type: "move", path: target.path, from: a % length, to: b % length };
  }
  const keys = Object.keys(target.value as object);
  if (kind % 3 === 0 || keys.length === 0) return { type: "set", path: [...target.path, `added${a % 3}`], value: fresh };
  const key = keys[a % keys.length] as string;
  if (kind % 3 === 1 && keys.length > 1) return { type: "remove", path: [...target.path, key] };
  return { type: "set", path: [...target.path, key], value: fresh };
}

/** A bundled file made non-canonical: unpadded flow maps and extra blank lines, which the serializer would rewrite. */
function oddly(text: string): string {
  return text
    .replace("\nspec:\n", "\n\n\nspec:\n")
    .split("\n")
    .map((line, index) => (index % 3 === 0 ? line.replace(/\{ (.*) \}$/, "{$1}") : line))
    .join("\n");
}

describe("editYaml: random edit sequences on the bundled checklists", () => {
  it("has bundled checklists to edit", () => {
    expect(BUNDLED.length).toBeGreaterThanOrEqual(5);
  });

  it("gives the intended data and keeps every line outside the edited collection byte-identical, canonical file or not", () => {
    const seed = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat());
    fc.assert(
      fc.property(fc.nat(BUNDLED.length - 1), fc.boolean(), fc.array(seed, { minLength: 1, maxLength: 6 }), (fileIndex, odd, seeds) => {
        const file = BUNDLED[fileIndex];
        if (file === undefined) return;
        let text = odd ? oddly(file.text) : file.text;
        let value = parse(text, READ) as YamlValue;
        for (const entry of seeds) {
          const op = makeOp(value, entry);
          if (op === undefined) continue;
          // A scalar over a scalar goes through applyEdit (the in-place splice); applyEdit refuses to put a scalar over a collection.
          const scalarOverScalar = op.type === "set" && typeof op.value !== "object" && typeof listAt(value, op.path) !== "object";
          const result = op.type === "set" && scalarOverScalar ? applyEdit({ text, path: op.path, value: op.value }) : editYaml(text, op);
          expect(result.ok, JSON.stringify(op)).toBe(true);
          if (!result.ok) return;
          const expected = intended(value, op);
          expect(parse(result.text, READ), JSON.stringify(op)).toEqual(expected);
          const [first, last] = spanOf(text, op);
          const before = text.split("\n");
          const after = result.text.split("\n");
          const tail = Math.max(0, before.length - 1 - last);
          expect(after.slice(0, Math.max(0, first)), JSON.stringify(op)).toEqual(before.slice(0, Math.max(0, first)));
          expect(after.slice(after.length - tail), JSON.stringify(op)).toEqual(before.slice(before.length - tail));
          if (op.type === "move" && !isFlow(text, op.path)) expect([...after].sort()).toEqual([...before].sort());
          // Deleting from a block list (that stays non-empty) only removes lines; a flow list is one line that changes.
          if (op.type === "delete" && !isFlow(text, op.path) && listLength(expected, op.path) > 0) expect(after.filter((line) => !before.includes(line)), JSON.stringify(op)).toEqual([]);
          text = result.text;
          value = expected;
        }
      }),
      { numRuns: 120 },
    );
  });
});

function isFlow(text: string, path: YamlPath): boolean {
  const node = parseDocument(text, READ).getIn(path, true);
  return isCollection(node) && node.flow === true;
}

function listAt(root: YamlValue, path: YamlPath): unknown {
  return path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], root);
}

function listLength(root: YamlValue, path: YamlPath): number {
  const list = listAt(root, path);
  return Array.isArray(list) ? list.length : 0;
}

describe("edits of files that mix list styles or use CRLF read back as exactly the intended data", () => {
  const mixed = "spec:\n  matters:\n    - id: a\n      partners:\n      - x\n    - id: b\n      partners:\n        - y\n  patches:\n    - matter: a\n      set:\n        partners:\n          - p\n";
  const indentless = "spec:\n  matters:\n  - id: a\n    partners:\n    - x\n  - id: b\n    partners:\n    - y\n";
  const read = (text: string) => parseDocument(text).toJS() as { spec: { matters: { id: string; partners?: string[]; title?: string }[]; patches?: { set: Record<string, unknown> }[] } };
  const cases: [string, string][] = [
    ["mixed", mixed],
    ["mixed, CRLF", mixed.replaceAll("\n", "\r\n")],
    ["indentless, CRLF", indentless.replaceAll("\n", "\r\n")],
    ["mixed, a tab in a comment", `${mixed}# note:\tx\n`],
  ];
  it.each(cases.filter(([, text]) => text.includes("patches")))("%s: setting a key in a patch keeps the matters and the patches", (_, text) => {
    const result = applyEdit({ text, path: ["spec", "patches", 0, "set", "title"], value: "T" });
    expect(result.ok).toBe(true);
    const value = read(result.ok ? result.text : "");
    expect(value.spec.matters[0]?.partners).toEqual(["x"]);
    expect(value.spec.patches?.[0]?.set).toEqual({ partners: ["p"], title: "T" });
  });
  it.each(cases)("%s: inserting a partner puts it in that list and nowhere else", (_, text) => {
    const result = editYaml(text, { type: "insert", path: ["spec", "matters", 1, "partners"], index: 0, value: "z" });
    expect(result.ok).toBe(true);
    const value = read(result.ok ? result.text : "");
    expect(value.spec.matters.map((matter) => matter.partners)).toEqual([["x"], ["z", "y"]]);
  });
  it.each(cases)("%s: adding a key to a matter", (_, text) => {
    const result = applyEdit({ text, path: ["spec", "matters", 1, "title"], value: "T" });
    expect(result.ok).toBe(true);
    const value = read(result.ok ? result.text : "");
    expect(value.spec.matters[1]).toEqual({ id: "b", partners: ["y"], title: "T" });
    expect(value.spec.matters[0]).toEqual({ id: "a", partners: ["x"] });
  });
});
