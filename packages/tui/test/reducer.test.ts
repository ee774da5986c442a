import { describe, expect, it } from "vitest";
import { toKeyPress, type KeyPress } from "../src/keys.js";
import { allNodes, nodeById } from "../src/model.js";
import { currentNode, reduce, treeRows, type Action } from "../src/reducer.js";
import { createState, dirtyFiles, visibleProblems, type EditorState } from "../src/state.js";
import { validateState } from "../src/validation.js";
import { changedLines, fixtureDocuments, LIST } from "./fixture.js";

const TODAY = "2025-07-01";

const text = (input: string): KeyPress => ({ input, ctrl: false });
const named = (name: NonNullable<KeyPress["name"]>): KeyPress => ({ input: "", name, ctrl: false });
const ctrl = (letter: string): KeyPress => ({ input: letter, ctrl: true });

/** Feeds keys (strings are typed as text, one key per entry) and settles validation after each. */
function press(state: EditorState, ...keys: (KeyPress | string)[]): EditorState {
  let next = state;
  for (const key of keys) next = reduce(next, { type: "key", key: typeof key === "string" ? text(key) : key });
  return next;
}

function validated(state: EditorState): EditorState {
  const action: Action = { type: "validated", version: state.version, problems: validateState(state, { today: TODAY }) };
  return reduce(state, action);
}

function open(): EditorState {
  return validated(createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } }));
}

/** Searches 新生儿, opens the form and selects the promised-time field. */
function atPromisedTime(): EditorState {
  let state = press(open(), "/", "新生儿", named("return"), named("return"));
  for (let index = 0; index < 7; index += 1) state = press(state, named("down"));
  return state;
}

describe("tree and search", () => {
  it("opens on the subjects in taxonomy order with the cursor on the first", () => {
    const state = open();
    expect(state.tree.map((node) => node.key)).toEqual(["enterprise", "individual"]);
    expect(currentNode(state)?.key).toBe("enterprise");
  });

  it("finds a matter by its Chinese name and opens its ancestors", () => {
    const state = press(open(), "/", "新生儿");
    expect(state.mode).toBe("search");
    expect(currentNode(state)?.key).toBe("newborn-birth");
    expect(state.expanded.has("s:individual/birth")).toBe(true);
    const accepted = press(state, named("return"));
    expect(accepted.mode).toBe("browse");
    expect(currentNode(accepted)?.key).toBe("newborn-birth");
  });

  it("moves between matches with n and N, and Esc in the search returns to where it began", () => {
    const searched = press(open(), "/", "information", named("return"));
    const first = currentNode(searched)?.key;
    const second = currentNode(press(searched, "n"))?.key;
    expect(second).not.toBe(first);
    expect(currentNode(press(searched, "n", "N"))?.key).toBe(first);
    expect(currentNode(press(open(), "/", "新生儿", named("escape")))?.key).toBe("enterprise");
  });

  it("collapses with ← and keeps the cursor row inside the window on resize", () => {
    const state = press(open(), named("left"));
    expect(state.expanded.has("s:enterprise")).toBe(false);
    const deep = press(open(), "/", "科学育儿", named("return"));
    const small = reduce(deep, { type: "resize", columns: 80, rows: 12 });
    expect(small.treeTop).toBeGreaterThan(0);
  });
});

describe("editing a field", () => {
  it("edits the promised time in place: exactly one line of the file changes", () => {
    const before = atPromisedTime();
    expect(before.focus).toBe("detail");
    const editing = press(before, "e");
    expect(editing.mode).toBe("edit");
    expect(editing.edit?.buffer.text).toBe("20");
    const after = press(editing, { ...named("backspace"), count: 2 }, "5", named("return"));
    const file = after.files[LIST];
    expect(changedLines(file?.original ?? "", file?.text ?? "")).toEqual([
      { line: expect.any(Number), before: "      promisedTime: { value: 20, unit: workday }", after: "      promisedTime: { value: 5, unit: workday }" },
    ]);
    expect(dirtyFiles(after)).toEqual([LIST]);
    expect(after.undo).toHaveLength(1);
  });

  it("reports an invalid value as an error on the field and blocks saving until it is fixed", () => {
    let state = validated(press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "-1", named("return")));
    const errors = visibleProblems(state).filter((problem) => problem.severity === "error" && problem.file === LIST);
    expect(errors.map((problem) => problem.pointer)).toContain("/spec/matters/0/promisedTime/value");
    state = press(state, "s");
    expect(state.saving).toBeUndefined();
    expect(state.toast?.message.zh).toMatch(/错误/);
    state = validated(press(state, "e", { ...named("backspace"), count: 2 }, "5", named("return")));
    state = press(state, "s");
    // The list has a warning (a bundle of one department), so saving asks first.
    expect(state.mode).toBe("confirm-save");
    expect(press(state, "n").saving).toBeUndefined();
    expect(press(state, "y").saving).toEqual({ files: [LIST], force: false });
  });

  it("undoes and redoes with a toast naming the field", () => {
    const edited = press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "7", named("return"));
    const undone = press(edited, "u");
    expect(undone.files[LIST]?.text).toBe(undone.files[LIST]?.original);
    expect(undone.toast?.message.zh).toBe("已撤销：修改「承诺时限」");
    const redone = press(undone, ctrl("r"));
    expect(redone.files[LIST]?.text).toBe(edited.files[LIST]?.text);
    expect(redone.undo).toHaveLength(1);
  });

  it("shows a renamed matter under its new name in the tree (and the old one after undo), the other matters' nodes unchanged", () => {
    const before = press(open(), "/", "新生儿", named("return"), named("return"));
    const edited = currentNode(before);
    const others = allNodes(before.tree).filter((node) => node.kind === "matter" && node.id !== edited?.id);
    expect(others.length).toBeGreaterThan(0);
    const after = press(before, "e", ctrl("e"), "甲", named("return"));
    expect(currentNode(after)?.name.zh).toBe("新生儿出生甲");
    expect(treeRows(after).map((node) => node.name.zh)).toContain("新生儿出生甲");
    // Rebuilding the tree after an edit reuses the nodes of the matters it did not touch.
    for (const node of others) expect(nodeById(after.tree, node.id)).toBe(node);
    const undone = press(after, "u");
    expect(treeRows(undone).map((node) => node.name.zh)).toContain("新生儿出生");
    expect(treeRows(undone).map((node) => node.name.zh)).not.toContain("新生儿出生甲");
  });

  it("chooses a status from a filterable list", () => {
    let state = press(open(), "/", "新生儿", named("return"), named("return"));
    for (let index = 0; index < 5; index += 1) state = press(state, named("down"));
    state = press(state, named("return"));
    expect(state.mode).toBe("pick");
    state = press(state, "落地");
    expect(state.pick?.options.filter((option) => option.label.includes("落地"))).toHaveLength(1);
    state = press(state, named("return"));
    const file = state.files[LIST];
    expect(changedLines(file?.original ?? "", file?.text ?? "").map((change) => change.after)).toContain("      status: landed");
  });

  it("moves and deletes by grapheme, so 𠮷 is never cut in half", () => {
    let state = press(open(), "/", "新生儿", named("return"), named("return"), "e", ctrl("e"), "𠮷a", named("left"), named("backspace"));
    expect(state.edit?.buffer.text).toBe("新生儿出生a");
    state = press(state, named("left"), "𠮷", named("right"), named("backspace"));
    expect(state.edit?.buffer.text).toBe("新生儿出𠮷a");
    expect(state.edit?.buffer.cursor).toBe("新生儿出𠮷".length);
  });
});

describe("keys, quitting and conflicts", () => {
  it("reads a run of Backspaces in one chunk as that many", () => {
    const base = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false };
    expect(toKeyPress("\u007F\u007F", base)).toEqual({ input: "", name: "backspace", ctrl: false, count: 2 });
    expect(toKeyPress("", { ...base, delete: true })).toMatchObject({ name: "backspace" });
    expect(toKeyPress("", { ...base, tab: true, shift: true })).toMatchObject({ name: "backtab" });
  });

  it("asks before quitting with unsaved edits; Ctrl+C warns once, then quits keeping the recovery file", () => {
    expect(press(open(), "q").exit).toBe("discard-recovery");
    const dirty = press(atPromisedTime(), "e", "0", named("return"));
    const asking = press(dirty, "q");
    expect(asking.mode).toBe("confirm-quit");
    expect(press(asking, "n").mode).toBe("browse");
    expect(press(asking, "y").exit).toBe("discard-recovery");
    const warned = press(dirty, ctrl("c"));
    expect(warned.exit).toBeUndefined();
    expect(warned.ctrlCArmed).toBe(true);
    expect(press(warned, ctrl("c")).exit).toBe("keep-recovery");
    expect(press(warned, "j", ctrl("c")).exit).toBeUndefined();
  });

  it("offers reload or keep mine when the file changed on disk", () => {
    const dirty = validated(press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "5", named("return")));
    const conflict = reduce(press(dirty, "s", "y"), { type: "save-conflict", files: [LIST] });
    expect(conflict.mode).toBe("conflict");
    // Overwriting a file changed on disk asks for a typed word: "k" alone, or the wrong word, writes nothing.
    const asked = press(conflict, "k");
    expect(asked.mode).toBe("confirm-type");
    expect(asked.saving).toBeUndefined();
    expect(press(asked, "覆", named("return")).saving).toBeUndefined();
    expect(press(asked, "覆盖", named("return")).saving).toEqual({ files: [LIST], force: true });
    expect(press(asked, named("escape")).saving).toBeUndefined();
    const reloading = press(conflict, "r");
    expect(reloading.reloading).toEqual([LIST]);
    const reloaded = reduce(reloading, { type: "reloaded", files: [{ path: LIST, text: dirty.files[LIST]?.original ?? "" }] });
    expect(dirtyFiles(reloaded)).toEqual([]);
    expect(reloaded.undo).toEqual([]);
  });

  it("after a reload, no undo step that touched the reloaded file survives, even one made with another file", () => {
    const dirty = validated(press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "5", named("return")));
    const [record] = dirty.undo;
    expect(record).toBeDefined();
    if (record === undefined) return;
    const together = { ...record, file: "checklists/other.yaml", also: [{ file: LIST, before: record.before, after: record.after }] };
    const withBoth = { ...dirty, undo: [together, { ...record, file: "checklists/other.yaml" }] };
    const reloaded = reduce(withBoth, { type: "reloaded", files: [{ path: LIST, text: dirty.files[LIST]?.original ?? "" }] });
    expect(reloaded.undo.map((entry) => entry.also?.length ?? 0)).toEqual([0]);
  });

  it("does not start a second save while one is being written", () => {
    const dirty = validated(press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "5", named("return")));
    const saving = press(dirty, "s", "y");
    expect(saving.saving).toEqual({ files: [LIST], force: false });
    const again = press({ ...saving, saving: { files: [LIST], force: false } }, "s");
    expect(again.saving).toEqual({ files: [LIST], force: false });
    expect(again.mode).toBe("browse");
    expect(again.toast?.message.zh).toContain("正在保存");
  });

  it("after a save the file is clean and the next save has nothing to do", () => {
    const dirty = validated(press(atPromisedTime(), "e", { ...named("backspace"), count: 2 }, "5", named("return")));
    const saved = reduce(press(dirty, "s", "y"), { type: "saved", files: [{ path: LIST, text: dirty.files[LIST]?.text ?? "" }] });
    expect(dirtyFiles(saved)).toEqual([]);
    expect(press(saved, "s").toast?.message.en).toBe("Nothing to save");
  });
});
