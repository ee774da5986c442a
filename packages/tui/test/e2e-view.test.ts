import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));
const checklists = fileURLToPath(new URL("../../../checklists", import.meta.url));
const hasTmux = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;

const socket = `onething-e2e-view-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", "edit");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(test: (text: string) => boolean, what: string, timeout = 15_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = screen();
    if (test(text)) return text;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
    await sleep(20);
  }
}

/** Writes `text` to the terminal in one write, as a fast typist or an input method does. */
const write = (text: string) => tmux("send-keys", "-t", "edit", "-l", "--", text);

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

describe.skipIf(!hasTmux)("onething edit in a real terminal: keys at once, local adjustments, the diff view (tmux)", () => {
  const project = mkdtempSync(join(tmpdir(), "onething-e2e-view-"));
  afterAll(() => {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    rmSync(project, { recursive: true, force: true });
  });

  it("takes keys sent with the first frame, reads several keys in one write, edits a patch, shows and follows the diff", async () => {
    expect(existsSync(cli), "the CLI is built (npm test runs the build first)").toBe(true);
    cpSync(checklists, join(project, "checklists"), { recursive: true });
    git(project, "init", "-q");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "add", ".");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", "fixture");
    const list = "checklists/local/shandong/qingdao.yaml";

    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(cli)} edit ${list} --today 2025-07-01; echo EXIT=$?; sleep 60`);
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
