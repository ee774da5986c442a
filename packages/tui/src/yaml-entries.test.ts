import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { applyEdit, applyWhole, editWhole, editYaml, type YamlOp, type YamlPath, type YamlValue } from "./yaml-edit.js";
import { outlineMatters, sliceEntries } from "./yaml-entries.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every bundled checklist: path and text. */
function bundledLists(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(`${ROOT}${folder}`, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".yaml")) {
        const text = readFileSync(`${ROOT}${path}`, "utf8");
        if (/^kind: Checklist$/mu.test(text) && /^ {2}matters:$/mu.test(text)) out.push({ path, text });
      }
    }
  };
  walk("checklists");
  return out;
}

/** A list of `count` matters written by `yaml`'s own serializer, entries indented under their key or not. */
function generatedList(count: number, indentSeq: boolean): string {
  const matters = Array.from({ length: count }, (_, index) => ({
    id: `matter-${index}`,
    name: { zh: `事项${index}`, ...(index % 2 === 0 ? { en: `Matter ${index}` } : {}) },
    subject: index % 3 === 0 ? "enterprise" : "individual",
    stage: "birth",
    ...(index % 4 === 0 ? {} : { items: Array.from({ length: 1 + (index % 3) }, (_, item) => ({ ref: `item.x${item}` })) }),
    ...(index % 5 === 0 ? { note: `第 ${index} 项：多行\n说明` } : {}),
    promisedTime: { value: 5 + index, unit: "workday" },
  }));
  return stringify({ apiVersion: "onething/v1", kind: "Checklist", metadata: { id: "gen" }, spec: { scope: "local", matters } }, { indentSeq, lineWidth: 0 });
}

/** The changes the editor makes inside matter `index` of a text, and to the matters list around it. */
function opsFor(text: string, index: number): { ops: YamlOp[]; edits: { path: YamlPath; value: YamlValue | undefined }[] } {
  const matters = (parse(text) as { spec: { matters: Record<string, unknown>[] } }).spec.matters;
  const matter = matters[index] ?? {};
  const base = ["spec", "matters", index];
  const edits: { path: YamlPath; value: YamlValue | undefined }[] = [
    { path: [...base, "name", "zh"], value: "改过的名称" },
    { path: [...base, "name", "en"], value: "Renamed: with a colon" },
    { path: [...base, "note"], value: "新备注 # 不是注释" },
    { path: [...base, "note"], value: undefined },
    { path: [...base, "promisedTime", "value"], value: 3 },
    { path: [...base, "shortName"], value: "简称" },
    { path: [...base, "owners"], value: { lead: "dept.x", partners: ["dept.y"] } },
  ];
  const ops: YamlOp[] = [
    { type: "insert", path: [...base, "items"], index: 0, value: { ref: "item.new" } },
    { type: "insert", path: [...base, "formerIds"], index: 0, value: "old-id" },
    { type: "insert", path: ["spec", "matters"], index, value: { id: "new-matter", name: { zh: "新事项" }, subject: "individual", stage: "birth", confidence: "unverified" } },
    { type: "insert", path: ["spec", "matters"], index: index + 1, value: { id: "new-matter", name: { zh: "新事项" } } },
    { type: "delete", path: ["spec", "matters"], index },
  ];
  if (Array.isArray(matter["items"]) && matter["items"].length > 0) ops.push({ type: "delete", path: [...base, "items"], index: 0 });
  if (Array.isArray(matter["items"]) && matter["items"].length > 1) ops.push({ type: "move", path: [...base, "items"], from: 0, to: 1 });
  if (index + 1 < matters.length) ops.push({ type: "move", path: ["spec", "matters"], from: index, to: index + 1 });
  if (index > 0) ops.push({ type: "move", path: ["spec", "matters"], from: index, to: index - 1 });
  return { ops, edits };
}

type Change = { type: "value"; path: YamlPath; value: YamlValue | undefined } | YamlOp;

/** The data a change should give, made on the parsed data: what the edited text must read back as. */
function expectedData(text: string, change: Change, from?: unknown): unknown {
  const data = from ?? (parse(text) as unknown);
  const at = (path: YamlPath): Record<string | number, unknown> => path.reduce<Record<string | number, unknown>>((node, segment) => (node[segment] ??= {}) as Record<string | number, unknown>, data as Record<string | number, unknown>);
  const clone = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
  if (change.type === "value" || change.type === "set" || change.type === "remove") {
    const parent = at(change.path.slice(0, -1));
    const key = change.path.at(-1) as string | number;
    const value = change.type === "remove" ? undefined : change.value;
    if (value === undefined) delete parent[key];
    else parent[key] = clone(value);
    return data;
  }
  const parent = at(change.path.slice(0, -1));
  const key = change.path.at(-1) as string | number;
  const list = (parent[key] ??= []) as unknown[];
  if (change.type === "insert") list.splice(change.index, 0, clone(change.value));
  else if (change.type === "delete") list.splice(change.index, 1);
  else list.splice(change.to, 0, ...list.splice(change.from, 1));
  return data;
}

/**
 * The entries-only result reads back as the changed data, and (`exact`) is byte for byte the
 * whole-file result. (On lists written `matters:\n- id` the whole-file edit can put a new key at the
 * serializer's indentation, under the wrong parent; there only the data is compared.)
 */
function expectSame(options: { text: string; change: Change; fast: ReturnType<typeof editYaml>; whole: ReturnType<typeof editYaml>; label: string; exact: boolean }): void {
  const { text, change, fast, whole, label } = options;
  if (!fast.ok || !whole.ok) {
    expect(fast, label).toEqual(whole);
    return;
  }
  expect(parse(fast.text), label).toEqual(expectedData(text, change));
  if (options.exact) expect(fast.text, label).toBe(whole.text);
}

/** Every change of every matter made both ways: on the entries alone and on the whole text. */
function expectSameEdits(text: string, label: string, exact = false): number {
  const count = (parse(text) as { spec: { matters: unknown[] } }).spec.matters.length;
  let compared = 0;
  for (let index = 0; index < count; index += 1) {
    const { ops, edits } = opsFor(text, index);
    for (const edit of edits) {
      const change: Change = { type: "value", ...edit };
      expectSame({ text, change, fast: applyEdit({ text, ...edit }), whole: applyWhole({ text, ...edit }), label: `${label} matter ${index} ${edit.path.join(".")}`, exact });
      compared += 1;
    }
    for (const op of ops) {
      expectSame({ text, change: op, fast: editYaml(text, op), whole: editWhole(text, op), label: `${label} matter ${index} ${JSON.stringify(op)}`, exact });
      compared += 1;
    }
    // Reordering swaps a matter with the next one of its stage, however far down the list (two moves).
    const last = count - 1;
    if (last - index > 1) {
      const swap: YamlOp[] = [
        { type: "move", path: ["spec", "matters"], from: index, to: last },
        { type: "move", path: ["spec", "matters"], from: last - 1, to: index },
      ];
      const fast = editYaml(text, swap);
      const whole = editWhole(text, swap);
      const label2 = `${label} swap ${index} ↔ ${last}`;
      expect(fast.ok && parse(fast.text), label2).toEqual(expectedData(text, swap[1] as YamlOp, expectedData(text, swap[0] as YamlOp)));
      if (exact) expect(fast, label2).toEqual(whole);
      compared += 1;
    }
  }
  return compared;
}

describe("outlineMatters: the entries of spec.matters without parsing", () => {
  it("finds each entry's lines, comments and blank lines between entries included, trailing ones not", () => {
    const text = "kind: Checklist\nspec:\n  scope: local\n  matters:\n    - id: a\n      name: { zh: 甲 }\n\n    # about b\n    - id: b\n      items:\n        - { ref: item.x }\n    # end\n  other: 1\n";
    const outline = outlineMatters(text);
    expect(outline?.indent).toBe(4);
    expect(outline?.entries).toEqual([
      { start: 4, end: 6 },
      { start: 8, end: 11 },
    ]);
    expect(sliceEntries(text, 1, 1)?.text).toBe("- id: b\n  items:\n    - { ref: item.x }\n");
    expect(sliceEntries(text, 0, 1)?.text).toBe("- id: a\n  name: { zh: 甲 }\n\n# about b\n- id: b\n  items:\n    - { ref: item.x }\n");
  });

  it("reads entries written at their key's column (`matters:\\n  - id`)", () => {
    expect(outlineMatters("spec:\n  matters:\n  - id: a\n  - id: b\n    stage: x\n  scope: local\n")?.entries).toEqual([
      { start: 2, end: 3 },
      { start: 3, end: 5 },
    ]);
  });

  it("gives up on what it cannot read strictly: flow style, several documents, tabs, carriage returns", () => {
    expect(outlineMatters("spec:\n  matters: [{ id: a }]\n")).toBeUndefined();
    expect(outlineMatters("spec: { matters: [] }\n")).toBeUndefined();
    expect(outlineMatters("---\nspec:\n  matters:\n    - id: a\n---\nspec: {}\n")).toBeUndefined();
    expect(outlineMatters("spec:\n  matters:\n    - id: a\r\n")).toBeUndefined();
    expect(outlineMatters("spec:\n\tmatters:\n    - id: a\n")).toBeUndefined();
  });

  it("refuses to cut entries holding an anchor or alias, a line indented less than the entries, or a line of spaces", () => {
    expect(sliceEntries("spec:\n  matters:\n    - &first id: a\n    - id: b\n", 0, 0)).toBeUndefined();
    expect(sliceEntries("spec:\n  matters:\n    - id: a\n      owners: *lead\n", 0, 0)).toBeUndefined();
    expect(sliceEntries("spec:\n  matters:\n    - id: a\n  # shallow comment\n    - id: b\n", 0, 1)).toBeUndefined();
    expect(sliceEntries("spec:\n  matters:\n    - id: a\n   \n    - id: b\n", 0, 1)).toBeUndefined();
    expect(sliceEntries("spec:\n  matters:\n    - id: a\n    - id: b\n", 0, 1)?.text).toBe("- id: a\n- id: b\n");
  });
});

describe("edits on the changed entries alone give exactly the whole-file edit", () => {
  it("on every bundled checklist, for every matter: fields set and removed, list entries added, deleted and moved, matters added, deleted and moved", () => {
    const lists = bundledLists();
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const { path, text } of lists) {
      expect(outlineMatters(text), path).toBeDefined();
      expect(expectSameEdits(text, path, true)).toBeGreaterThan(0);
    }
  });

  it("on generated lists in both sequence styles", () => {
    for (const indentSeq of [true, false]) {
      const text = generatedList(12, indentSeq);
      expect(outlineMatters(text)?.entries.length).toBe(12);
      expectSameEdits(text, `generated indentSeq=${String(indentSeq)}`, indentSeq);
    }
  });

  it("on oddly formatted lists, by falling back to the whole file where the entries cannot be cut", () => {
    const odd = [
      // A comment at the key's column between entries, an anchor and its alias, a multi-line flow mapping.
      "spec:\n  matters:\n    - id: a\n      name: { zh: 甲 }\n  # between\n    - id: b\n      name: { zh: 乙 }\n",
      "spec:\n  matters:\n    - id: a\n      owners: &o { lead: dept.x }\n      name: { zh: 甲 }\n    - id: b\n      owners: *o\n      name: { zh: 乙 }\n",
      "spec:\n  matters:\n    - id: a\n      name: {\n        zh: 甲 }\n    - id: b\n      name: { zh: 乙 }\n",
      "spec:\n  matters: [{ id: a, name: { zh: 甲 } }, { id: b, name: { zh: 乙 } }]\n",
      "spec:\n  matters:\n    - id: a\n      name: { zh: 甲 }   # trailing comment\n\n\n    - id: b # b\n      name:\n        zh: 乙\n",
      "spec:\n  matters:\n    - id: a\n      note: |\n        第一行\n\n        # 不是注释\n      name: { zh: 甲 }\n    - id: b\n      name: { zh: 乙 }\n",
      "\uFEFFspec:\n  matters:\n    - id: a\n      name: { zh: 甲 }\n    - id: b\n      name: { zh: 乙 }\n",
    ];
    for (const text of odd) expectSameEdits(text, JSON.stringify(text.slice(0, 40)));
  });

  it("is much faster than the whole file on a thousand matters", () => {
    const text = generatedList(1000, true);
    const path = ["spec", "matters", 500, "name", "zh"];
    const started = performance.now();
    const fast = applyEdit({ text, path, value: "改" });
    const fastMs = performance.now() - started;
    const whole = applyWhole({ text, path, value: "改" });
    const wholeMs = performance.now() - started - fastMs;
    expect(fast).toEqual(whole);
    expect(fastMs * 5).toBeLessThan(wholeMs);
  });
});
