import { render } from "ink-testing-library";
import { createElement } from "react";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { App, type SaveOutcome } from "../src/components/app.js";
import { createState } from "../src/state.js";
import { changedLines, fixtureDocuments, LIST } from "./fixture.js";
import { fakeHost, waitFor, sleep } from "./ink.js";

const DOWN = "\u001B[B";
const ENTER = "\r";
const BACKSPACE = "\u007F";

describe("the editor in ink-testing-library", () => {
  it("searches, edits a promised time to an invalid value, shows the problem, fixes it and saves one line", async () => {
    const { host, saves, recoveries } = fakeHost();
    const initial = createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } });
    const app = render(createElement(App, { initial, host }));
    const type = async (input: string) => {
      app.stdin.write(input);
      await sleep(50);
    };
    await waitFor(app.lastFrame, (text) => text.includes("HEAD abc1234") && !text.includes("校验中"));
    await type("/");
    await type("新生儿");
    await waitFor(app.lastFrame, (text) => text.includes("› 个人 › 出生 › 新生儿出生") || text.includes("个人 › 出生 › 新生儿出生"));
    await type(ENTER);
    await type(ENTER);
    for (let index = 0; index < 7; index += 1) await type(DOWN);
    await waitFor(app.lastFrame, (text) => /› 承诺时限\s+20/.test(text));
    await type("e");
    await type(BACKSPACE + BACKSPACE);
    await type("-1");
    // Live validation, debounced, puts the Chinese message under the field while typing.
    await waitFor(app.lastFrame, (text) => /承诺时限\s+-1/.test(text) && text.includes("应不小于 0"));
    expect(recoveries.at(-1)?.[0]?.text).toContain("promisedTime: { value: -1, unit: workday }");
    await type(ENTER);
    const invalid = await waitFor(app.lastFrame, (text) => text.includes("* 未保存") && /✗ 1/.test(text));
    expect(invalid).toMatch(/✗ \S*2024-1\.yaml:\d+:\d+ .*应不小于 0/);
    await type("s");
    await waitFor(app.lastFrame, (text) => text.includes("修正后才能保存"));
    expect(saves).toEqual([]);
    await type("e");
    await type(BACKSPACE + BACKSPACE);
    await type("5");
    await type(ENTER);
    await waitFor(app.lastFrame, (text) => /✗ 0/.test(text));
    await type("s");
    await waitFor(app.lastFrame, (text) => text.includes("仍要保存"));
    await type("y");
    await waitFor(app.lastFrame, (text) => text.includes("已保存 1 个文件"));
    expect(saves).toHaveLength(1);
    const [file] = saves[0]?.files ?? [];
    expect(changedLines(file?.original ?? "", file?.text ?? "").map((change) => change.after)).toEqual(["      promisedTime: { value: 5, unit: workday }"]);
    // Saved: nothing is left to recover.
    await waitFor(() => JSON.stringify(recoveries.at(-1)), (text) => text === "[]");
    app.unmount();
  });

  it("filters help as you type and never draws a row wider than the terminal", async () => {
    const { host } = fakeHost();
    const initial = createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } });
    const app = render(createElement(App, { initial, host }));
    await waitFor(app.lastFrame, (text) => text.includes("onething"));
    app.stdin.write("?");
    await sleep(50);
    app.stdin.write("撤销");
    const help = await waitFor(app.lastFrame, (text) => text.includes("帮助 — 输入文字筛选：撤销"));
    expect(help).toMatch(/u\s+撤销/);
    expect(help).not.toMatch(/s \/ Ctrl\+S\s+保存/);
    for (const line of help.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    app.unmount();
  });

  it("asks before quitting with unsaved edits and exits on y", async () => {
    const { host, exits } = fakeHost();
    const initial = createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } });
    const app = render(createElement(App, { initial, host }));
    await waitFor(app.lastFrame, (text) => text.includes("onething"));
    for (const input of ["/", "新生儿", ENTER, ENTER, "e", "x", ENTER, "q"]) {
      app.stdin.write(input);
      await sleep(50);
    }
    await waitFor(app.lastFrame, (text) => text.includes("放弃修改并退出"));
    expect(exits).toEqual([]);
    app.stdin.write("y");
    await waitFor(() => String(exits.length), (text) => text === "1");
    expect(exits).toEqual([false]);
    app.unmount();
  });
});
