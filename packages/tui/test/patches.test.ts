import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reduceInput } from "../src/input.js";
import { allNodes, fieldsOf, type TreeNode } from "../src/model.js";
import { NOT_APPLICABLE_FIELDS, PATCH_FIELDS } from "../src/patches.js";
import { currentNode, fieldText } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { screenText, screenView } from "../src/view.js";
import { QINGDAO, qingdaoDocuments } from "./fixture.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));

const documents = qingdaoDocuments;

const open = (edit?: (text: string) => string): EditorState => createState({ documents: documents(edit), editable: [QINGDAO], size: { columns: 100, rows: 30 } });

const byId = (state: EditorState, id: string): TreeNode | undefined => allNodes(state.tree).find((node) => node.id === id);

describe("a local list's patches and not-applicable entries in the tree", () => {
  it("shows each patch as a 本地调整 of the national matter, under that matter's subject and stage", () => {
    const state = open();
    const patch = byId(state, `p:${QINGDAO}#/spec/patches/0`);
    expect(patch?.name.zh).toBe("〔本地调整〕新生儿出生");
    expect(patch?.key).toBe("newborn-birth");
    expect(patch?.ancestors).toEqual(["s:individual", "s:individual/birth"]);
    const patches = allNodes(state.tree).filter((node) => node.kind === "patch");
    const source = readFileSync(`${repository}${QINGDAO}`, "utf8");
    expect(patches).toHaveLength((source.match(/^ {4}- matter: /gmu) ?? []).length - 2);
    // Every patched national matter is found in the lists Qingdao extends: none lands under "?".
    expect(patches.filter((node) => node.ancestors[0] === "s:?")).toEqual([]);
  });

  it("shows not-applicable entries with their reason and basis in the form", () => {
    const state = open();
    const entry = byId(state, `n:${QINGDAO}#/spec/notApplicable/1`);
    expect(entry?.name.zh).toMatch(/^〔不适用〕/u);
    expect(fieldsOf(entry)).toBe(NOT_APPLICABLE_FIELDS);
    expect(fieldText(state, entry, NOT_APPLICABLE_FIELDS[3]!)).toBe("national-level");
    expect(fieldText(state, entry, NOT_APPLICABLE_FIELDS[1]!)).toMatch(/征信/u);
  });

  it("shows what a patch sets in its form, and places an unknown matter under ?", () => {
    const state = open();
    const patch = byId(state, `p:${QINGDAO}#/spec/patches/0`);
    expect(fieldsOf(patch)).toBe(PATCH_FIELDS);
    const value = (path: string) => fieldText(state, patch, PATCH_FIELDS.find((field) => field.path.join(".") === path)!);
    expect(value("matter")).toBe("newborn-birth");
    expect(value("set.status")).toBe("landed");
    expect(value("set.owners.lead")).toBe("dept.qd.health");
    expect(value("set.name.zh")).toBe("");
    const unknown = open((text) => text.replace("  patches:\n    - matter: newborn-birth", "  patches:\n    - matter: no-such-matter"));
    expect(byId(unknown, `p:${QINGDAO}#/spec/patches/0`)?.ancestors).toEqual(["s:?", "s:?/?"]);
  });

  it("is found by search, selected, and its set scalars edited through the form", () => {
    let state = reduceInput(open(), "/新生儿");
    state = reduceInput(state, "\r");
    expect(currentNode(state)?.kind).toBe("patch");
    const view = screenText(screenView(state)).join("\n");
    expect(view).toContain("〔本地调整〕新生儿出生");
    state = reduceInput(state, "\t");
    const leader = fieldsOf(currentNode(state)).findIndex((field) => field.path.join(".") === "set.owners.leader");
    for (let index = 0; index < leader; index += 1) state = reduceInput(state, "j");
    state = reduceInput(state, "e");
    expect(state.mode).toBe("edit");
    state = reduceInput(state, "甲\r");
    expect(state.mode).toBe("browse");
    const text = state.files[QINGDAO]?.text ?? "";
    expect(text).toContain("          leader: 分管卫生健康工作的副市长甲\n");
    expect(text.split("\n").filter((line, index) => line !== (state.files[QINGDAO]?.original ?? "").split("\n")[index])).toHaveLength(1);
  });
});
