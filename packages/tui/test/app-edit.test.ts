import { render } from "ink-testing-library";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { App, type SaveOutcome } from "../src/components/app.js";
import { diffLines } from "../src/line-diff.js";
import { createState } from "../src/state.js";
import { fixtureDocuments, LIST } from "./fixture.js";
import { fakeHost, waitFor, sleep } from "./ink.js";

const DOWN = "\u001B[B";
const ENTER = "\r";
const ESC = "\u001B";

function start() {
  const { host, saves } = fakeHost();
  const initial = createState({ documents: fixtureDocuments(), editable: [LIST], size: { columns: 100, rows: 30 } });
  const app = render(createElement(App, { initial, host }));
  const type = async (...inputs: string[]) => {
    for (const input of inputs) {
      app.stdin.write(input);
      await sleep(50);
    }
  };
  return { app, saves, type };
}

describe("structural edits in ink-testing-library", () => {
  it("asks before deleting a matter, deletes it on y, undoes with a toast, and saves exactly the removed lines", async () => {
    const { app, saves, type } = start();
    await waitFor(app.lastFrame, (text) => text.includes("HEAD abc1234") && !text.includes("校验中"));
    await type("/", "新生儿", ENTER);
    await waitFor(app.lastFrame, (text) => /›\s+▸ 新生儿出生/.test(text));
    await type("d");
    await waitFor(app.lastFrame, (text) => text.includes("删除事项「新生儿出生」？ y 是 · n 否"));
    await type("n");
    await waitFor(app.lastFrame, (text) => !text.includes("删除事项") && /›\s+▸ 新生儿出生/.test(text));
    await type("d", "y");
    await waitFor(app.lastFrame, (text) => text.includes("已删除「新生儿出生」") && !text.includes("▸ 新生儿出生") && text.includes("* 未保存 1 处修改"));
    await type("u");
    await waitFor(app.lastFrame, (text) => text.includes("已撤销：删除「新生儿出生」") && text.includes("新生儿出生"));
    await type("\u0012");
    await waitFor(app.lastFrame, (text) => text.includes("已重做：删除「新生儿出生」") && !text.includes("▸ 新生儿出生"));
    await waitFor(app.lastFrame, (text) => !text.includes("校验中"));
    await type("s");
    await waitFor(app.lastFrame, (text) => text.includes("仍要保存"));
    await type("y");
    await waitFor(app.lastFrame, (text) => text.includes("已保存 1 个文件"));
    const [file] = saves[0]?.files ?? [];
    const before = (file?.original ?? "").split("\n");
    const after = (file?.text ?? "").split("\n");
    const script = diffLines(before, after);
    expect(script.filter((step) => step.type === "insert")).toEqual([]);
    const removed = script.flatMap((step) => (step.type === "delete" ? [before[step.a]] : []));
    expect(removed[0]).toBe("    - id: newborn-birth");
    expect(removed.every((line) => line?.startsWith("      ") || line === "    - id: newborn-birth")).toBe(true);
    app.unmount();
  });

  it("asks to type 删除 before deleting a stage with its matters", async () => {
    const { app, type } = start();
    await waitFor(app.lastFrame, (text) => text.includes("HEAD abc1234"));
    await type(DOWN, "d");
    await waitFor(app.lastFrame, (text) => text.includes("删除阶段「准入准营」下的全部 2 个事项？输入「删除」确认："));
    await type("删除");
    await waitFor(app.lastFrame, (text) => text.includes("输入「删除」确认：删除"));
    await type(ENTER);
    const after = await waitFor(app.lastFrame, (text) => !text.includes("▸ 准入准营") && text.includes("* 未保存 1 处修改"));
    // Only the subject lost matters; the matters after them are not marked modified.
    expect(after).toMatch(/▾ 经营主体 \(6\)\s+\*│/);
    expect(after).toMatch(/▸ 招聘用工 \(1\)\s+│/);
    app.unmount();
  });

  it("edits the partners list: opens it from the form, adds a department chosen by filtering, shows it in the form", async () => {
    const { app, type } = start();
    await waitFor(app.lastFrame, (text) => text.includes("HEAD abc1234"));
    await type("/", "新生儿", ENTER, ENTER);
    for (let index = 0; index < 12; index += 1) await type(DOWN);
    await waitFor(app.lastFrame, (text) => /› 配合部门\s+—/.test(text));
    await type(ENTER);
    await waitFor(app.lastFrame, (text) => text.includes("配合部门（0 项）") && text.includes("（空）按 a 添加"));
    await type("a");
    await waitFor(app.lastFrame, (text) => text.includes("选择 配合部门："));
    await type("公安");
    await waitFor(app.lastFrame, (text) => /› 公安部\s+dept\.mps/.test(text));
    await type(ENTER);
    await waitFor(app.lastFrame, (text) => text.includes("配合部门（1 项）") && text.includes("› 1. 公安部 (dept.mps)"));
    await type("a", "卫生", ENTER);
    await waitFor(app.lastFrame, (text) => text.includes("› 2. 国家卫生健康委员会 (dept.nhc)"));
    await type("K");
    await waitFor(app.lastFrame, (text) => text.includes("› 1. 国家卫生健康委员会 (dept.nhc)") && text.includes("  2. 公安部 (dept.mps)"));
    await type(ESC);
    await waitFor(app.lastFrame, (text) => /› 配合部门\s+国家卫生健康委员会、公安部/.test(text));
    // The owners have no lead department yet: the validator says so under the form.
    await waitFor(app.lastFrame, (text) => /✗ 1/.test(text));
    app.unmount();
  });
});
