import { existsSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureTexts, LIST } from "./fixture.js";
import { CLI, committedProject, git, HAS_TMUX, openTerminal, sleep } from "./tmux.js";

const terminal = openTerminal("onething-e2e");
const { tmux, screen } = terminal;
const waitFor = (test: (text: string) => boolean, what: string) => terminal.waitFor(test, what, { poll: 100 });
const keys = (...names: string[]) => terminal.keys(names, 60);
async function literal(text: string): Promise<void> {
  terminal.write(text);
  await sleep(100);
}

describe.skipIf(!HAS_TMUX)("onething edit in a real terminal (tmux)", () => {
  let project = "";
  let remove = () => {};
  afterAll(() => {
    terminal.kill();
    remove();
  });

  it("searches in Chinese, sees an invalid promised time reported, fixes it, saves one line", async () => {
    expect(existsSync(CLI), "the CLI is built (npm test runs the build first)").toBe(true);
    ({ path: project, remove } = committedProject("onething-e2e-", fixtureTexts()));

    // CI=false: with CI=true Ink draws only the last frame. The pane stays open to show the exit code.
    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(CLI)} edit --today 2025-07-01; echo EXIT=$?; sleep 60`);
    await waitFor((text) => text.includes("onething │") && !text.includes("校验中"), "the editor to open and validate");

    await keys("/");
    await literal("新生儿");
    await waitFor((text) => text.includes("个人 › 出生 › 新生儿出生"), "the search to find 新生儿出生");
    await keys("Enter", "Enter", "Down", "Down", "Down", "Down", "Down", "Down", "Down");
    await waitFor((text) => /› 承诺时限\s+20/.test(text), "the promised-time field");
    await keys("e", "BSpace", "BSpace");
    await literal("-1");
    const typing = await waitFor((text) => /承诺时限\s+-1/.test(text) && text.includes("应不小于 0"), "the live message under the field");
    // The real cursor sits right after the typed text, where the input method opens its window.
    const [x, y] = tmux("display", "-p", "-t", "edit", "#{cursor_x},#{cursor_y}").trim().split(",").map(Number);
    const row = typing.split("\n")[y ?? -1] ?? "";
    expect(row).toMatch(/承诺时限\s+-1/);
    expect(x).toBe(stringWidth(row.slice(0, row.indexOf("-1") + 2)));

    await keys("Enter");
    await waitFor((text) => /✗ 1/.test(text.split("\n")[0] ?? "") && /✗ \S*2024-1\.yaml:\d+:\d+ .*应不小于 0/.test(text), "the problem in the header and panel");
    await keys("s");
    await waitFor((text) => text.includes("修正后才能保存"), "saving to be refused");

    await keys("e", "BSpace", "BSpace", "5", "Enter");
    await waitFor((text) => /✗ 0/.test(text.split("\n")[0] ?? ""), "the problem to go away");
    await keys("s");
    await waitFor((text) => text.includes("仍要保存"), "the warning confirmation");
    await keys("y");
    await waitFor((text) => text.includes("已保存 1 个文件"), "the save");
    await keys("q");
    await waitFor((text) => text.includes("EXIT=0"), "a clean exit");

    expect(git(project, "diff", "--numstat").trim()).toBe(`1\t1\t${LIST}`);
    expect(git(project, "diff", "-U0").split("\n").filter((line) => /^[-+] /.test(line))).toEqual([
      "-      promisedTime: { value: 20, unit: workday }",
      "+      promisedTime: { value: 5, unit: workday }",
    ]);
    expect(existsSync(join(project, ".onething-recovery"))).toBe(false);
  });
});
