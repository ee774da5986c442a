import { render } from "ink-testing-library";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { App, type EditorHost } from "../src/components/app.js";
import { reduceInput, tokenize } from "../src/input.js";
import { currentNode } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { fixtureDocuments, LIST } from "./fixture.js";

const open = (): EditorState => createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } });

const keyNames = (chunk: string) => tokenize(chunk).map((token) => (token.type === "text" ? `text:${token.text}` : token.key.ctrl && token.key.name === undefined ? `C-${token.key.input}` : `${token.key.name ?? token.key.input}${(token.key.count ?? 1) > 1 ? `×${token.key.count}` : ""}`));

describe("tokenize: one chunk of terminal input into key presses", () => {
  it("splits control keys that arrive together", () => {
    expect(keyNames("\t\t")).toEqual(["tab", "tab"]);
    expect(keyNames("\r\r")).toEqual(["return", "return"]);
    expect(keyNames("\u001B[B\u001B[B\u001B[A")).toEqual(["down", "down", "up"]);
    expect(keyNames("\u001B[Z\t")).toEqual(["backtab", "tab"]);
  });

  it("keeps a printable run whole (an input method commits 新生儿 in one chunk), with keys around it", () => {
    expect(keyNames("/新生儿\r")).toEqual(["text:/新生儿", "return"]);
    expect(keyNames("𠮷👍🏽")).toEqual(["text:𠮷👍🏽"]);
  });

  it("reads named keys in their xterm, SS3 and tilde forms, and Ctrl+letters", () => {
    expect(keyNames("\u001BOA\u001B[1;5B\u001B[5~\u001B[6~\u001B[H\u001B[4~\u001B[3~")).toEqual(["up", "down", "pageup", "pagedown", "home", "end", "delete"]);
    expect(keyNames("\u0013\u0012\u0003")).toEqual(["C-s", "C-r", "C-c"]);
  });

  it("keeps Shift on ↑ and ↓ (Shift+↑/↓ reorder), and no other modifier turns into Shift", () => {
    const [up] = tokenize("\u001B[1;2A");
    const [down] = tokenize("\u001B[1;2B");
    expect(up?.type === "key" && up.key.name === "up" && up.key.shift === true).toBe(true);
    expect(down?.type === "key" && down.key.name === "down" && down.key.shift === true).toBe(true);
    const [plain] = tokenize("\u001B[1;5B");
    expect(plain?.type === "key" && plain.key.shift !== true && plain.key.ctrl).toBe(true);
  });

  it("counts a run of Backspaces as one key, and reads a lone Esc and Esc before a key", () => {
    expect(keyNames("\u007F\u007F\u007F")).toEqual(["backspace×3"]);
    expect(keyNames("\u001B")).toEqual(["escape"]);
    expect(keyNames("\u001Bq")).toEqual(["escape", "text:q"]);
  });

  it("drops unknown sequences and stray control characters instead of typing them", () => {
    expect(keyNames("\u001B[99xa\u0000\u001Cb")).toEqual(["text:a", "text:b"]);
    expect(keyNames("\u001B[200~")).toEqual([]);
  });
});

describe("reduceInput: a chunk applied key by key", () => {
  it("moves two rows for jj and for two ↓ in one chunk", () => {
    const once = reduceInput(open(), "j");
    expect(currentNode(reduceInput(open(), "jj"))?.id).toBe(currentNode(reduceInput(once, "j"))?.id);
    expect(currentNode(reduceInput(open(), "\u001B[B\u001B[B"))?.id).toBe(currentNode(reduceInput(once, "j"))?.id);
    expect(currentNode(reduceInput(open(), "jj"))?.id).not.toBe(currentNode(once)?.id);
  });

  it("moves the focus two panes for two Tabs", () => {
    expect(reduceInput(open(), "\t").focus).toBe("detail");
    expect(reduceInput(open(), "\t\t").focus).toBe("problems");
  });

  it("opens the search with / and types the rest of the chunk into it as one insertion", () => {
    const state = reduceInput(open(), "/新生儿");
    expect(state.mode).toBe("search");
    expect(state.search.text).toBe("新生儿");
    expect(currentNode(state)?.key).toBe("newborn-birth");
    const accepted = reduceInput(state, "\r\r");
    expect(accepted.mode).toBe("browse");
    expect(accepted.focus).toBe("detail");
  });

  it("moves the matter under the cursor down with Shift+↓ and back up with Shift+↑", () => {
    const state = open();
    const stage = state.tree.flatMap((subject) => subject.children).find((node) => node.children.length >= 2);
    const first = stage?.children[0];
    expect(first?.kind).toBe("matter");
    const onMatter: EditorState = { ...state, cursorId: first?.id };
    const before = onMatter.files[LIST]?.text ?? "";
    const ids = (text: string) => [...text.matchAll(/^ {4}- id: (.+)$/gmu)].map((match) => match[1]);
    const key = first?.key ?? "";
    const moved = reduceInput(onMatter, "\u001B[1;2B");
    expect(ids(moved.files[LIST]?.text ?? "").indexOf(key)).toBeGreaterThan(ids(before).indexOf(key));
    expect(currentNode(moved)?.key).toBe(key);
    expect(reduceInput(moved, "\u001B[1;2A").files[LIST]?.text).toBe(before);
  });

  it("inserts text pasted with line breaks into a field as text, never as commands", () => {
    const editing = reduceInput(reduceInput(reduceInput(open(), "/新生儿"), "\r\r"), "e");
    expect(editing.mode).toBe("edit");
    const pasted = reduceInput(editing, "甲\nq乙");
    expect(pasted.mode).toBe("edit");
    expect(pasted.edit?.buffer.text.endsWith("甲q乙")).toBe(true);
  });
});

function quietHost(): EditorHost {
  return {
    head: "abc1234",
    today: "2025-07-01",
    save: async () => ({ status: "saved" }),
    read: async () => [],
    writeRecovery: () => undefined,
    exit: () => undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(frame: () => string | undefined, test: (text: string) => boolean, timeout = 4000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = frame() ?? "";
    if (test(text)) return text;
    if (Date.now() - start > timeout) throw new Error(`frame never matched:\n${text}`);
    await sleep(20);
  }
}

describe("the editor reading keys in ink-testing-library", () => {
  it("takes keys written right after the first frame, and two keys in one write", async () => {
    const app = render(createElement(App, { initial: open(), host: quietHost() }));
    // No wait: the keys go in as soon as render returns.
    app.stdin.write("jj");
    app.stdin.write("\t\t");
    const frame = await waitFor(app.lastFrame, (text) => text.includes("问题（") && text.includes("Enter 跳到字段"));
    // The breadcrumb shows the node two rows down (each j counted), and the problems panel has the focus.
    const twoDown = currentNode(reduceInput(reduceInput(open(), "j"), "j"));
    expect(frame.split("\n")[1]?.trim().endsWith(twoDown?.name.zh ?? "?")).toBe(true);
    expect(currentNode(reduceInput(open(), "j"))?.name.zh).not.toBe(twoDown?.name.zh);
    app.unmount();
  });
});
