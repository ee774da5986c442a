import { renderToString } from "ink";
import { createElement } from "react";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { Screen } from "../src/components/screen.js";
import type { KeyPress } from "../src/keys.js";
import { reduce } from "../src/reducer.js";
import { createState, type EditorState } from "../src/state.js";
import { validateState } from "../src/validation.js";
import { screenText, screenView } from "../src/view.js";
import { fixtureDocuments, LIST } from "./fixture.js";

function press(state: EditorState, keys: KeyPress[]): EditorState {
  return keys.reduce((next, key) => reduce(next, { type: "key", key }), state);
}

function opened(columns: number, rows: number): EditorState {
  const state = createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns, rows } });
  const checked = reduce(state, { type: "validated", version: 0, problems: validateState(state, { today: "2025-07-01" }) });
  // Search 新生儿, accept, open the form, select the promised time and start typing into it.
  return press(checked, [
    { input: "/", ctrl: false },
    { input: "新生儿", ctrl: false },
    { input: "", name: "return", ctrl: false },
    { input: "", name: "return", ctrl: false },
    ...Array.from({ length: 7 }, (): KeyPress => ({ input: "", name: "down", ctrl: false })),
    { input: "e", ctrl: false },
  ]);
}

describe.each([45, 80, 120])("at %i columns", (columns) => {
  const state = opened(columns, 24);
  const view = screenView(state, { head: "abc1234" });

  it("fills exactly the width on every row and is one row shorter than the terminal", () => {
    const rows = screenText(view);
    expect(rows).toHaveLength(23);
    for (const row of rows) expect(stringWidth(row)).toBe(columns);
  });

  it("draws the same rows through Ink", () => {
    const frame = renderToString(createElement(Screen, { view }), { columns });
    const lines = frame.split("\n");
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(frame).toMatchSnapshot();
  });

  it("places the real cursor after the typed text, for the input method", () => {
    const row = screenText(view)[view.cursor?.y ?? -1] ?? "";
    expect(row).toMatch(/承诺时限\s+20/);
    const before = row.split("20")[0] ?? "";
    expect(view.cursor?.x).toBe(stringWidth(before) + 2);
  });
});
