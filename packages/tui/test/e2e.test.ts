import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureTexts, LIST } from "./fixture.js";

const cli = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));
const hasTmux = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;
if (!hasTmux) console.warn("e2e: tmux is not on PATH, so the end-to-end test in a real terminal is skipped (.ci/run installs it).");

const socket = `onething-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", "edit");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(test: (text: string) => boolean, what: string, timeout = 15_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = screen();
    if (test(text)) return text;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
    await sleep(100);
  }
}

async function keys(...names: string[]): Promise<void> {
  for (const name of names) {
    tmux("send-keys", "-t", "edit", name);
    await sleep(60);
  }
}

async function literal(text: string): Promise<void> {
  tmux("send-keys", "-t", "edit", "-l", "--", text);
  await sleep(100);
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

describe.skipIf(!hasTmux)("onething edit in a real terminal (tmux)", () => {
  const project = mkdtempSync(join(tmpdir(), "onething-e2e-"));
  afterAll(() => {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    rmSync(project, { recursive: true, force: true });
  });

  it("searches in Chinese, sees an invalid promised time reported, fixes it, saves one line", async () => {
    expect(existsSync(cli), "the CLI is built (npm test runs the build first)").toBe(true);
    for (const [path, text] of fixtureTexts()) {
      mkdirSync(join(project, dirname(path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    git(project, "init", "-q");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "add", ".");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", "fixture");

    // CI=false: with CI=true Ink draws only the last frame. The pane stays open to show the exit code.
    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(cli)} edit --today 2025-07-01; echo EXIT=$?; sleep 60`);
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
