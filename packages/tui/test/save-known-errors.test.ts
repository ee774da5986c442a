import { describe, expect, it } from "vitest";
import type { KeyPress } from "../src/keys.js";
import { reduce, setText } from "../src/reducer.js";
import { createState, dirtyFiles, visibleProblems, type EditorState } from "../src/state.js";
import { validateState } from "../src/validation.js";
import { fixtureDocuments, fixtureTexts, LIST } from "./fixture.js";

const TODAY = "2025-07-01";
const GOOD_REF = "item.parenting-guidance-registration";
const BAD_REF = "item.no-such-item";

const text = (input: string): KeyPress => ({ input, ctrl: false });
const named = (name: NonNullable<KeyPress["name"]>): KeyPress => ({ input: "", name, ctrl: false });

function press(state: EditorState, ...keys: (KeyPress | string)[]): EditorState {
  let next = state;
  for (const key of keys) next = reduce(next, { type: "key", key: typeof key === "string" ? text(key) : key });
  return next;
}

function validated(state: EditorState): EditorState {
  return reduce(state, { type: "validated", version: state.version, problems: validateState(state, { today: TODAY }) });
}

/** The fixture list as it would be on disk with an unknown item on newborn-birth: an error that was there before the editor opened. */
function brokenTexts(): Map<string, string> {
  const texts = fixtureTexts();
  texts.set(LIST, (texts.get(LIST) ?? "").replace(GOOD_REF, BAD_REF));
  return texts;
}

function openBroken(lang: "zh" | "en" = "zh"): EditorState {
  return validated(createState({ documents: fixtureDocuments(brokenTexts()), editable: [LIST], lang, size: { columns: 100, rows: 30 } }));
}

function errorCodes(state: EditorState): string[] {
  return visibleProblems(state)
    .filter((problem) => problem.file === LIST && problem.severity === "error")
    .map((problem) => problem.code);
}

/** Sets newborn-birth's promised time to `value` with the keys a user presses. */
function editPromisedTime(state: EditorState, value: string): EditorState {
  let next = press(state, "/", "新生儿", named("return"), named("return"));
  for (let index = 0; index < 7; index += 1) next = press(next, named("down"));
  return validated(press(next, "e", { ...named("backspace"), count: 2 }, value, named("return")));
}

/** Presses s, answers the warning question (the list has one) and reports the write as the host does. */
function saveAndWrite(state: EditorState): EditorState {
  const asked = press(state, "s");
  expect(asked.mode).toBe("confirm-save");
  const saving = press(asked, "y");
  expect(saving.saving).toEqual({ files: [LIST], force: false });
  return reduce(saving, { type: "saved", files: [{ path: LIST, text: saving.files[LIST]?.text ?? "" }] });
}

describe("saving a file that already had errors", () => {
  it("saves an unrelated edit and says the old error is still there", () => {
    const opened = openBroken();
    expect(errorCodes(opened)).toEqual(["unknown-item"]);
    const edited = editPromisedTime(opened, "5");
    expect(errorCodes(edited)).toEqual(["unknown-item"]);
    const saved = saveAndWrite(edited);
    expect(dirtyFiles(saved)).toEqual([]);
    expect(saved.toast?.message.zh).toBe("已保存 1 个文件；文件中仍有 1 个修改前就有的错误，见问题面板");
    expect(saved.toast?.message.en).toBe("Saved 1 file; 1 error that was already there before these edits remains (see the problems panel)");
    // The next edit is judged against the file as saved: the old error still does not block it.
    const again = saveAndWrite(editPromisedTime(saved, "6"));
    expect(again.toast?.message.zh).toContain("仍有 1 个修改前就有的错误");
  });

  it("still refuses an edit that brings in a new error, naming the count of new errors only", () => {
    const opened = openBroken();
    const file = opened.files[LIST];
    const edited = validated(setText(opened, LIST, (file?.text ?? "").replace("item.vaccination-certificate", "item.another-missing-item")));
    expect(errorCodes(edited)).toEqual(["unknown-item", "unknown-item"]);
    const refused = press(edited, "s");
    expect(refused.saving).toBeUndefined();
    expect(refused.mode).toBe("browse");
    expect(refused.toast?.tone).toBe("error");
    expect(refused.toast?.message.zh).toMatch(/^有 1 个错误，修正后才能保存/);
    const badValue = press(editPromisedTime(opened, "-1"), "s");
    expect(badValue.saving).toBeUndefined();
    expect(badValue.toast?.message.zh).toMatch(/错误/);
  });

  it("refuses a second copy of an error the file already had", () => {
    const opened = openBroken();
    const file = opened.files[LIST];
    const copied = validated(setText(opened, LIST, (file?.text ?? "").replace("item.vaccination-certificate", BAD_REF)));
    expect(errorCodes(copied)).toEqual(["unknown-item", "unknown-item"]);
    expect(press(copied, "s").saving).toBeUndefined();
  });

  it("recognises the old error after the lines above it moved", () => {
    const opened = openBroken();
    const file = opened.files[LIST];
    const shifted = validated(setText(opened, LIST, (file?.text ?? "").replace("  matters:\n", "  # 新增说明\n  # another line\n  matters:\n")));
    expect(errorCodes(shifted)).toEqual(["unknown-item"]);
    expect(saveAndWrite(shifted).toast?.message.zh).toContain("仍有 1 个修改前就有的错误");
  });

  it("never writes a file that does not parse, whatever errors it had before", () => {
    const opened = openBroken();
    const file = opened.files[LIST];
    const broken = validated(setText(opened, LIST, `${file?.text ?? ""}\n  matters: [unclosed\n`));
    expect(broken.parseProblems[LIST]?.some((problem) => problem.severity === "error")).toBe(true);
    const refused = press(broken, "s");
    expect(refused.saving).toBeUndefined();
    expect(refused.toast?.tone).toBe("error");
  });

  it("saves with no warning once the user fixed the old error", () => {
    const opened = openBroken();
    const file = opened.files[LIST];
    const fixed = validated(setText(opened, LIST, (file?.text ?? "").replace(BAD_REF, GOOD_REF)));
    expect(errorCodes(fixed)).toEqual([]);
    const saved = saveAndWrite(fixed);
    expect(saved.toast?.message.zh).toBe("已保存 1 个文件");
  });

  it("says it in English with --lang en", () => {
    const saved = saveAndWrite(editPromisedTime(openBroken("en"), "5"));
    expect(saved.toast?.message.en).toBe("Saved 1 file; 1 error that was already there before these edits remains (see the problems panel)");
  });

  it("knows the old errors of a file restored from the recovery file before the first check finished", () => {
    const texts = brokenTexts();
    const documents = fixtureDocuments(texts);
    const recovered = (texts.get(LIST) ?? "").replace("{ value: 20, unit: workday }", "{ value: 5, unit: workday }");
    const opened = createState({ documents, editable: [LIST], size: { columns: 100, rows: 30 }, recovery: { files: [{ path: LIST, text: recovered }] } });
    const firstCheck = validateState(opened, { today: TODAY });
    const restored = press(opened, "r");
    expect(dirtyFiles(restored)).toEqual([LIST]);
    // The check of the files as opened arrives after the restore: too late to show, in time to tell old errors from new.
    const late = reduce(restored, { type: "validated", version: 0, problems: firstCheck });
    expect(late.validatedVersion).toBe(-1);
    const saved = saveAndWrite(validated(late));
    expect(saved.toast?.message.zh).toContain("仍有 1 个修改前就有的错误");
  });
});
