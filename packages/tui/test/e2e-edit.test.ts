import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixtureTexts, LIST } from "./fixture.js";
import { CLI, committedProject, HAS_TMUX, openTerminal, sleep } from "./tmux.js";

const terminal = openTerminal("onething-e2e-edit");
const { tmux, screen } = terminal;
const waitFor = (test: (text: string) => boolean, what: string) => terminal.waitFor(test, what, { poll: 100 });
const keys = (...names: string[]) => terminal.keys(names, 80);

describe.skipIf(!HAS_TMUX)("reordering and deleting in a real terminal (tmux)", () => {
  let project = "";
  let remove = () => {};
  afterAll(() => {
    terminal.kill();
    remove();
  });

  it("moves a matter with J, deletes it (y) and undoes that, then saves: the file only has the two matters swapped", async () => {
    expect(existsSync(CLI), "the CLI is built (npm test runs the build first)").toBe(true);
    ({ path: project, remove } = committedProject("onething-e2e-edit-", fixtureTexts()));
    const before = readFileSync(join(project, LIST), "utf8");

    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(CLI)} edit --today 2025-07-01; echo EXIT=$?; sleep 60`);
    await waitFor((text) => text.includes("onething │") && !text.includes("校验中"), "the editor to open and validate");
    await sleep(500);

    await keys("Down", "Enter", "Down");
    await waitFor((text) => /›\s+▸ 开办运输企业/.test(text), "the cursor on 开办运输企业");
    await keys("J");
    await waitFor((text) => /▸ 开办餐饮店[^\n]*\n›\s+▸ 开办运输企业/.test(text), "开办运输企业 below 开办餐饮店");
    await keys("d");
    await waitFor((text) => text.includes("删除事项「开办运输企业」？ y 是 · n 否"), "the delete confirmation");
    await keys("y");
    await waitFor((text) => text.includes("已删除「开办运输企业」") && !text.includes("▸ 开办运输企业"), "the matter to go");
    await keys("u");
    await waitFor((text) => text.includes("已撤销：删除「开办运输企业」") && /›\s+▸ 开办运输企业/.test(text), "the matter to come back");
    await waitFor((text) => !text.includes("校验中"), "validation");
    await keys("s");
    await waitFor((text) => text.includes("仍要保存"), "the warning confirmation");
    await keys("y");
    await waitFor((text) => text.includes("已保存 1 个文件"), "the save");
    await keys("q");
    await waitFor((text) => text.includes("EXIT=0"), "a clean exit");

    const after = readFileSync(join(project, LIST), "utf8");
    const ids = (text: string) => (parse(text) as { spec: { matters: { id: string }[] } }).spec.matters.map((matter) => matter.id);
    const swapped = ids(before).map((id) => (id === "open-transport-enterprise" ? "open-restaurant" : id === "open-restaurant" ? "open-transport-enterprise" : id));
    expect(ids(after)).toEqual(swapped);
    // Every line is still there, byte for byte: the two matters' blocks changed places.
    expect(after.split("\n").sort()).toEqual(before.split("\n").sort());
    expect(existsSync(join(project, ".onething-recovery"))).toBe(false);
  });
});
