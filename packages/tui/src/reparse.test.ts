import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSource, type ParsedDocument } from "@onething/sdk";
import { MATTER_FIELDS } from "./model.js";
import { reparseEntries } from "./reparse.js";
import { createState } from "./state.js";
import { validateTyped } from "./validation.js";
import { applyEdit, editYaml, type YamlOp } from "./yaml-edit.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, "utf8");
const LISTS = ["checklists/national/2024-1.yaml", "checklists/local/shandong/qingdao.yaml"];
const parsed = (path: string, text: string): ParsedDocument => {
  const document = parseSource({ path, text }).document;
  if (document === undefined) throw new Error(`${path} does not parse`);
  return document;
};

describe("reparseEntries: a changed text parsed only where its matters changed", () => {
  it("gives the whole parse's data after every kind of edit of every matter, and back again (undo)", () => {
    for (const path of LISTS) {
      const text = read(path);
      const before = parsed(path, text);
      const count = (before.value as { spec: { matters: unknown[] } }).spec.matters.length;
      for (let index = 0; index < count; index += 1) {
        const ops: YamlOp[] = [
          { type: "set", path: ["spec", "matters", index, "name", "zh"], value: "改过的名称" },
          { type: "remove", path: ["spec", "matters", index, "note"] },
          { type: "insert", path: ["spec", "matters"], index, value: { id: "new-one", name: { zh: "新事项" } } },
          { type: "delete", path: ["spec", "matters"], index },
          { type: "move", path: ["spec", "matters"], from: index, to: Math.min(count - 1, index + 1) },
        ];
        for (const op of ops) {
          const edited = editYaml(text, op);
          if (!edited.ok || edited.text === text) continue;
          const after = reparseEntries(before, edited.text);
          expect(after?.value, `${path} ${JSON.stringify(op)}`).toEqual(parsed(path, edited.text).value);
          const back = after === undefined ? undefined : reparseEntries(after, text);
          expect(back?.value, `${path} undo ${JSON.stringify(op)}`).toEqual(before.value);
        }
      }
    }
  });

  it("locates in the new text (parsed whole only when asked) and keeps the document's kind and id", () => {
    const path = LISTS[0] as string;
    const text = read(path);
    const before = parsed(path, text);
    const edited = applyEdit({ text, path: ["spec", "matters", 2, "name", "zh"], value: "改过的名称" });
    if (!edited.ok) throw new Error("edit failed");
    const after = reparseEntries(before, edited.text);
    expect(after?.kind).toBe("Checklist");
    expect(after?.id).toBe(before.id);
    expect(after?.locate("/spec/matters/2/name/zh", "value")).toEqual(parsed(path, edited.text).locate("/spec/matters/2/name/zh", "value"));
  });

  it("leaves a change outside the matters, or a matter that no longer parses, to the whole parse", () => {
    const path = LISTS[0] as string;
    const text = read(path);
    const before = parsed(path, text);
    expect(reparseEntries(before, text.replace("version: 1.1.0", "version: 1.2.0"))).toBeUndefined();
    expect(reparseEntries(before, text.replace("    - id: newborn-birth\n", "    - id: newborn-birth\n      id: again\n"))).toBeUndefined();
    expect(reparseEntries(before, text.replace("name: { zh: 新生儿出生, en: Newborn birth }", "name: { zh: 新生儿出生, en: Newborn birth"))).toBeUndefined();
    expect(reparseEntries(before, text)).toBe(before);
  });
});

describe("validateTyped on the edited matter alone", () => {
  it("reports a finding about the typed field of a later matter at that matter's pointer", () => {
    const documents = ["checklists/taxonomy.yaml", "checklists/departments/national.yaml", "checklists/items/national.yaml", LISTS[0] as string].map((path) => parsed(path, read(path)));
    const state = createState({ documents, editable: [LISTS[0] as string] });
    const stage = MATTER_FIELDS.find((field) => field.path[0] === "stage");
    if (stage === undefined) throw new Error("no stage field");
    const found = validateTyped({ state, file: LISTS[0] as string, nodePointer: "/spec/matters/3", field: stage, text: "birthh", today: "2026-06-30" });
    expect(found.map((diagnostic) => [diagnostic.code, diagnostic.pointer])).toEqual([["unknown-stage", "/spec/matters/3/stage"]]);
    const current = (documents[3]?.value as { spec: { matters: { stage: string }[] } }).spec.matters[3]?.stage ?? "";
    expect(validateTyped({ state, file: LISTS[0] as string, nodePointer: "/spec/matters/3", field: stage, text: current, today: "2026-06-30" })).toEqual([]);
  });
});

describe("keys the loader would report are never read past", () => {
  const list = (extra: string) =>
    `apiVersion: onething/v1\nkind: Checklist\nmetadata:\n  id: cn.x\n  title: { zh: x }\n  version: 1.0.0\nspec:\n  matters:\n    - id: a\n      stage: birth\n    - id: b\n      stage: birth${extra}\n    - id: c\n      stage: birth\n`;
  it.each(["\n      __proto__: x", "\n      1: x", '\n      1: x\n      "1": y', "\n      true: x", "\n      note: &n x", "\n      note: !!str x"])("%j falls back to a full parse, which reports it", (extra) => {
    const previous = parseSource({ path: "a.yaml", text: list("") }).document;
    expect(previous).toBeDefined();
    if (previous === undefined) return;
    expect(reparseEntries(previous, list(extra))).toBeUndefined();
  });
  it("a plain edit is still read incrementally", () => {
    const previous = parseSource({ path: "a.yaml", text: list("") }).document;
    if (previous === undefined) throw new Error("the list parses");
    expect(reparseEntries(previous, list("\n      note: x"))?.value).toEqual(parseSource({ path: "a.yaml", text: list("\n      note: x") }).document?.value);
  });
});
