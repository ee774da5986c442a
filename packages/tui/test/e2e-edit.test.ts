import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixtureTexts, LIST } from "./fixture.js";

const cli = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));
const hasTmux = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;

const socket = `onething-e2e-edit-${process.pid}`;
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
    await sleep(80);
  }
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

describe.skipIf(!hasTmux)("reordering and deleting in a real terminal (tmux)", () => {
  const project = mkdtempSync(join(tmpdir(), "onething-e2e-edit-"));
  afterAll(() => {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    rmSync(project, { recursive: true, force: true });
  });

  it("moves a matter with J, deletes it (y) and undoes that, then saves: the file only has the two matters swapped", async () => {
    expect(existsSync(cli), "the CLI is built (npm test runs the build first)").toBe(true);
    for (const [path, text] of fixtureTexts()) {
      mkdirSync(join(project, dirname(path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    git(project, "init", "-q");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "add", ".");
    git(project, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", "fixture");
    const before = readFileSync(join(project, LIST), "utf8");

    tmux("new-session", "-d", "-s", "edit", "-x", "100", "-y", "30", "-c", project, `env CI=false LANG=C.UTF-8 node ${JSON.stringify(cli)} edit --today 2025-07-01; echo EXIT=$?; sleep 60`);
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
