import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { diffRows, diffScreenLines, pointerAtLine } from "../src/diff-view.js";
import { reduceInput } from "../src/input.js";
import { fieldsOf } from "../src/model.js";
import { currentNode } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { screenText, screenView } from "../src/view.js";
import { fixtureDocuments, fixtureTexts, LIST } from "./fixture.js";

const PROMISED_20 = "      promisedTime: { value: 20, unit: workday }\n";
const PROMISED_5 = "      promisedTime: { value: 5, unit: workday }\n";
const VACCINATION = "        - { ref: item.vaccination-certificate }\n";

/** The fixture as committed (promised time 20), and opened with `edit` applied to the list's text. */
function editedState(edit: (text: string) => string, options: { committed?: boolean; columns?: number; rows?: number } = {}): EditorState {
  const committed = fixtureTexts();
  const texts = new Map(committed);
  const original = committed.get(LIST) ?? "";
  texts.set(LIST, edit(original));
  return createState({
    documents: fixtureDocuments(texts),
    editable: [LIST],
    size: { columns: options.columns ?? 100, rows: options.rows ?? 30 },
    ...(options.committed === false ? {} : { base: { ref: "abc1234", texts: { [LIST]: original } } }),
  });
}

const faster = (text: string) => text.replace(PROMISED_20, PROMISED_5);

describe("the diff view against the last commit", () => {
  it("lists the semantic changes first, in Chinese, then the YAML diff with one line of context", () => {
    const state = editedState((text) => faster(text).replace(VACCINATION, ""));
    const rows = diffRows(state);
    expect(rows[0]?.text).toBe("差异（与 HEAD abc1234 比较）：1 个文件有修改");
    const texts = rows.map((row) => row.text);
    const changes = rows.filter((row) => row.kind === "change").map((row) => row.text);
    expect(changes).toContain("~ 新生儿出生 · 承诺时限 20 → 5 个工作日");
    expect(changes.some((text) => text.startsWith("- 新生儿出生 · ") && text.includes("预防接种证"))).toBe(true);
    const heading = texts.findIndex((text) => text.startsWith(`YAML ${LIST}`));
    expect(heading).toBeGreaterThan(texts.indexOf("语义变化（2）"));
    expect(texts[heading]).toBe(`YAML ${LIST}（+1 -2）`);
    const raw = rows.slice(heading + 1);
    // Two hunks; each change has exactly one line of context on either side.
    expect(raw.filter((row) => row.kind === "hunk")).toHaveLength(2);
    const first = raw.slice(0, 5).map((row) => row.text.replace(/^([-+ ]) +\d+ │ /u, "$1|"));
    expect(first).toEqual(["  @@ 第 32 行 @@", " |      stage: birth", "-|      promisedTime: { value: 20, unit: workday }", "+|      promisedTime: { value: 5, unit: workday }", " |      batches:"]);
  });

  it("opens on D at the first change, and Enter goes to the changed field in the tree and form", () => {
    const opened = reduceInput(editedState(faster), "D");
    expect(opened.mode).toBe("diff");
    expect(diffRows(opened)[opened.diffIndex]?.text).toBe("~ 新生儿出生 · 承诺时限 20 → 5 个工作日");
    const jumped = reduceInput(opened, "\r");
    expect(jumped.mode).toBe("browse");
    expect(jumped.focus).toBe("detail");
    expect(currentNode(jumped)?.key).toBe("newborn-birth");
    expect(fieldsOf(currentNode(jumped))[jumped.fieldIndex]?.path).toEqual(["promisedTime", "value"]);
  });

  it("goes from a raw + line to its field, and from a removal to the matter it was removed from", () => {
    const state = reduceInput(editedState((text) => faster(text).replace(VACCINATION, "")), "D");
    const rows = diffRows(state);
    const added = rows.findIndex((row) => row.kind === "added");
    let moved = state;
    while (moved.diffIndex < added) moved = reduceInput(moved, "j");
    expect(diffRows(moved)[moved.diffIndex]?.kind).toBe("added");
    const jumped = reduceInput(moved, "\r");
    expect(fieldsOf(currentNode(jumped))[jumped.fieldIndex]?.path).toEqual(["promisedTime", "value"]);
    const removal = rows.findIndex((row) => row.kind === "change" && row.text.startsWith("- "));
    const fromRemoval = reduceInput({ ...state, diffIndex: removal }, "\r");
    expect(fromRemoval.mode).toBe("browse");
    expect(currentNode(fromRemoval)?.ancestors).toContain("s:individual");
    expect(currentNode(fromRemoval)?.file).toBe(LIST);
  });

  it("follows the current edits live, and says so when nothing changed", () => {
    const state = editedState((text) => text);
    expect(diffRows(state).map((row) => row.text)).toEqual(["差异（与 HEAD abc1234 比较）：没有修改"]);
    const typed = reduceInput(reduceInput(reduceInput(state, "/新生儿"), "\r\r"), "e");
    const edited = reduceInput(reduceInput(typed, "改"), "\r");
    expect(edited.mode).toBe("browse");
    const rows = diffRows(reduceInput(edited, "D"));
    expect(rows[0]?.text).toBe("差异（与 HEAD abc1234 比较）：1 个文件有修改");
    expect(rows.some((row) => row.kind === "change" && row.text.includes("新生儿出生改"))).toBe(true);
  });

  it("compares with the text at open, and says so, outside a git repository", () => {
    const state = editedState(faster, { committed: false });
    expect(diffRows(state)[0]?.text).toBe("差异（与打开时的文本比较（不在 git 仓库中））：没有修改");
  });

  it.each([45, 80, 120])("fills exactly %i columns on every row, wide characters counted as two", (columns) => {
    const state = reduceInput(editedState((text) => faster(text).replace(VACCINATION, ""), { columns, rows: 24 }), "D");
    const rows = screenText(screenView(state, { head: "abc1234" }));
    expect(rows).toHaveLength(23);
    for (const row of rows) expect(stringWidth(row)).toBe(columns);
    expect(rows.some((row) => row.startsWith("›~ 新生儿出生"))).toBe(true);
  });

  it("windows a long diff around the selected row", () => {
    const many = (text: string) => text.replace(/name: \{ zh: ([^,}]+)/gu, "name: { zh: $1改");
    const state = reduceInput(editedState(many, { rows: 14 }), "D");
    const total = diffRows(state).length;
    expect(total).toBeGreaterThan(40);
    let moved = state;
    for (let index = 0; index < 6; index += 1) moved = reduceInput(moved, "\u001B[6~");
    const lines = diffScreenLines(moved, 100, 8);
    expect(lines).toHaveLength(8);
    expect(lines.filter((line) => line.selected)).toHaveLength(1);
    expect(lines[0]?.text.startsWith("差异")).toBe(true);
    // 13 rows of UI: 2 header, 7 body, 3 problems, 1 footer; a page is 6 rows.
    expect(moved.diffIndex).toBe(Math.min(total - 1, state.diffIndex + 6 * 6));
    expect(reduceInput(moved, "\u001B").mode).toBe("browse");
  });
});

describe("pointerAtLine", () => {
  it("names the most specific value on a line", () => {
    const text = "spec:\n  matters:\n    - id: a\n      stage: birth\n      promisedTime: { value: 5, unit: workday }\n";
    expect(pointerAtLine(text, 3)).toBe("/spec/matters/0/id");
    expect(pointerAtLine(text, 4)).toBe("/spec/matters/0/stage");
    expect(pointerAtLine(text, 5)).toBe("/spec/matters/0/promisedTime");
    expect(pointerAtLine(text, 1)).toBe("/spec");
  });
});
