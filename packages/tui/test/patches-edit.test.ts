import { parseSource, type ParsedDocument } from "@onething/sdk";
import { describe, expect, it } from "vitest";
import { reduceInput } from "../src/input.js";
import { allNodes, fieldsOf, type TreeNode } from "../src/model.js";
import { PATCH_FIELDS } from "../src/patches.js";
import { currentNode, reduce } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { validateState } from "../src/validation.js";
import { computeMarks, detailView, screenText, screenView, treeLines } from "../src/view.js";
import { QINGDAO, qingdaoDocuments } from "./fixture.js";

const documents = qingdaoDocuments;

const open = (edit: (text: string) => string = (source) => source): EditorState => createState({ documents: documents(edit), editable: [QINGDAO], size: { columns: 120, rows: 40 } });
const byId = (state: EditorState, id: string): TreeNode | undefined => allNodes(state.tree).find((node) => node.id === id);
const patchId = (index: number) => `p:${QINGDAO}#/spec/patches/${index}`;
const at = (state: EditorState, id: string): EditorState => ({ ...state, cursorId: id, expanded: new Set([...state.expanded, ...(byId(state, id)?.ancestors ?? [])]) });
const text = (state: EditorState) => state.files[QINGDAO]?.text ?? "";
const changedLines = (state: EditorState) => {
  const before = (state.files[QINGDAO]?.original ?? "").split("\n");
  return text(state).split("\n").filter((line, index) => line !== before[index]);
};

/** Opens the form of the patch under the cursor on a field and types a new value into it. */
function editField(state: EditorState, path: string, typed: string): EditorState {
  let next = reduceInput(state, "\r");
  const index = fieldsOf(currentNode(next)).findIndex((field) => field.path.join(".") === path);
  for (let step = 0; step < index; step += 1) next = reduceInput(next, "j");
  next = reduceInput(next, "e");
  next = reduceInput(next, "\u007F".repeat(40));
  next = reduceInput(next, typed);
  return reduceInput(next, "\r");
}

describe("editing local adjustments", () => {
  it("marks an edited patch and its stage and subject with *, and no other patch", () => {
    let state = at(open(), patchId(4));
    state = editField(state, "set.owners.leader", "分管信用工作的副市长");
    expect(text(state)).toContain("leader: 分管信用工作的副市长\n");
    const marks = computeMarks(state);
    expect(marks.get(patchId(4))?.modified).toBe(true);
    expect(marks.get("s:enterprise/operation")?.modified).toBe(true);
    expect(marks.get("s:enterprise")?.modified).toBe(true);
    expect(marks.get(patchId(1))?.modified ?? false).toBe(false);
    expect(marks.get(patchId(0))?.modified ?? false).toBe(false);
    const row = treeLines({ ...state, focus: "tree" }, 50, 60).find((line) => line.selected);
    expect(row?.text).toMatch(/〔本地调整〕信用修复 *\*$/u);
  });

  it("carries a problem inside a patch to the patch, its stage and subject", () => {
    // A patch naming a department that no registry has: an error located in the patch.
    const state = at(open((source) => source.replace("lead: dept.qd.health", "lead: dept.qd.no-such")), patchId(0));
    const checked = reduce(state, { type: "validated", version: state.version, problems: validateState(state, { today: "2026-11-30" }) });
    const inPatch = checked.problems.filter((problem) => problem.file === QINGDAO && problem.pointer?.startsWith("/spec/patches/0/") === true);
    expect(inPatch.length).toBeGreaterThan(0);
    const marks = computeMarks(checked);
    const severity = inPatch[0]?.severity === "error" ? "errors" : "warnings";
    expect(marks.get(patchId(0))?.[severity]).toBeGreaterThan(0);
    expect(marks.get("s:individual/birth")?.[severity]).toBeGreaterThan(0);
    expect(marks.get("s:individual")?.[severity]).toBeGreaterThan(0);
  });

  it("shows in a patch's form the national values of the fields it leaves alone, marked as inherited", () => {
    const state = reduceInput(at(open(), patchId(0)), "\r");
    const form = detailView(state, 80, 60).lines.map((line) => line.text);
    const row = (label: string) => form.find((line) => line.includes(` ${label} `)) ?? "";
    expect(form.join("\n")).toMatch(/标（继承）的值来自「2024年度第一批重点事项清单」/u);
    expect(row("名称")).toMatch(/新生儿出生（继承）/u);
    // Set by the patch: its own value, not marked.
    expect(row("牵头部门")).toMatch(/dept\.qd\.health/u);
    expect(row("牵头部门")).not.toMatch(/继承/u);
    // The dimmed rows are exactly the inherited ones.
    const dim = detailView(state, 80, 60).lines.filter((line) => line.tone === "dim" && line.text.includes("（继承）"));
    expect(dim.length).toBeGreaterThan(2);
    expect(PATCH_FIELDS.some((field) => field.path.join(".") === "set.name.zh")).toBe(true);
  });

  it("deletes a patch after y, as one undo step with a toast; n keeps it", () => {
    const original = open();
    const count = allNodes(original.tree).filter((node) => node.kind === "patch").length;
    let state = reduceInput(at(original, patchId(0)), "d");
    expect(state.mode).toBe("confirm-delete");
    expect(screenText(screenView(state)).at(-1)).toMatch(/删除「〔本地调整〕新生儿出生」？/u);
    const kept = reduceInput(state, "n");
    expect(text(kept)).toBe(text(original));
    state = reduceInput(state, "y");
    expect(allNodes(state.tree).filter((node) => node.kind === "patch")).toHaveLength(count - 1);
    expect(text(state)).not.toContain("- matter: newborn-birth");
    expect(state.toast?.message.zh).toMatch(/已删除「〔本地调整〕新生儿出生」/u);
    expect(computeMarks(state).get("s:individual")?.modified).toBe(true);
    state = reduceInput(state, "u");
    expect(text(state)).toBe(text(original));
    expect(state.toast?.message.zh).toMatch(/已撤销/u);
  });

  it("reorders patches within their stage (K undoes J) and refuses to swap with another kind of entry", () => {
    const original = open();
    let state = reduceInput(at(original, patchId(4)), "J");
    // Patch 4 (credit-repair) and patch 12 (sole-proprietor-to-enterprise) swap places in spec.patches.
    const order = (value: EditorState) => [...text(value).slice(text(value).indexOf("  patches:"), text(value).indexOf("  matters:")).matchAll(/^ {4}- matter: ([a-z-]+)/gmu)].map((match) => match[1]);
    expect(order(state)[12]).toBe("credit-repair");
    expect(order(state)[4]).toBe("sole-proprietor-to-enterprise");
    expect(currentNode(state)?.key).toBe("credit-repair");
    expect(computeMarks(state).get("s:enterprise/operation")?.modified).toBe(true);
    expect(changedLines(state).length).toBeGreaterThan(0);
    state = reduceInput(state, "K");
    expect(text(state)).toBe(text(original));
    const last = reduceInput(at(original, patchId(15)), "J");
    expect(text(last)).toBe(text(original));
    expect(last.toast?.message.zh).toMatch(/同类/u);
  });

  it("adds a local adjustment of an inherited matter of the stage with a on a 〔本地调整〕 node", () => {
    const original = open();
    let state = reduceInput(at(original, patchId(0)), "a");
    // newborn-birth is the only national matter of 出生 and already has a patch.
    expect(state.mode).toBe("browse");
    expect(state.toast?.message.zh).toMatch(/都已有本地调整/u);
    state = reduceInput(at(original, patchId(4)), "a");
    expect(state.mode).toBe("pick");
    const options = state.pick?.options ?? [];
    expect(options.length).toBeGreaterThan(0);
    // Only matters of 经营发展 that have no patch yet are offered.
    expect(options.map((option) => option.value)).not.toContain("credit-repair");
    const chosen = options[0]!;
    state = reduceInput(state, "\r");
    expect(text(state)).toContain(`    - matter: ${chosen.value}\n      set: {}\n`);
    const added = allNodes(state.tree).find((node) => node.kind === "patch" && node.key === chosen.value);
    expect(added?.name.zh).toBe(`〔本地调整〕${chosen.label}`);
    expect(added?.ancestors).toEqual(["s:enterprise", "s:enterprise/operation"]);
    expect(currentNode(state)?.id).toBe(added?.id);
    // Everything in its form is inherited until the clerk sets something.
    const form = detailView(reduceInput(state, "\r"), 80, 60).lines.map((line) => line.text).join("\n");
    expect(form).toContain(`${chosen.label}（继承）`);
    state = reduceInput(state, "u");
    expect(text(state)).toBe(text(original));
  });

  it("adds a new matter after the stage's local matters, not at the index of the patch listed last", () => {
    let state = reduceInput(at(open(), "s:enterprise/market-entry"), "a");
    expect(state.mode).toBe("prompt");
    state = reduceInput(state, "qd-new-matter");
    state = reduceInput(state, "\r");
    state = reduceInput(state, "青岛新事项");
    state = reduceInput(state, "\r");
    const matters = [...text(state).matchAll(/^ {4}- id: ([a-z-]+)/gmu)].map((match) => match[1]);
    expect(matters.slice(0, 3)).toEqual(["seagoing-ship-operation", "beer-festival-merchant-entry", "qd-new-matter"]);
  });
});

describe("lists a local adjustment inherits", () => {
  it("shows the inherited entries and keeps them when the first entry is added (a patch replaces a list whole)", () => {
    let state = at(open(), patchId(0));
    state = reduceInput(state, "\r");
    const index = fieldsOf(currentNode(state)).findIndex((field) => field.path.join(".") === "set.batches");
    expect(index).toBeGreaterThan(0);
    for (let step = 0; step < index; step += 1) state = reduceInput(state, "j");
    state = reduceInput(state, "\r");
    expect(state.mode).toBe("list");
    expect(screenText(screenView(state)).join("\n")).toContain("1. 2024 年第 1 批");
    expect(text(state)).toBe(state.files[QINGDAO]?.original);
    state = reduceInput(state, "a");
    expect(state.mode).toBe("pick");
    state = reduceInput(state, "2025-1");
    state = reduceInput(state, "\r");
    const patch = parseSource({ path: QINGDAO, text: text(state) }).document?.value as { spec: { patches: { matter: string; set: { batches?: unknown[] } }[] } };
    expect(patch.spec.patches[0]?.matter).toBe("newborn-birth");
    expect(patch.spec.patches[0]?.set.batches).toEqual([{ year: 2024, seq: 1 }, { year: 2025, seq: 1 }]);
    const undone = reduceInput(state, "u");
    expect(text(undone)).toBe(state.files[QINGDAO]?.original);
  });
});
