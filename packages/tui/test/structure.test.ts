import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KeyPress } from "../src/keys.js";
import { diffLines } from "../src/line-diff.js";
import { MATTER_FIELDS } from "../src/model.js";
import { currentNode, reduce, treeRows } from "../src/reducer.js";
import { createState, dirtyFiles, visibleProblems, type EditorState } from "../src/state.js";
import { localize } from "@onething/sdk";
import { validateState, validateTyped } from "../src/validation.js";
import { computeMarks, screenText, screenView } from "../src/view.js";
import { changedLines, fixtureDocuments, LIST } from "./fixture.js";

const TODAY = "2025-07-01";
const named = (name: NonNullable<KeyPress["name"]>, extra: Partial<KeyPress> = {}): KeyPress => ({ input: "", name, ctrl: false, ...extra });
const ENTER = named("return");
const ESC = named("escape");
const DOWN = named("down");

/** Feeds keys: strings are typed as one chunk of text each. */
function press(state: EditorState, ...keys: (KeyPress | string)[]): EditorState {
  return keys.reduce<EditorState>((next, key) => reduce(next, { type: "key", key: typeof key === "string" ? { input: key, ctrl: false } : key }), state);
}

function validated(state: EditorState): EditorState {
  return reduce(state, { type: "validated", version: state.version, problems: validateState(state, { today: TODAY }) });
}

function open(): EditorState {
  return validated(createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } }));
}

const text = (state: EditorState) => state.files[LIST]?.text ?? "";
const original = (state: EditorState) => state.files[LIST]?.original ?? "";
const data = (state: EditorState) => parse(text(state)) as { spec: { matters: Record<string, unknown>[] } };
const matterIds = (state: EditorState) => data(state).spec.matters.map((matter) => matter["id"]);

/** Lines added and removed between the original and the current text, in order (a shortest line diff). */
function lineChanges(state: EditorState): { added: string[]; removed: string[] } {
  const before = original(state).split("\n");
  const after = text(state).split("\n");
  const script = diffLines(before, after);
  return {
    added: script.flatMap((step) => (step.type === "insert" ? [after[step.b] ?? ""] : [])),
    removed: script.flatMap((step) => (step.type === "delete" ? [before[step.a] ?? ""] : [])),
  };
}

/** Puts the cursor on a node by its id (search is tested elsewhere) with the tree focused. */
function at(state: EditorState, id: string): EditorState {
  expect(treeRows({ ...state, expanded: new Set([...state.expanded, ...idsToOpen(state, id)]) }).some((node) => node.id === id), id).toBe(true);
  return { ...state, expanded: new Set([...state.expanded, ...idsToOpen(state, id)]), cursorId: id, focus: "tree" };
}

function idsToOpen(state: EditorState, id: string): string[] {
  const found = (nodes: EditorState["tree"]): string[] | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node.ancestors;
      const deeper = found(node.children);
      if (deeper !== undefined) return deeper;
    }
    return undefined;
  };
  return found(state.tree) ?? [];
}

const MATTER = (index: number) => `m:${LIST}#/spec/matters/${index}`;
const NEWBORN = MATTER(0);

/** Opens a matter's form and selects a field by walking down to it. */
function atField(state: EditorState, matterId: string, path: string): EditorState {
  const index = MATTER_FIELDS.findIndex((field) => field.path.join(".") === path);
  expect(index, path).toBeGreaterThanOrEqual(0);
  let next = press(at(state, matterId), ENTER);
  for (let step = 0; step < index; step += 1) next = press(next, DOWN);
  expect(next.focus).toBe("detail");
  return next;
}

describe("adding a matter", () => {
  it("asks for the id (refusing a bad or taken one), then the name, inserts it after the stage's last matter and opens its form", () => {
    let state = press(at(open(), "s:individual/birth"), "a");
    expect(state.mode).toBe("prompt");
    state = press(state, "Bad Id", ENTER);
    expect(state.mode).toBe("prompt");
    expect(state.prompt?.error?.zh).toContain("小写字母");
    state = press(state, { input: "", name: "backspace", ctrl: false, count: 6 }, "newborn-birth", ENTER);
    expect(state.prompt?.error?.zh).toContain("已有");
    state = press(state, { input: "", name: "backspace", ctrl: false, count: 13 }, "birth-allowance", ENTER);
    expect(state.prompt?.purpose).toMatchObject({ step: "name", id: "birth-allowance" });
    state = validated(press(state, "生育津贴", ENTER));
    expect(state.mode).toBe("browse");
    expect(matterIds(state).slice(0, 2)).toEqual(["newborn-birth", "birth-allowance"]);
    expect(currentNode(state)).toMatchObject({ kind: "matter", key: "birth-allowance" });
    expect(state.focus).toBe("detail");
    // Only new lines: every original line is still there, in order; the name is flow style like its neighbours'.
    expect(lineChanges(state)).toEqual({
      added: ["    - id: birth-allowance", "      name: { zh: 生育津贴 }", "      subject: individual", "      stage: birth", "      confidence: unverified"],
      removed: [],
    });
    expect(visibleProblems(state).filter((problem) => problem.severity === "error")).toEqual([]);
    const undone = press(state, "u");
    expect(text(undone)).toBe(original(undone));
    expect(undone.toast?.message.zh).toBe("已撤销：添加「生育津贴」");
  });
});

describe("deleting", () => {
  it("asks y/n before deleting a matter; n keeps it, y removes exactly its lines, u brings it back", () => {
    const asked = press(at(open(), NEWBORN), "d");
    expect(asked.mode).toBe("confirm-delete");
    expect(asked.confirmation?.message.zh).toBe("删除事项「新生儿出生」？");
    expect(text(press(asked, "n"))).toBe(original(asked));
    const deleted = press(asked, "y");
    expect(matterIds(deleted)).not.toContain("newborn-birth");
    const { added, removed } = lineChanges(deleted);
    expect(added).toEqual([]);
    expect(removed[0]).toBe("    - id: newborn-birth");
    expect(removed).toContain("        - { ref: item.birth-medical-certificate }");
    // The cursor stays nearby (its stage is gone with its only matter: the subject), not back at the top.
    expect(currentNode(deleted)?.id).toBe("s:individual");
    const undone = press(deleted, "u");
    expect(text(undone)).toBe(original(undone));
    expect(undone.toast?.message.zh).toBe("已撤销：删除「新生儿出生」");
    expect(currentNode(undone)?.key).toBe("newborn-birth");
    expect(text(press(undone, { input: "r", ctrl: true }))).toBe(text(deleted));
  });

  it("asks to type 删除 before deleting a stage with matters, and undoes it in one step", () => {
    const asked = press(at(open(), "s:enterprise/market-entry"), "d");
    expect(asked.mode).toBe("confirm-type");
    expect(asked.confirmation?.word).toBe("删除");
    expect(asked.confirmation?.message.zh).toContain("准入准营");
    const wrong = press(asked, "删", ENTER);
    expect(wrong.mode).toBe("confirm-type");
    expect(wrong.toast?.message.zh).toContain("请输入「删除」确认");
    expect(text(wrong)).toBe(original(wrong));
    const deleted = press(wrong, "除", ENTER);
    expect(deleted.mode).toBe("browse");
    expect(matterIds(deleted)).not.toContain("open-transport-enterprise");
    expect(matterIds(deleted)).not.toContain("open-restaurant");
    expect(matterIds(deleted)).toHaveLength(matterIds(open()).length - 2);
    expect(deleted.tree.flatMap((subject) => subject.children.map((stage) => stage.id))).not.toContain("s:enterprise/market-entry");
    expect(lineChanges(deleted).added).toEqual([]);
    const undone = press(deleted, "u");
    expect(text(undone)).toBe(original(undone));
    expect(undone.undo).toEqual([]);
  });

  it("Esc cancels the typed confirmation", () => {
    const cancelled = press(at(open(), "s:enterprise/market-entry"), "d", "删除", ESC);
    expect(cancelled.mode).toBe("browse");
    expect(dirtyFiles(cancelled)).toEqual([]);
  });

  it("discarding all edits asks to type 放弃", () => {
    const edited = press(at(open(), NEWBORN), "d", "y", named("down"), "J");
    expect(dirtyFiles(edited)).toEqual([LIST]);
    const asked = press(edited, "X");
    expect(asked.mode).toBe("confirm-type");
    expect(asked.confirmation?.word).toBe("放弃");
    const discarded = press(asked, "放弃", ENTER);
    expect(dirtyFiles(discarded)).toEqual([]);
    expect(discarded.undo).toEqual([]);
    expect(discarded.toast?.message.zh).toBe("已放弃全部修改");
  });
});

describe("reordering", () => {
  it("moves a matter below its neighbour in the stage with J and back with Shift+↑; the lines only move", () => {
    const first = at(open(), MATTER(2));
    expect(currentNode(first)?.key).toBe("open-transport-enterprise");
    const moved = press(first, "J");
    const ids = matterIds(moved);
    expect(ids.indexOf("open-transport-enterprise")).toBeGreaterThan(ids.indexOf("open-restaurant"));
    expect(currentNode(moved)?.key).toBe("open-transport-enterprise");
    expect(text(moved).split("\n").sort()).toEqual(original(moved).split("\n").sort());
    expect(moved.toast).toBeUndefined();
    // The stage shows it was edited, though no matter's own data changed.
    expect(computeMarks(moved).get("s:enterprise/market-entry")?.modified).toBe(true);
    expect(computeMarks(moved).get("s:enterprise/hiring")?.modified ?? false).toBe(false);
    const back = press(moved, named("up", { shift: true }));
    expect(text(back)).toBe(original(back));
    expect(press(back, "u").toast?.message.zh).toBe("已撤销：移动「开办运输企业」");
    expect(press(back, "K").toast?.message.zh).toBe("已经是第一个");
  });

  it("reorders and deletes bundled items under the 事项组成 group", () => {
    const group = `g:${LIST}#/spec/matters/0/items`;
    let state = press(at(open(), group), ENTER, DOWN);
    expect(currentNode(state)).toMatchObject({ kind: "item", key: "item.birth-medical-certificate" });
    state = press(state, "J");
    expect(changedLines(original(state), text(state)).map((change) => change.after)).toEqual(["        - { ref: item.vaccination-certificate }", "        - { ref: item.birth-medical-certificate }"]);
    expect(currentNode(state)?.key).toBe("item.birth-medical-certificate");
    state = press(state, "d", "y");
    expect(lineChanges(state)).toEqual({ added: [], removed: ["        - { ref: item.birth-medical-certificate }"] });
  });
});

describe("adding entries under a matter", () => {
  it("adds a bundled item chosen from the catalogue, creating the list when the matter has none", () => {
    const group = `g:${LIST}#/spec/matters/1/items`;
    let state = press(at(open(), group), "a");
    expect(state.mode).toBe("pick");
    state = press(state, "生育");
    const choice = state.pick?.options.find((option) => option.label.includes("生育"));
    expect(choice).toBeDefined();
    state = press(state, ENTER);
    expect(currentNode(state)).toMatchObject({ kind: "item", key: choice?.value });
    expect(lineChanges(state)).toEqual({ added: ["      items:", `        - ref: ${choice?.value}`], removed: [] });
  });

  it("adds a material by name with a generated id, then edits its necessity from a list", () => {
    const group = `g:${LIST}#/spec/matters/0/materials`;
    let state = press(at(open(), group), "a");
    expect(state.prompt?.label.zh).toBe("新材料的名称：");
    state = press(state, "出生医学证明", ENTER);
    expect(currentNode(state)).toMatchObject({ kind: "material", name: { zh: "出生医学证明" } });
    expect(data(state).spec.matters[0]?.["materials"]).toEqual([{ id: "material-1", name: { zh: "出生医学证明" }, necessity: "required", source: "applicant" }]);
    // The material's own form: 材料名称, 英文名称, 标识, 必要性…
    state = press(state, ENTER, DOWN, DOWN, DOWN, ENTER);
    expect(state.mode).toBe("pick");
    state = press(state, "容缺", ENTER);
    expect((data(state).spec.matters[0]?.["materials"] as Record<string, unknown>[])[0]?.["necessity"]).toBe("conditional");
    expect(press(state, "u").toast?.message.zh).toBe("已撤销：修改「必要性」");
  });

  it("adds a step with a name", () => {
    const group = `g:${LIST}#/spec/matters/0/steps`;
    const state = press(at(open(), group), "a", "联合审核", ENTER);
    expect(data(state).spec.matters[0]?.["steps"]).toEqual([{ name: { zh: "联合审核" } }]);
    expect(currentNode(state)).toMatchObject({ kind: "step" });
  });
});

describe("list fields and flags", () => {
  it("edits the partners as a list: add two from the registry, reorder, delete one, all undoable", () => {
    let state = atField(open(), NEWBORN, "owners.partners");
    state = press(state, ENTER);
    expect(state.mode).toBe("list");
    state = press(state, "a");
    expect(state.mode).toBe("pick");
    const [first, second] = state.pick?.options ?? [];
    state = press(state, ENTER);
    expect(state.mode).toBe("list");
    state = press(state, "a", ENTER);
    const partners = () => (data(state).spec.matters[0]?.["owners"] as { partners?: string[] } | undefined)?.partners;
    expect(partners()).toEqual([first?.value, second?.value]);
    state = press(state, "K");
    expect(partners()).toEqual([second?.value, first?.value]);
    expect(state.list?.index).toBe(0);
    state = press(state, "d");
    expect(state.mode).toBe("confirm-delete");
    state = press(state, "y");
    expect(state.mode).toBe("list");
    expect(partners()).toEqual([first?.value]);
    state = press(state, ESC);
    expect(state.mode).toBe("browse");
    expect(state.undo).toHaveLength(4);
    // The owners have no lead yet: the validator flags it, and saving is blocked.
    state = validated(state);
    expect(visibleProblems(state).some((problem) => problem.severity === "error" && problem.pointer?.startsWith("/spec/matters/0/owners") === true)).toBe(true);
  });

  it("chooses batches from the batches the project knows, and channels without repeats", () => {
    let state = press(atField(open(), NEWBORN, "batches"), ENTER);
    expect(state.mode).toBe("list");
    // The fixture knows one batch, which the matter already names: nothing is left to add.
    expect(press(state, "a").toast?.message.zh).toBe("没有可以再添加的选项");
    const editing = press(state, ENTER);
    expect(editing.pick?.options).toEqual([{ value: "2024-1", label: "2024 年第 1 批" }]);
    state = press(editing, ESC, ESC);
    state = press(atField(state, NEWBORN, "channels"), ENTER, "a", "窗口", ENTER, "a");
    expect(state.pick?.options.map((option) => option.value)).toEqual(["online-zone", "mobile"]);
    state = press(state, ENTER);
    expect(data(state).spec.matters[0]?.["channels"]).toEqual(["window", "online-zone"]);
  });

  it("types a former id into a list of text", () => {
    const state = press(atField(open(), NEWBORN, "formerIds"), ENTER, "a", "birth-registration", ENTER);
    expect(state.mode).toBe("list");
    expect(data(state).spec.matters[0]?.["formerIds"]).toEqual(["birth-registration"]);
  });

  it("validates a former id while it is typed, in its place in the list, and shows the message under the field", () => {
    const typing = press(atField(open(), NEWBORN, "formerIds"), ENTER, "a", "Bad Id");
    expect(typing.mode).toBe("edit");
    const field = typing.edit?.field;
    if (field === undefined) throw new Error("no field being edited");
    const found = validateTyped({ state: typing, file: LIST, nodePointer: "/spec/matters/0", field, text: "Bad Id", today: TODAY });
    expect(found.map((problem) => [problem.severity, problem.pointer])).toContainEqual(["error", "/spec/matters/0/formerIds/0"]);
    const shown = reduce(typing, { type: "live", text: "Bad Id", diagnostics: found });
    const screen = screenText(screenView(shown)).join("\n");
    expect(screen).toMatch(/曾用标识\s+Bad Id/);
    expect(screen).toContain(`✗ ${localize(found[0]?.message ?? { zh: "", en: "" }, "zh")}`.slice(0, 30));
  });

  it("toggles a one-stop flag and clears it with x", () => {
    let state = press(atField(open(), NEWBORN, "oneStop.notice"), ENTER);
    expect(data(state).spec.matters[0]?.["oneStop"]).toEqual({ notice: true });
    state = press(state, ENTER);
    expect(data(state).spec.matters[0]?.["oneStop"]).toEqual({ notice: false });
    state = press(state, "x");
    expect(data(state).spec.matters[0]?.["oneStop"]).toEqual({});
  });

  it("sets a metric inside a new nested mapping", () => {
    const state = press(atField(open(), NEWBORN, "metrics.steps.before"), "e", "8", ENTER);
    expect(data(state).spec.matters[0]?.["metrics"]).toEqual({ steps: { before: 8 } });
  });
});
