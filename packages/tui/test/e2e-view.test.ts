import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, committedProject, HAS_TMUX, openTerminal, repositoryFiles } from "./tmux.js";

const terminal = openTerminal("onething-e2e-view");
const { tmux, screen } = terminal;
const waitFor = (test: (text: string) => boolean, what: string) => terminal.waitFor(test, what, { poll: 20 });
/** Writes `text` to the terminal in one write, as a fast typist or an input method does. */
const write = (text: string) => terminal.write(text);

describe.skipIf(!HAS_TMUX)("onething edit in a real terminal: keys at once, local adjustments, the diff view (tmux)", () => {
  let project = "";
  let remove = () => {};
  afterAll(() => {
    terminal.kill();
    remove();
  });

  it("takes keys sent with the first frame, reads several keys in one write, edits a patch, shows and follows the diff", async () => {
    expect(existsSync(CLI), "the CLI is built (npm test runs the build first)").toBe(true);
    ({ path: project, remove } = committedProject("onething-e2e-view-", repositoryFiles("checklists")));
    const list = "checklists/local/shandong/qingdao.yaml";

    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(CLI)} edit ${list} --today 2025-07-01; echo EXIT=$?; sleep 60`);
    await waitFor((text) => text.includes("onething │"), "the first frame");
    // No pause: the search key and the Chinese text go in one write as soon as the first frame shows.
    write("/新生儿");
    await waitFor((text) => text.includes("个人 › 出生 › 〔本地调整〕新生儿出生"), "the search to find Qingdao's patch of 新生儿出生");
    // Enter and Tab in one write: accept the search, then focus the form.
    write("\r\t");
    await waitFor((text) => /› 调整的事项\s+newborn-birth/u.test(text) && /状态\s+已落地 \(landed\)/u.test(text), "the patch's form, focused");
    // Eleven j in one write: eleven rows down the form, to the leader the patch sets.
    write("jjjjjjjjjjj");
    await waitFor((text) => /› 牵头领导\s+分管卫生健康工作的副市长/u.test(text), "the leader field");
    write("e");
    await waitFor((text) => text.includes("确定"), "editing");
    write("甲\r");
    await waitFor((text) => /› 牵头领导\s+分管卫生健康工作的副市长甲/u.test(text) && text.includes("* 未保存 1 处修改"), "the edit applied");

    write("D");
    const diff = await waitFor((text) => text.includes("差异（与 HEAD ") && text.includes(`YAML ${list}（+1 -1）`), "the diff view");
    expect(diff).toMatch(/›~ .*牵头领导：“分管卫生健康工作的副市长” → /u);
    expect(diff).toMatch(/^ - +\d+ │ +leader: 分管卫生健康工作的副市长$/mu);
    expect(diff).toMatch(/^ \+ +\d+ │ +leader: 分管卫生健康工作的副市长甲$/mu);
    // Esc closes it; D again, down to the + line and Enter goes to the field.
    write("\u001B");
    await waitFor((text) => !text.includes("差异（与 HEAD "), "the diff view to close");
    // Two Tabs in one write: from the form past the problems panel to the tree.
    write("\t\t");
    await waitFor((text) => (text.trimEnd().split("\n").at(-1) ?? "").startsWith("Enter 展开/打开"), "the tree to have the focus");
    write("D");
    await waitFor((text) => text.includes("差异（与 HEAD "), "the diff view again");
    // From the first change down to the + line of the raw diff, and Enter, in one write.
    write("jjjjj\r");
    await waitFor((text) => /› 牵头领导\s+分管卫生健康工作的副市长甲/u.test(text) && !text.includes("差异（与 HEAD "), "the jump to the changed field");

    write("q");
    await waitFor((text) => text.includes("放弃修改并退出"), "the quit confirmation");
    write("y");
    await waitFor((text) => text.includes("EXIT=0"), "a clean exit");
    expect(readFileSync(join(project, list), "utf8")).not.toContain("副市长甲");
  });
});
